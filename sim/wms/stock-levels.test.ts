import { describe, expect, it } from 'vitest';
import { StockLevels } from './stock-levels.js';

describe('stock levels feed', () => {
  it('lists each change once, in order, paged from a position; an unchanged level is no change', () => {
    const stock = new StockLevels({ A: 5, B: 2 });
    stock.set('A', 5);
    stock.set('A', 3);
    expect(stock.level('A')).toBe(3);
    const first = stock.after(0, 2);
    expect(first.data.map((c) => [c.position, c.sku, c.onHand])).toEqual([
      [1, 'A', 5],
      [2, 'B', 2],
    ]);
    expect(first).toMatchObject({ next: 2, hasMore: true });
    expect(stock.after(first.next, 10)).toMatchObject({
      data: [{ position: 3, sku: 'A', onHand: 3 }],
      next: 3,
      hasMore: false,
    });
    expect(stock.after(3, 10)).toEqual({ data: [], next: 3, hasMore: false });
  });
});
