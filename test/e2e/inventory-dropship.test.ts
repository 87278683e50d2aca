import { beforeAll, describe, expect, it } from 'vitest';
import type { Availability, InventoryWorld } from '../flows/inventory/world.js';
import { useInventoryWorld } from '../flows/inventory/use-world.js';

// Only the drop-ship supplier acme holds notebooks; it serves eu and us, not uk.
const SKU = 'NOTEBOOK-A5';

describe('a drop-ship supplier’s stock feed', () => {
  const use = useInventoryWorld();
  let world: InventoryWorld;
  beforeAll(() => {
    world = use();
  });

  const available = async (storeId: string) =>
    (await world.get<Availability>(`/v1/availability?store=${storeId}&sku=${SKU}`)).body.items[0];

  it('counts the supplier’s stock for the stores it serves, and follows its changes to the stores', async () => {
    const supplier = world.systems.warehouses.find((w) => w.id === 'acme')!.emulator;
    await world.waitFor(async () => (await available('eu'))?.available === 1000, {
      what: 'eu selling the supplier’s 1,000 notebooks',
    });
    expect((await available('us'))?.available).toBe(1000);
    expect((await available('uk'))?.asOf).toBeNull(); // uk is not served by acme

    supplier.stock.set(SKU, 40);
    await world.waitFor(
      async () =>
        (await world.storeStock('eu', SKU)) === 40 &&
        (await world.storeStock('us', SKU)) === 40 &&
        (await available('eu'))?.available === 40,
      { what: 'the supplier’s new level in the eu and us stores' },
    );
    expect(await available('us')).toMatchObject({ available: 40, onHand: 40 });
    const polls = supplier.requests.count({ path: /^\/v1\/stock-levels/ });
    expect(polls).toBeGreaterThan(0);
  }, 40_000);
});
