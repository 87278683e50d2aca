import { describe, expect, it } from 'vitest';
import { orderGenerator } from './order-generator.js';

describe('orderGenerator', () => {
  it('is reproducible for a seed and varies lines, payment methods and coupons', () => {
    const a = orderGenerator({ seed: 42, skus: ['A', 'B', 'C'], coupons: ['SAVE10'] });
    const b = orderGenerator({ seed: 42, skus: ['A', 'B', 'C'], coupons: ['SAVE10'] });
    const first = Array.from({ length: 200 }, () => a('eu'));
    const second = Array.from({ length: 200 }, () => b('eu'));
    expect(first).toEqual(second);
    const methods = new Set(first.map((o) => o.checkout.paymentMethod));
    expect(methods).toEqual(new Set(['stripe', 'cod', 'bacs']));
    expect(first.some((o) => o.checkout.coupons !== undefined)).toBe(true);
    for (const order of first) {
      const lines = order.checkout.lineItems;
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(new Set(lines.map((l) => l.sku)).size).toBe(lines.length);
    }
  });
});
