import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from './money.js';
import { allocateCents, computeTotals, type TotalsSettings } from './totals.js';

const exclusive: TotalsSettings = {
  dp: 2,
  inclusive: false,
  roundAtSubtotal: false,
  tax: { rateId: 1, rate: '20', shipping: true },
};

describe('computeTotals', () => {
  it('percent coupon, tax per line, taxed shipping (exclusive prices)', () => {
    const t = computeTotals(
      exclusive,
      [{ basis: D('39.98'), taxable: true }],
      [{ type: 'percent', amount: D(10) }],
      [],
      [{ total: D('4.90') }],
    );
    expect(t.lines[0]?.total.toFixed(2)).toBe('35.98');
    expect(t.lines[0]?.totalTax.toFixed(2)).toBe('7.20');
    expect(t.discountTotal.toFixed(2)).toBe('4.00');
    expect(t.discountTax.toFixed(2)).toBe('0.80');
    expect(t.shippingTax.toFixed(2)).toBe('0.98');
    expect(t.total.toFixed(2)).toBe('49.06');
  });

  it('fixed_cart coupon is spread over lines without losing a cent', () => {
    const t = computeTotals(
      exclusive,
      [1, 1, 1].map(() => ({ basis: D('10.00'), taxable: true })),
      [{ type: 'fixed_cart', amount: D('10.00') }],
      [],
      [],
    );
    const discounts = t.lines.map((l) => l.subtotal.minus(l.total).toFixed(2));
    expect(discounts).toEqual(['3.34', '3.33', '3.33']);
    expect(t.discountTotal.toFixed(2)).toBe('10.00');
    // 6.66 + 6.67 + 6.67 with 1.33 tax each (rounded per line): 20.00 + 3.99
    expect(t.total.toFixed(2)).toBe('23.99');
  });

  it('tax-inclusive prices: the shopper pays the shelf price', () => {
    const settings: TotalsSettings = {
      ...exclusive,
      inclusive: true,
      tax: { rateId: 1, rate: '20', shipping: false },
    };
    const t = computeTotals(settings, [{ basis: D('12.00'), taxable: true }], [], [], []);
    expect(t.lines[0]?.subtotal.toFixed(2)).toBe('10.00');
    expect(t.lines[0]?.totalTax.toFixed(2)).toBe('2.00');
    expect(t.total.toFixed(2)).toBe('12.00');
  });

  it('subtotal-level rounding can differ from the sum of rounded line taxes by a cent', () => {
    const lines = [0, 1, 2].map(() => ({ basis: D('0.15'), taxable: true }));
    const perLine = computeTotals(
      { ...exclusive, tax: { rateId: 1, rate: '10', shipping: false } },
      lines,
      [],
      [],
      [],
    );
    const atSubtotal = computeTotals(
      { ...exclusive, roundAtSubtotal: true, tax: { rateId: 1, rate: '10', shipping: false } },
      lines,
      [],
      [],
      [],
    );
    expect(perLine.cartTax.toFixed(2)).toBe('0.06');
    expect(atSubtotal.cartTax.toFixed(2)).toBe('0.05');
  });

  it('fees are taxed unless marked none', () => {
    const t = computeTotals(
      exclusive,
      [{ basis: D('10'), taxable: true }],
      [],
      [
        { total: D('5'), taxable: true },
        { total: D('-1'), taxable: false },
      ],
      [],
    );
    expect(t.cartTax.toFixed(2)).toBe('3.00');
    expect(t.total.toFixed(2)).toBe('17.00');
  });
});

describe('allocateCents', () => {
  it('never creates or loses a cent and never exceeds a weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (weights, amount) => {
          const w = weights.map((x) => D(x));
          const total = weights.reduce((a, b) => a + b, 0);
          const shares = allocateCents(D(amount), w);
          const allocated = shares.reduce((acc, s) => acc.plus(s), D(0));
          expect(allocated.toNumber()).toBe(total === 0 ? 0 : Math.min(amount, total));
          shares.forEach((s, i) => expect(s.lte(w[i] ?? D(0))).toBe(true));
        },
      ),
    );
  });
});
