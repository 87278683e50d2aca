import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { computeLine } from './tax-engine.js';

const tax = (id: number, amount: number, priceInclude: boolean) => ({
  id,
  amount,
  priceInclude,
  amountType: 'percent' as const,
});

describe('computeLine (round per line)', () => {
  it('extracts an included tax from the rounded line total', () => {
    expect(computeLine({ priceUnit: 10, quantity: 1, discount: 0, taxes: [tax(1, 19, true)] })).toMatchObject(
      { subtotal: 8.4, tax: 1.6, total: 10 },
    );
    expect(
      computeLine({ priceUnit: 10, quantity: 3, discount: 10, taxes: [tax(1, 19, true)] }),
    ).toMatchObject({ subtotal: 22.69, tax: 4.31, total: 27 });
  });

  it('adds excluded taxes on the discounted base, rounded half-up', () => {
    expect(
      computeLine({ priceUnit: 0.99, quantity: 7, discount: 0, taxes: [tax(1, 7, false)] }),
    ).toMatchObject({ subtotal: 6.93, tax: 0.49, total: 7.42 });
    expect(
      computeLine({ priceUnit: 0.5, quantity: 1, discount: 0, taxes: [tax(1, 5, false)] }),
    ).toMatchObject({ tax: 0.03 });
  });

  it('keeps an included-tax line total equal to what the customer pays, for any price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_00 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(5, 7, 19, 20, 21),
        (cents, qty, rate) => {
          const price = cents / 100;
          const line = computeLine({
            priceUnit: price,
            quantity: qty,
            discount: 0,
            taxes: [tax(1, rate, true)],
          });
          expect(line.total).toBe(new Decimal(price).times(qty).toDecimalPlaces(2).toNumber());
          expect(new Decimal(line.subtotal).plus(line.tax).toNumber()).toBe(line.total);
        },
      ),
    );
  });
});
