import { beforeAll, describe, expect, it } from 'vitest';
import type { Availability, InventoryWorld } from '../flows/inventory/world.js';
import { useInventoryWorld } from '../flows/inventory/use-world.js';

const SKU = 'MUG-ENAMEL';
const SHOPPER = {
  billing: {
    first_name: 'Ada',
    last_name: 'Lovelace',
    address_1: '1 Main St',
    city: 'Dublin',
    postcode: 'D01',
    country: 'IE',
    email: 'ada@example.com',
  },
  paymentMethod: 'stripe',
};

describe('a flash sale in two stores sharing a location', () => {
  const use = useInventoryWorld();
  let world: InventoryWorld;
  beforeAll(() => {
    world = use();
  });

  it('never sells more than the stock: checkout validation holds the last units across stores', async () => {
    // eu sells from main + east, uk from main only; only 5 mugs left, all at main.
    world.systems.odoo.seed.stock({ sku: SKU, location: 'WH/Stock', quantity: 5 });
    world.systems.odoo.seed.stock({ sku: SKU, location: 'WH2/Stock', quantity: 0 });
    await world.waitFor(
      async () => (await world.storeStock('eu', SKU)) === 5 && (await world.storeStock('uk', SKU)) === 5,
      { what: 'both stores showing the 5 shared mugs' },
    );

    const store = (id: string) => world.systems.stores.find((s) => s.spec.id === id)!.emulator;
    const shopper = async (storeId: string): Promise<number> => {
      const answer = await world.post<{ ok: boolean; heldUntil?: string }>('/v1/checkout/validate', {
        store: storeId,
        hold: true,
        lines: [{ sku: SKU, quantity: 1 }],
      });
      if (!answer.body.ok) return 0;
      expect(answer.body.heldUntil).toBeDefined();
      try {
        store(storeId).createOrder({ ...SHOPPER, lineItems: [{ sku: SKU, quantity: 1 }] });
        return 1;
      } catch {
        return 0;
      }
    };
    // 16 shoppers at once, half in each store; each store alone still shows 5.
    const sold = await Promise.all(Array.from({ length: 16 }, (_, i) => shopper(i % 2 === 0 ? 'eu' : 'uk')));
    const total = sold.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(5);
    expect(total).toBe(5); // and nothing was under-sold: every held unit was bought
    const answer = await world.get<Availability>(`/v1/availability?store=uk&sku=${SKU}`);
    expect(answer.body.items[0]?.available).toBe(0);
    const refused = await world.post<{ ok: boolean; lines: { status: string }[] }>('/v1/checkout/validate', {
      store: 'eu',
      lines: [{ sku: SKU, quantity: 1 }],
    });
    expect(refused.body.lines[0]?.status).toBe('short');
  }, 40_000);
});
