import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  add,
  checkOrderIntegrity,
  OrderSchema,
  roundingAdjustment,
  validateSchema,
  type Order,
} from '../../src/canonical/index.js';
import { eur, order727, taxInclusiveOrder, usd } from './fixtures/orders.js';

const raw = JSON.parse(
  readFileSync(new URL('./fixtures/order-727-retrieve.docs.json', import.meta.url), 'utf8'),
) as {
  total: string;
  total_tax: string;
  shipping_total: string;
  line_items: { subtotal: string; total: string; total_tax: string }[];
};

const codes = (order: Order, taxRounding: 'per-line' | 'subtotal') =>
  checkOrderIntegrity(order, { taxRounding }).discrepancies.map((d) => d.code);

/** Three lines of 0.99 at 19 %: per-line tax 0.1881 each; per-line rounding gives 0.57, subtotal rounding 0.56. */
function threeSmallLines(lineTax: string, lineTotalTax: string, rateTotal: string): Order {
  const base = order727();
  const line = (id: string) => ({
    lineId: id,
    sku: `SKU-${id}`,
    name: `Item ${id}`,
    quantity: 1,
    unitPrice: eur('0.99'),
    subtotal: eur('0.99'),
    subtotalTax: eur(lineTotalTax),
    discount: eur('0.00'),
    total: eur('0.99'),
    totalTax: eur(lineTotalTax),
    taxes: [{ rateId: '2', label: 'MwSt', rate: '19', amount: eur(lineTax) }],
  });
  return {
    ...base,
    currency: 'EUR',
    lines: [line('1'), line('2'), line('3')],
    shippingLines: [],
    taxLines: [
      {
        rateId: '2',
        label: 'MwSt',
        rate: '19',
        compound: false,
        taxTotal: eur(rateTotal),
        shippingTaxTotal: eur('0.00'),
      },
    ],
    totals: {
      subtotal: eur('2.97'),
      discountTotal: eur('0.00'),
      discountTax: eur('0.00'),
      shippingTotal: eur('0.00'),
      shippingTax: eur('0.00'),
      feeTotal: eur('0.00'),
      taxTotal: eur(rateTotal),
      total: add(eur('2.97'), eur(rateTotal)),
    },
  };
}

describe('canonical fixtures', () => {
  it('order 727 converted by hand keeps the WooCommerce figures and is a valid Order', () => {
    const order = order727();
    expect(validateSchema(OrderSchema, order)).toMatchObject({ ok: true });
    expect(order.totals.total.amount).toBe(raw.total);
    expect(order.totals.taxTotal.amount).toBe(raw.total_tax);
    expect(order.totals.shippingTotal.amount).toBe(raw.shipping_total);
    expect(order.lines.map((l) => [l.subtotal.amount, l.total.amount, l.totalTax.amount])).toEqual(
      raw.line_items.map((l) => [l.subtotal, l.total, l.total_tax]),
    );
  });

  it('the tax-inclusive order is a valid Order', () => {
    expect(validateSchema(OrderSchema, taxInclusiveOrder())).toMatchObject({ ok: true });
  });
});

describe('checkOrderIntegrity', () => {
  it('accepts the tax-exclusive WooCommerce order 727 in both rounding modes', () => {
    expect(checkOrderIntegrity(order727(), { taxRounding: 'per-line' })).toEqual({
      ok: true,
      discrepancies: [],
    });
    expect(checkOrderIntegrity(order727(), { taxRounding: 'subtotal' })).toEqual({
      ok: true,
      discrepancies: [],
    });
  });

  it('accepts the tax-inclusive order on its stored ex-tax figures', () => {
    expect(checkOrderIntegrity(taxInclusiveOrder(), { taxRounding: 'per-line' })).toEqual({
      ok: true,
      discrepancies: [],
    });
  });

  it('flags a total one cent off, whatever the rounding mode, with expected and actual', () => {
    const order = order727();
    order.totals.total = usd('29.36');
    for (const mode of ['per-line', 'subtotal'] as const) {
      const report = checkOrderIntegrity(order, { taxRounding: mode });
      expect(report.ok).toBe(false);
      expect(report.discrepancies).toEqual([
        expect.objectContaining({
          code: 'order_total_mismatch',
          path: '/totals/total',
          expected: usd('29.35'),
          actual: usd('29.36'),
        }),
      ]);
    }
  });

  it('tolerates one cent per rate between rounded line taxes and the rate total only in subtotal mode', () => {
    // Per line: 3 × 0.19 = 0.57; at subtotal level: round(0.5643) = 0.56.
    const order = threeSmallLines('0.19', '0.19', '0.56');
    expect(codes(order, 'subtotal')).toEqual([]);
    expect(codes(order, 'per-line')).toEqual(['tax_rate_mismatch']);
  });

  it('accepts unrounded per-line taxes in subtotal mode and refuses them per line', () => {
    const order = threeSmallLines('0.1881', '0.19', '0.56');
    expect(codes(order, 'subtotal')).toEqual([]);
    expect(codes(order, 'per-line')).toEqual([
      'line_tax_mismatch',
      'line_tax_mismatch',
      'line_tax_mismatch',
      'tax_rate_mismatch',
    ]);
  });

  it('flags two cents per rate even in subtotal mode', () => {
    const order = threeSmallLines('0.19', '0.19', '0.55');
    const report = checkOrderIntegrity(order, { taxRounding: 'subtotal' });
    expect(report.discrepancies).toEqual([
      expect.objectContaining({
        code: 'tax_rate_mismatch',
        path: '/taxLines/0',
        expected: eur('0.57'),
        actual: eur('0.55'),
      }),
    ]);
  });

  it('tolerates at most one cent per rate: two rates each one cent off pass, one rate two cents off fails', () => {
    const order = order727();
    order.lines[0]!.taxes.push({ rateId: '76', label: 'City Tax', amount: usd('0.10') });
    order.lines[0]!.totalTax = usd('0.55');
    order.taxLines[0]!.taxTotal = usd('1.34');
    order.taxLines.push({
      rateId: '76',
      label: 'City Tax',
      compound: false,
      taxTotal: usd('0.11'),
      shippingTaxTotal: usd('0.00'),
    });
    order.totals.taxTotal = usd('1.45');
    order.totals.total = usd('29.45');
    expect(codes(order, 'subtotal')).toEqual([]);
    order.taxLines[1]!.taxTotal = usd('0.12');
    order.totals.taxTotal = usd('1.46');
    order.totals.total = usd('29.46');
    expect(codes(order, 'subtotal')).toEqual(['tax_rate_mismatch']);
  });

  it('reports each broken sum at its path', () => {
    const order = taxInclusiveOrder();
    order.lines[0]!.discount = eur('4.99');
    order.totals.subtotal = eur('60.40');
    order.shippingLines[0]!.total = eur('4.09');
    order.couponLines[0]!.discount = eur('6.00');
    order.lines[1]!.taxes.push({ rateId: '9', label: 'Eco', amount: eur('0.50') });
    const report = checkOrderIntegrity(order, { taxRounding: 'per-line' });
    expect(report.discrepancies.map((d) => [d.code, d.path])).toEqual([
      ['line_discount_mismatch', '/lines/0/discount'],
      ['line_tax_mismatch', '/lines/1/totalTax'],
      ['subtotal_mismatch', '/totals/subtotal'],
      ['discount_total_mismatch', '/totals/discountTotal'],
      ['coupon_total_mismatch', '/couponLines'],
      ['shipping_total_mismatch', '/totals/shippingTotal'],
      ['tax_rate_missing', '/taxLines'],
      ['order_total_mismatch', '/totals/total'],
    ]);
    expect(report.discrepancies.every((d) => d.message.length > 0)).toBe(true);
  });

  it('flags a tampered tax line total and a fee the totals ignore', () => {
    const order = order727();
    order.feeLines.push({
      name: 'Gift wrap',
      taxable: false,
      total: usd('2.00'),
      totalTax: usd('0.00'),
      taxes: [],
    });
    order.totals.taxTotal = usd('1.36');
    expect(codes(order, 'subtotal')).toEqual([
      'fee_total_mismatch',
      'tax_total_mismatch',
      'order_total_mismatch',
    ]);
  });

  it('without tax lines, the tax total must come from the line taxes', () => {
    const order = order727();
    order.taxLines = [];
    expect(codes(order, 'per-line')).toEqual(['tax_rate_missing']);
    order.lines.forEach((line) => {
      line.taxes = [];
      line.totalTax = usd('0.00');
    });
    expect(codes(order, 'subtotal')).toEqual(['tax_total_mismatch']);
  });

  it('reports foreign currencies and skips the arithmetic', () => {
    const order = order727();
    order.lines[1]!.total = eur('12.00');
    const report = checkOrderIntegrity(order, { taxRounding: 'per-line' });
    expect(report.discrepancies).toEqual([
      expect.objectContaining({ code: 'currency_mismatch', path: '/lines/1/total', actual: eur('12.00') }),
    ]);
  });
});

describe('roundingAdjustment', () => {
  it('is the difference to post on the ERP side, signed', () => {
    expect(roundingAdjustment(eur('70.12'), eur('70.11'))).toEqual(eur('0.01'));
    expect(roundingAdjustment(eur('70.12'), eur('70.13'))).toEqual(eur('-0.01'));
    expect(roundingAdjustment(eur('70.12'), eur('70.12'))).toEqual(eur('0.00'));
    expect(
      roundingAdjustment({ currency: 'JPY', amount: '1000' }, { currency: 'JPY', amount: '999' }),
    ).toEqual({ currency: 'JPY', amount: '1' });
  });

  it('refuses differences beyond the allowed rounding and across currencies', () => {
    expect(roundingAdjustment(eur('70.12'), eur('70.10'), { maxMinorUnits: 2 })).toEqual(eur('0.02'));
    expect(() => roundingAdjustment(eur('70.12'), eur('70.09'), { maxMinorUnits: 2 })).toThrow(
      expect.objectContaining({ code: 'total_mismatch', kind: 'business' }),
    );
    expect(() => roundingAdjustment(eur('1.00'), usd('1.00'))).toThrow(
      expect.objectContaining({ code: 'currency_mismatch' }),
    );
  });
});
