import { beforeAll, describe, expect, it } from 'vitest';
import { readTimelineEntries } from '../../src/ops/timeline/index.js';
import type { InventoryWorld } from '../flows/inventory/world.js';
import { useInventoryWorld } from '../flows/inventory/use-world.js';

interface WooPrice {
  sku: string;
  regular_price: string;
  sale_price: string;
  date_on_sale_from_gmt: string | null;
  date_on_sale_to_gmt: string | null;
}

describe('catalogue and prices against the demo world', () => {
  const use = useInventoryWorld();
  let world: InventoryWorld;
  beforeAll(() => {
    world = use();
  });

  const priceIn = async (storeId: string, sku: string) =>
    (await world.hub.connectors.woo(storeId).get<WooPrice[]>('products', { sku })).find((p) => p.sku === sku);

  it('a scheduled price promotion in the ERP reaches every store in its currency', async () => {
    const from = new Date(Date.now() + 86_400_000);
    const to = new Date(from.getTime() + 3 * 86_400_000);
    const odooTime = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
    const promo = { EUR: 9.5, GBP: 8, USD: 10.5 } as const;
    for (const [currency, fixedPrice] of Object.entries(promo)) {
      world.systems.odoo.seed.pricelistItem({
        pricelist: `Default ${currency} pricelist`,
        sku: 'MUG-ENAMEL',
        fixedPrice,
        dateStart: odooTime(from),
        dateEnd: odooTime(to),
      });
    }
    const expected = { eu: '9.50', uk: '8.00', us: '10.50' } as const;
    await world.waitFor(
      async () => {
        for (const [store, sale] of Object.entries(expected))
          if ((await priceIn(store, 'MUG-ENAMEL'))?.sale_price !== sale) return false;
        return true;
      },
      { what: 'the sale price in every store' },
    );
    for (const store of Object.keys(expected)) {
      const price = await priceIn(store, 'MUG-ENAMEL');
      expect(price?.date_on_sale_from_gmt).toBe(from.toISOString().slice(0, 19));
      expect(price?.date_on_sale_to_gmt).toBe(to.toISOString().slice(0, 19));
    }
    // Checkout validation answers from the same prices: before the sale starts the regular price holds.
    const validate = (expectedPrice: string) =>
      world.post<{ lines: { status: string; price?: { amount: string } }[] }>('/v1/checkout/validate', {
        store: 'eu',
        lines: [{ sku: 'MUG-ENAMEL', quantity: 1, expectedPrice }],
      });
    await world.waitFor(async () => (await validate('9.50')).body.lines[0]?.status === 'price_changed', {
      what: 'the API cache to hold the price',
    });
    expect((await validate('9.50')).body.lines[0]?.price).toEqual({ amount: '12.00', currency: 'EUR' });
    expect((await validate('12.0')).body.lines[0]?.status).toBe('ok');
  }, 30_000);

  it('reverts a store-side edit of an ERP-owned price and reports it on the SKU timeline', async () => {
    const sale = await priceIn('eu', 'MUG-ENAMEL');
    expect(sale?.sale_price).toBe('9.50');
    // WooCommerce versions a product by its modification second: an edit in the same second as the
    // hub's own write would be taken for the same state, so the shop manager edits a second later.
    const modified = (sale as WooPrice & { date_modified_gmt: string }).date_modified_gmt;
    await world.waitFor(() => new Date().toISOString().slice(0, 19) > modified, { what: 'the next second' });
    const client = world.hub.connectors.woo('eu');
    const found = await client.get<{ id: number }[]>('products', { sku: 'MUG-ENAMEL' });
    await client.update(`products/${found[0]!.id}`, { sale_price: '1.00' });
    await world.waitFor(async () => (await priceIn('eu', 'MUG-ENAMEL'))?.sale_price === '9.50', {
      what: 'the revert',
    });
    const timeline = await readTimelineEntries(world.hub.store.db, 'sku:MUG-ENAMEL');
    expect(timeline.some((e) => e.kind === 'decision' && e.summary.includes('reverted'))).toBe(true);
  }, 30_000);

  it('turns customers created in the stores into one ERP customer per e-mail', async () => {
    const email = 'grace.hopper@example.com';
    for (const store of ['eu', 'uk']) {
      await world.hub.connectors
        .woo(store)
        .create('customers', { email, first_name: 'Grace', last_name: 'Hopper' });
    }
    const entries = () => readTimelineEntries(world.hub.store.db, `customer:${email}`);
    await world.waitFor(async () => (await entries()).length === 2, {
      what: "both stores' customers handled",
    });
    expect(world.systems.odoo.models.search('res.partner', [['email', '=', email]])).toHaveLength(1);
  }, 30_000);
});
