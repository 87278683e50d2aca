import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWooEmulator, type WcOrder, type WooEmulator } from '../../../sim/woocommerce/index.js';

const stores: WooEmulator[] = [];
const D = (v: string): Decimal => new Decimal(v);
const sum = (values: string[]): Decimal => values.reduce((acc, v) => acc.plus(D(v)), new Decimal(0));

beforeAll(async () => {
  const configs = [
    { pricesIncludeTax: false, taxRoundAtSubtotal: false },
    { pricesIncludeTax: true, taxRoundAtSubtotal: false },
    { pricesIncludeTax: false, taxRoundAtSubtotal: true },
    { pricesIncludeTax: true, taxRoundAtSubtotal: true },
  ];
  for (const [i, config] of configs.entries()) {
    const woo = await startWooEmulator({
      storeId: `s${i}`,
      webhookSecret: 'w',
      tax: { rate: '21' },
      ...config,
    });
    ['9.99', '0.15', '12.00', '33.33', '1.05'].forEach((price, k) =>
      woo.createProduct({
        name: `P${k}`,
        sku: `P${k}`,
        regular_price: price,
        manage_stock: true,
        stock_quantity: 1_000_000,
      }),
    );
    woo.addCoupon({ code: 'pct', discount_type: 'percent', amount: '15' });
    woo.addCoupon({ code: 'fix', discount_type: 'fixed_cart', amount: '7.50' });
    stores.push(woo);
  }
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

/** What the canonical integrity check relies on: WooCommerce's own totals add up. */
function assertConsistent(order: WcOrder, roundAtSubtotal: boolean): void {
  const lines = sum(order.line_items.map((l) => l.total));
  const fees = sum(order.fee_lines.map((f) => f.total));
  const shipping = sum(order.shipping_lines.map((s) => s.total));
  // Per-line rounding: exact. Subtotal rounding keeps unrounded line amounts, so the printed
  // lines may miss the total by up to a cent per line (WooCommerce #17397, #25641).
  const tolerance = roundAtSubtotal
    ? new Decimal(0.01).times(order.line_items.length + order.fee_lines.length)
    : new Decimal(0);
  const recomputed = lines.plus(fees).plus(shipping).plus(D(order.cart_tax)).plus(D(order.shipping_tax));
  expect(recomputed.minus(D(order.total)).abs().lte(tolerance)).toBe(true);
  expect(D(order.total_tax).toFixed(2)).toBe(D(order.cart_tax).plus(D(order.shipping_tax)).toFixed(2));
  expect(sum(order.tax_lines.map((t) => t.tax_total)).toFixed(2)).toBe(D(order.cart_tax).toFixed(2));
  const lineDiscounts = sum(order.line_items.map((l) => D(l.subtotal).minus(D(l.total)).toFixed(2)));
  expect(lineDiscounts.minus(D(order.discount_total)).abs().lte(tolerance)).toBe(true);
  expect(sum(order.coupon_lines.map((c) => c.discount)).toFixed(2)).toBe(D(order.discount_total).toFixed(2));
  const lineTaxes = sum([
    ...order.line_items.map((l) => l.total_tax),
    ...order.fee_lines.map((f) => f.total_tax),
  ]);
  expect(lineTaxes.minus(D(order.cart_tax)).abs().lte(tolerance)).toBe(true);
}

describe('orders the emulator creates are internally consistent', () => {
  it('for random carts, coupons, fees and shipping in every tax mode', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.array(
          fc.record({
            sku: fc.constantFrom('P0', 'P1', 'P2', 'P3', 'P4'),
            quantity: fc.integer({ min: 1, max: 7 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.subarray(['pct', 'fix']),
        fc.option(fc.constantFrom('0.00', '4.90', '12.35'), { nil: undefined }),
        fc.option(fc.constantFrom('2.50', '-1.00', '0.99'), { nil: undefined }),
        (storeIndex, lineItems, coupons, shippingTotal, feeTotal) => {
          const woo = stores[storeIndex] as WooEmulator;
          const order = woo.createOrder({
            lineItems,
            coupons: coupons.map((code) => ({ code })),
            ...(shippingTotal === undefined ? {} : { shipping: { total: shippingTotal } }),
            ...(feeTotal === undefined ? {} : { fees: [{ name: 'Fee', total: feeTotal }] }),
          });
          assertConsistent(order, storeIndex >= 2);
          if (storeIndex === 1 && coupons.length === 0 && feeTotal === undefined) {
            // Tax-inclusive shelf prices: the shopper pays exactly the shelf price (plus taxed shipping).
            const shelf = lineItems.reduce(
              (acc, l) =>
                acc.plus(
                  D(['9.99', '0.15', '12.00', '33.33', '1.05'][Number(l.sku.slice(1))] as string).times(
                    l.quantity,
                  ),
                ),
              new Decimal(0),
            );
            expect(
              D(order.total).minus(D(order.shipping_total)).minus(D(order.shipping_tax)).toFixed(2),
            ).toBe(shelf.toFixed(2));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
