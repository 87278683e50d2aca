import { beforeAll, describe, expect, it } from 'vitest';
import type { InventoryWorld } from '../flows/inventory/world.js';
import { useInventoryWorld } from '../flows/inventory/use-world.js';

interface WooPrice {
  sku: string;
  regular_price: string;
  sale_price: string;
}

const SKU = 'TOTE-NAT';
const odooTime = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

describe('ERP prices reach each store in its own currency', () => {
  const use = useInventoryWorld();
  let world: InventoryWorld;
  beforeAll(() => {
    world = use();
  });

  const priceIn = async (storeId: string) =>
    (await world.hub.connectors.woo(storeId).get<WooPrice[]>('products', { sku: SKU })).find(
      (p) => p.sku === SKU,
    );
  const pricesEverywhere = async () => ({
    eu: await priceIn('eu'),
    uk: await priceIn('uk'),
    us: await priceIn('us'),
  });

  it('a dated promotion keeps each store’s regular price in its currency; a regular change keeps the promotion', async () => {
    const before = await pricesEverywhere();
    const from = new Date(Date.now() + 86_400_000);
    const to = new Date(from.getTime() + 86_400_000);
    const promo = { EUR: 4.5, GBP: 3.5, USD: 5.5 } as const;
    for (const [currency, fixedPrice] of Object.entries(promo))
      world.systems.odoo.seed.pricelistItem({
        pricelist: `Default ${currency} pricelist`,
        sku: SKU,
        fixedPrice,
        dateStart: odooTime(from),
        dateEnd: odooTime(to),
      });
    await world.waitFor(
      async () => {
        const now = await pricesEverywhere();
        return (
          now.eu?.sale_price === '4.50' && now.uk?.sale_price === '3.50' && now.us?.sale_price === '5.50'
        );
      },
      { what: 'the promotion in every store' },
    );
    const during = await pricesEverywhere();
    // The ERP's own list price is in EUR: only the EUR store may show it as its regular price.
    expect(during.uk?.regular_price).toBe(before.uk?.regular_price);
    expect(during.us?.regular_price).toBe(before.us?.regular_price);
    expect(during.uk?.regular_price).not.toBe(during.eu?.regular_price);

    // A new GBP regular price in the ERP reaches the GBP store, and its promotion stays.
    world.systems.odoo.seed.pricelistItem({ pricelist: 'Default GBP pricelist', sku: SKU, fixedPrice: 7.25 });
    await world.waitFor(async () => (await priceIn('uk'))?.regular_price === '7.25', {
      what: 'the new GBP regular price in uk',
    });
    expect((await priceIn('uk'))?.sale_price).toBe('3.50');
    expect(await priceIn('us')).toMatchObject({
      regular_price: before.us?.regular_price,
      sale_price: '5.50',
    });
    // Checkout validation in uk answers from the same GBP prices (the sale has not started yet).
    const validate = () =>
      world.post<{ lines: { price?: { amount: string; currency: string } }[] }>('/v1/checkout/validate', {
        store: 'uk',
        lines: [{ sku: SKU, quantity: 1, expectedPrice: '1.00' }],
      });
    await world.waitFor(async () => (await validate()).body.lines[0]?.price?.amount === '7.25', {
      what: 'the API cache to hold the new GBP price',
    });
    expect((await validate()).body.lines[0]?.price).toEqual({ amount: '7.25', currency: 'GBP' });
  }, 40_000);
});
