import { describe, expect, it } from 'vitest';
import { priceDiffers } from './price-differs.js';
import { currentAmount, priceForStore, type StoredPrice } from './store-price.js';

const row = (over: Partial<StoredPrice>): StoredPrice => ({
  price_list: '1',
  currency: 'EUR',
  regular: '19.90',
  sale: '14.90',
  sale_from: '2026-11-27T00:00:00Z',
  sale_to: '2026-11-30T23:59:59Z',
  updated_at: '2026-11-23T10:00:00Z',
  ...over,
});

describe('store prices', () => {
  it("picks the store's pricelist, else the newest price list in its currency", () => {
    const rows = [
      row({ price_list: '1' }),
      row({ price_list: '2', currency: 'GBP' }),
      row({ price_list: '3', updated_at: '2026-11-23T11:00:00Z' }),
    ];
    expect(priceForStore(rows, { currency: 'EUR' })?.price_list).toBe('3');
    expect(priceForStore(rows, { currency: 'EUR', pricelist: '1' })?.price_list).toBe('1');
    expect(priceForStore(rows, { currency: 'USD' })).toBeUndefined();
  });

  it('charges the sale price only inside its schedule', () => {
    const price = row({});
    expect(currentAmount(price, new Date('2026-11-26T23:59:59Z'))).toBe('19.90');
    expect(currentAmount(price, new Date('2026-11-28T12:00:00Z'))).toBe('14.90');
    expect(currentAmount(price, new Date('2026-12-01T00:00:00Z'))).toBe('19.90');
    expect(currentAmount(row({ sale: null }), new Date('2026-11-28T12:00:00Z'))).toBe('19.90');
  });

  it('compares amounts as decimals and schedules as instants', () => {
    const owner = row({});
    expect(
      priceDiffers(
        {
          regular: '19.9',
          sale: '14.90',
          saleFrom: '2026-11-27T00:00:00.000Z',
          saleTo: '2026-11-30T23:59:59Z',
        },
        owner,
      ),
    ).toBe(false);
    expect(
      priceDiffers(
        { regular: '19.90', sale: '1.00', saleFrom: '2026-11-27T00:00:00Z', saleTo: '2026-11-30T23:59:59Z' },
        owner,
      ),
    ).toBe(true);
    expect(
      priceDiffers(
        { regular: '19.90', sale: '', saleFrom: null, saleTo: null },
        row({ sale: null, sale_from: null, sale_to: null }),
      ),
    ).toBe(false);
  });
});
