import { beforeAll, describe, expect, it } from 'vitest';
import { allVariants } from '../../src/demo/catalogue.js';
import { formatDrift } from '../../src/cli/commands/reconcile.js';
import { reconcileStock } from '../../src/flows/inventory/reconcile-stock.js';
import { inventorySettings } from '../../src/flows/inventory/settings.js';
import { silentLogger } from '../../src/ops/logger.js';
import type { Availability, InventoryWorld } from '../flows/inventory/world.js';
import { useInventoryWorld } from '../flows/inventory/use-world.js';

describe('inventory sync against the demo world', () => {
  const use = useInventoryWorld();
  let world: InventoryWorld;
  beforeAll(() => {
    world = use();
  });

  it('pushes ERP stock to every store by its locations and answers availability', async () => {
    // MUG-ENAMEL: main 25, east 40 → eu (main+east) 65, uk (main) 25, us (east) 40.
    await world.waitFor(
      async () =>
        (await world.storeStock('eu', 'MUG-ENAMEL')) === 65 &&
        (await world.storeStock('uk', 'MUG-ENAMEL')) === 25 &&
        (await world.storeStock('us', 'MUG-ENAMEL')) === 40,
      { what: 'initial stock in every store' },
    );
    await world.waitFor(async () => {
      const answer = await world.get<Availability>(
        '/v1/availability?store=uk&sku=MUG-ENAMEL&sku=TSHIRT-RED-M&sku=NOPE',
      );
      return answer.body.items[0]?.available === 25 && answer.body.stale === false;
    });
    const { status, body } = await world.get<Availability>(
      '/v1/availability?store=uk&sku=MUG-ENAMEL&sku=TSHIRT-RED-M&sku=NOPE',
    );
    expect(status).toBe(200);
    expect(body.items.map((i) => [i.sku, i.available, i.onHand])).toEqual([
      ['MUG-ENAMEL', 25, 25],
      ['TSHIRT-RED-M', 410, 410],
      ['NOPE', 0, 0],
    ]);
    expect(body.items[2]?.asOf).toBeNull();
  }, 30_000);

  it('answers 404 for an unknown store and 400 for bad input, as problem+json', async () => {
    const unknown = await world.get<{ code: string }>('/v1/availability?store=xx&sku=A');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'store_not_found']);
    const bad = await world.get<{ code: string }>('/v1/availability?store=eu');
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_request']);
    const badCheckout = await world.post<{ code: string }>('/v1/checkout/validate', {
      store: 'eu',
      lines: [{ sku: 'A', quantity: 0 }],
    });
    expect([badCheckout.status, badCheckout.body.code]).toEqual([400, 'invalid_request']);
  });

  it('coalesces a burst of 10,000 ERP stock moves into few batch calls', async () => {
    await world.waitFor(async () => (await world.storeStock('eu', 'TOTE-NAT')) === 1100, {
      what: 'initial tote stock',
    });
    world.resetJournals();
    const skus = allVariants()
      .filter((v) => v.stock.main !== undefined)
      .map((v) => v.sku);
    const last = new Map<string, number>();
    for (let i = 0; i < 10_000; i += 1) {
      const sku = skus[i % skus.length]!;
      last.set(sku, 1000 + i);
      world.systems.odoo.seed.stock({ sku, location: 'WH/Stock', quantity: 1000 + i });
      // Let the hub's pollers run in the middle of the burst.
      if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    }
    // uk sells from main only: its final figures are the last moves.
    await world.waitFor(
      async () => {
        for (const [sku, quantity] of last)
          if ((await world.storeStock('uk', sku)) !== quantity) return false;
        return true;
      },
      { timeoutMs: 60_000, what: 'the last values of the burst in the uk store' },
    );
    const calls = ['eu', 'uk', 'us'].map((s) => world.batchCalls(s));
    expect(calls[2]).toBe(0); // us sells from east only: nothing changed there
    expect(calls[1]).toBeGreaterThan(0);
    // 10,000 moves × 2 stores would be 20,000 single writes; coalesced they are a handful of batches.
    expect(calls[0]! + calls[1]!).toBeLessThan(60);
    expect(await world.storeStock('eu', 'TOTE-NAT')).toBe(last.get('TOTE-NAT')! + 300);
  }, 90_000);

  it('finds stock drift injected in a store and repairs it through the pusher', async () => {
    await world.waitFor(async () => (await world.storeStock('uk', 'TOTE-NAT')) !== null);
    const uk = world.systems.stores.find((s) => s.spec.id === 'uk')!.emulator;
    const expected = (await world.get<Availability>('/v1/availability?store=uk&sku=TOTE-NAT')).body.items[0]!
      .available;
    uk.setStock('TOTE-NAT', 3);
    const deps = {
      db: world.hub.store.db,
      settings: inventorySettings(world.config),
      woo: (id: string) => world.hub.connectors.woo(id),
      log: silentLogger(),
    };
    const found = await reconcileStock(deps, { store: 'uk', repair: false });
    expect(found.rows.filter((r) => r.status === 'drift')).toEqual([
      { store: 'uk', sku: 'TOTE-NAT', storeQuantity: 3, available: expected, status: 'drift' },
    ]);
    expect(found.rows.some((r) => r.sku.startsWith('TSHIRT-') && r.status === 'ok')).toBe(true); // variations listed too
    const repaired = await reconcileStock(deps, { store: 'uk', repair: true });
    expect(repaired.repaired.uk?.pushed).toBe(1);
    expect(await world.storeStock('uk', 'TOTE-NAT')).toBe(expected);
    const after = await reconcileStock(deps, { repair: false });
    expect(after.rows.filter((r) => r.status === 'drift')).toEqual([]);
    expect(formatDrift(after.rows, false)).toContain('0 drifting');
  }, 30_000);
});
