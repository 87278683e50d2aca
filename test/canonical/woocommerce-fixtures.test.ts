/**
 * Cross-check of the canonical model against real WooCommerce payloads: the connector's mapping
 * of each fixture is a valid Order whose arithmetic passes the integrity check, and order 727
 * matches the hand conversion figure for figure.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wooOrderToCanonical } from '../../src/connectors/woocommerce/mapping/order.js';
import type { WooOrder } from '../../src/connectors/woocommerce/wc-schema.js';
import {
  checkOrderIntegrity,
  equals,
  OrderSchema,
  validateSchema,
  type Money,
} from '../../src/canonical/index.js';
import { order727 } from './fixtures/orders.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as WooOrder;

describe.each([
  ['order-727-retrieve.docs.json', 'USD', '29.35'],
  ['order-723-with-refunds.docs.json', 'USD', '39.00'],
  ['order-205-webhook-body.frappe.json', 'INR', '17.70'],
])('%s mapped to canonical', (file, currency, total) => {
  const order = wooOrderToCanonical(fixture(file), { storeId: 'us' });

  it('is a valid Order with the channel total kept exactly', () => {
    expect(validateSchema(OrderSchema, order)).toMatchObject({ ok: true });
    expect(order.currency).toBe(currency);
    expect(equals(order.totals.total, { currency, amount: total })).toBe(true);
  });

  it('passes the integrity check with per-line tax rounding', () => {
    expect(checkOrderIntegrity(order, { taxRounding: 'per-line' }).discrepancies).toEqual([]);
  });
});

it('the connector and the hand conversion of order 727 agree on every figure', () => {
  const mapped = wooOrderToCanonical(fixture('order-727-retrieve.docs.json'), { storeId: 'us' });
  const byHand = order727();
  const figures = (o: typeof byHand): Money[] => [
    ...Object.values(o.totals),
    ...o.lines.flatMap((l) => [
      l.subtotal,
      l.subtotalTax,
      l.discount,
      l.total,
      l.totalTax,
      ...l.taxes.map((t) => t.amount),
    ]),
    ...o.shippingLines.map((l) => l.total),
    ...o.taxLines.flatMap((l) => [l.taxTotal, l.shippingTaxTotal]),
  ];
  const pairs = figures(mapped).map((m, i) => [m, figures(byHand)[i]] as const);
  expect(pairs).toHaveLength(figures(byHand).length);
  for (const [a, b] of pairs)
    expect(b !== undefined && equals(a, b), `${a.amount} vs ${b?.amount}`).toBe(true);
  expect(mapped.lines.map((l) => [l.lineId, l.sku, l.quantity])).toEqual(
    byHand.lines.map((l) => [l.lineId, l.sku, l.quantity]),
  );
  expect(mapped.payment.status).toBe(byHand.payment.status);
});
