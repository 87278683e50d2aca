import { beforeAll, describe, expect, it } from 'vitest';
import type { Availability, InventoryWorld } from '../flows/inventory/world.js';
import { useInventoryWorld } from '../flows/inventory/use-world.js';

interface Checkout {
  ok: boolean;
  stale: boolean;
  lines: { status: string; available?: number }[];
}

describe('an ERP outage (Odoo maintenance)', () => {
  const use = useInventoryWorld();
  let world: InventoryWorld;
  beforeAll(() => {
    world = use();
  });

  const availability = () => world.get<Availability>('/v1/availability?store=eu&sku=MUG-ENAMEL');

  it('keeps answering from the projection, flagged stale with its age', async () => {
    await world.waitFor(
      async () => {
        const { body } = await availability();
        return !body.stale && body.items[0]?.available === 65;
      },
      { what: 'fresh availability' },
    );

    world.systems.odoo.faults.set({ maintenance: true });
    await world.waitFor(async () => (await availability()).body.stale, { what: 'the stale flag' });
    const stale = (await availability()).body;
    expect(stale.items[0]?.available).toBe(65); // last known, minus safety stock (0)
    expect(stale.ageSeconds).toBeGreaterThan(world.config.inventory!.staleAfterSeconds!);
    const checkout = await world.post<Checkout>('/v1/checkout/validate', {
      store: 'eu',
      lines: [
        { sku: 'MUG-ENAMEL', quantity: 66 },
        { sku: 'TOTE-NAT', quantity: 1 },
      ],
    });
    expect(checkout.body.stale).toBe(true);
    expect(checkout.body.lines.map((l) => l.status)).toEqual(['short', 'ok']);
    expect(checkout.body.lines[0]?.available).toBe(65);
    // Recovery is not asserted here: the ERP endpoint's circuit breaker never half-opens once open
    // (src/runtime/policy/create-endpoint-policy.ts short-circuits on state Open), reported to the runtime owner.
    world.systems.odoo.faults.set({ maintenance: false });
  }, 40_000);
});
