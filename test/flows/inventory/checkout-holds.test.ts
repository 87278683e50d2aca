import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAvailabilityCache } from '../../../src/flows/inventory/availability-cache.js';
import { ownHeldBySku } from '../../../src/flows/inventory/checkout-holds.js';
import { answerAvailability } from '../../../src/flows/inventory/answer-availability.js';
import { inventorySettings } from '../../../src/flows/inventory/settings.js';
import { createStockProjector } from '../../../src/flows/inventory/stock-projector.js';
import { reservationSweeper } from '../../../src/flows/inventory/sweep-reservations.js';
import { takeHolds, type TakeHoldsDeps } from '../../../src/flows/inventory/take-holds.js';
import { createDatabase, type DatabaseHandle } from '../../../src/store/create-database.js';
import { DIALECTS, TEST_POSTGRES_URL, openTestDatabase, type TestDatabase } from '../../runtime/helpers.js';

// eu sells from main + east, uk from main only: a hold in either lowers the other.
const config = {
  stores: [
    { id: 'eu', currency: 'EUR', locations: ['main', 'east'] },
    { id: 'uk', currency: 'GBP', locations: ['main'] },
  ] as never,
  dropship: [],
  inventory: {},
};
const settings = inventorySettings(config);
const MINUTE = 60_000;

describe.each(DIALECTS)('checkout holds in the database (%s)', (dialect) => {
  let store: TestDatabase;
  let second: DatabaseHandle | undefined;
  beforeEach(async () => {
    store = await openTestDatabase(dialect);
  });
  afterEach(async () => {
    await second?.close();
    second = undefined;
    await store.close();
  });

  /** One api process: its own cache over `db`. */
  const apiProcess = async (db = store.db, ttlMs = MINUTE): Promise<TakeHoldsDeps> => {
    const cache = createAvailabilityCache({ db, cursors: { get: async () => new Date().toISOString() } });
    await cache.load();
    return { db, settings, cache, publish: async () => undefined, ttlMs };
  };
  const stock = async (onHand: number) => {
    const cache = createAvailabilityCache({ db: store.db, cursors: { get: async () => undefined } });
    const projector = createStockProjector({ db: store.db, settings, cache, publish: async () => undefined });
    const asOf = new Date().toISOString();
    await projector.submit({
      sku: 'MUG',
      changedAt: asOf,
      position: { sku: 'MUG', location: 'main', onHand, reserved: 0, available: onHand, asOf },
    });
    return projector;
  };
  const stored = async (storeId: string) =>
    Number(
      (
        await store.db
          .selectFrom('store_availability')
          .select('available')
          .where('store_id', '=', storeId)
          .where('sku', '=', 'MUG')
          .executeTakeFirstOrThrow()
      ).available,
    );
  const pushed = async (storeId: string) =>
    (await store.db.selectFrom('stock_push_pending').select(['store_id', 'sku', 'quantity']).execute())
      .filter((r) => r.store_id === storeId && r.sku === 'MUG')
      .map((r) => Number(r.quantity))[0];

  it('count in available-to-sell of every store sharing the location; the holder’s own store still gets them pushed', async () => {
    await stock(5);
    const api = await apiProcess();
    const result = await takeHolds(api, 'eu', [{ sku: 'MUG', quantity: 2 }]);
    expect(result.ok).toBe(true);
    expect(await stored('eu')).toBe(3);
    expect(await stored('uk')).toBe(3);
    expect(await pushed('uk')).toBe(3);
    expect(await pushed('eu')).toBe(5);
    // Reconciliation expects the same figure in eu's store.
    expect(await ownHeldBySku(store.db, 'eu', new Date().toISOString())).toEqual(new Map([['MUG', 2]]));
    // This process answers from its cache at once; a restarted process reads the holds back.
    expect(answerAvailability({ ...api, stores: [] }, 'uk', ['MUG']).items[0]).toMatchObject({
      available: 3,
      reserved: 2,
    });
    const restarted = await apiProcess();
    expect(restarted.cache.availability('uk', 'MUG')?.available).toBe(3);
  });

  it('never promise the same last units twice, even to concurrent requests of two api processes', async () => {
    await stock(5);
    if (dialect === 'postgres')
      second = await createDatabase({
        kind: 'postgres',
        url: TEST_POSTGRES_URL,
        schema: store.location,
        max: 5,
      });
    const processes = [await apiProcess(), await apiProcess(second?.db ?? store.db)];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        takeHolds(processes[i % 2]!, i % 3 === 0 ? 'uk' : 'eu', [{ sku: 'MUG', quantity: 1 }]),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const refused = results.find((r) => !r.ok);
    expect(refused?.ok === false && refused.available.get('MUG')).toBe(0);
    expect(await stored('uk')).toBe(0);
  });

  it('lapse: the sweep gives the units back and deletes the holds', async () => {
    const projector = await stock(5);
    // Taken two minutes ago for one minute: lapsed now.
    const api = await apiProcess(store.db, MINUTE);
    await takeHolds(api, 'uk', [{ sku: 'MUG', quantity: 4 }], new Date(Date.now() - 2 * MINUTE));
    await takeHolds(api, 'uk', [{ sku: 'MUG', quantity: 1 }]);
    expect(await stored('eu')).toBe(4); // the lapsed hold no longer counts once recomputed
    const sweep = reservationSweeper(store.db, projector);
    expect(await sweep()).toBe(1);
    expect(await stored('eu')).toBe(4);
    const left = await store.db.selectFrom('checkout_holds').select('quantity').execute();
    expect(left.map((r) => Number(r.quantity))).toEqual([1]);
  });
});
