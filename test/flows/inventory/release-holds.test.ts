/**
 * Giving checkout holds back before they lapse: by the storefront (`releaseHolds`, the DELETE of an
 * abandoned basket) at once, or with the order's reservation (`lapseBasketHolds` in the reserve
 * step's transaction), after which the sweep recomputes and deletes them. Both dialects.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAvailabilityCache } from '../../../src/flows/inventory/availability-cache.js';
import { lapseBasketHolds } from '../../../src/flows/inventory/checkout-holds.js';
import { reserve } from '../../../src/flows/inventory/reservation-ledger/index.js';
import { releaseHolds } from '../../../src/flows/inventory/release-holds.js';
import { inventorySettings } from '../../../src/flows/inventory/settings.js';
import { createStockProjector, type StockProjector } from '../../../src/flows/inventory/stock-projector.js';
import { reservationSweeper } from '../../../src/flows/inventory/sweep-reservations.js';
import { takeHolds, type TakeHoldsDeps } from '../../../src/flows/inventory/take-holds.js';
import type { EventInput } from '../../../src/runtime/contracts.js';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../runtime/helpers.js';
import { grantedHold, storedAvailable } from './hold-helpers.js';

// eu sells from main + east, uk from east only.
const settings = inventorySettings({
  stores: [
    { id: 'eu', currency: 'EUR', locations: ['main', 'east'] },
    { id: 'uk', currency: 'GBP', locations: ['east'] },
  ] as never,
  dropship: [],
  inventory: {},
});

describe.each(DIALECTS)('giving checkout holds back (%s)', (dialect) => {
  let store: TestDatabase;
  let deps: TakeHoldsDeps;
  let projector: StockProjector;
  let published: EventInput[];
  beforeEach(async () => {
    store = await openTestDatabase(dialect);
    published = [];
    const cache = createAvailabilityCache({ db: store.db, cursors: { get: async () => undefined } });
    const publish = async (events: EventInput[]) => void published.push(...events);
    projector = createStockProjector({ db: store.db, settings, cache, publish });
    deps = { db: store.db, settings, cache, publish, ttlMs: 60_000 };
    const asOf = new Date().toISOString();
    await projector.submit({
      sku: 'MUG',
      changedAt: asOf,
      position: { sku: 'MUG', location: 'east', onHand: 10, reserved: 0, available: 10, asOf },
    });
    published = [];
  });
  afterEach(async () => {
    await store.close();
  });

  const available = (storeId: string) => storedAvailable(store.db, storeId, 'MUG');
  const hold = (storeId: string, quantity: number, now?: Date) =>
    grantedHold(deps, storeId, [{ sku: 'MUG', quantity }], now);
  const holdsLeft = async () =>
    (
      await store.db.selectFrom('checkout_holds').select(['basket_id', 'quantity']).orderBy('id').execute()
    ).map((r) => [r.basket_id, Number(r.quantity)]);

  it('one holdId names every row of the basket', async () => {
    const asOf = new Date().toISOString();
    await projector.submit({
      sku: 'CAP',
      changedAt: asOf,
      position: { sku: 'CAP', location: 'main', onHand: 5, reserved: 0, available: 5, asOf },
    });
    const result = await takeHolds(deps, 'eu', [
      { sku: 'MUG', quantity: 1 },
      { sku: 'CAP', quantity: 2 },
    ]);
    expect(result.ok && result.holdId).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await store.db
      .selectFrom('checkout_holds')
      .select(['sku', 'basket_id'])
      .orderBy('sku')
      .execute();
    const holdId = result.ok ? result.holdId : 'none';
    expect(rows).toEqual([
      { sku: 'CAP', basket_id: holdId },
      { sku: 'MUG', basket_id: holdId },
    ]);
  });

  it('an abandoned basket: its units are back at once for every store sharing the location; others stay held', async () => {
    const abandoned = await hold('eu', 3);
    const kept = await hold('uk', 2);
    expect([await available('eu'), await available('uk')]).toEqual([5, 5]);
    published = [];
    expect(await releaseHolds(deps, abandoned)).toBe(true);
    expect([await available('eu'), await available('uk')]).toEqual([8, 8]);
    expect(deps.cache.availability('uk', 'MUG')?.available).toBe(8);
    expect(published.map((e) => [e.type, (e.data as { storeId: string }).storeId])).toEqual([
      ['availability.changed', 'eu'],
      ['availability.changed', 'uk'],
    ]);
    expect(await holdsLeft()).toEqual([[kept, 2]]);
    // Gone, unknown or lapsed: nothing to give back.
    expect(await releaseHolds(deps, abandoned)).toBe(false);
    expect(await releaseHolds(deps, 'no-such-basket')).toBe(false);
    const lapsed = await hold('eu', 1, new Date(Date.now() - 120_000));
    expect(await releaseHolds(deps, lapsed)).toBe(false);
    expect(await holdsLeft()).toEqual([
      [kept, 2],
      [lapsed, 1], // the sweep's to delete
    ]);
  });

  it('the order’s reservation lapses its basket’s holds in the same transaction; the sweep recomputes and deletes them', async () => {
    const ordered = await hold('eu', 3);
    const other = await hold('eu', 1);
    const foreign = await hold('uk', 2);
    expect(await available('eu')).toBe(4);
    const now = new Date();
    await store.db.transaction().execute(async (trx) => {
      await reserve(trx, 'order:eu:1', [{ lineId: '1', sku: 'MUG', location: 'east', quantity: 3 }], now);
      expect(await lapseBasketHolds(trx, 'eu', ordered, now)).toBe(1);
      // uk's hold id carried by an eu order: not this store's basket.
      expect(await lapseBasketHolds(trx, 'eu', foreign, now)).toBe(0);
    });
    // What the stock.reserved consumer does next: the reservation counts, the hold no longer.
    await projector.submit({ sku: 'MUG', changedAt: now.toISOString() });
    expect(await available('eu')).toBe(10 - 3 - 1 - 2);
    expect(await available('uk')).toBe(10 - 3 - 1 - 2);
    expect(await reservationSweeper(store.db, projector)()).toBe(1);
    expect(await holdsLeft()).toEqual([
      [other, 1],
      [foreign, 2],
    ]);
    expect(await available('eu')).toBe(4);
    // A redelivered step finds nothing left to lapse.
    expect(await lapseBasketHolds(store.db, 'eu', ordered, new Date())).toBe(0);
  });

  it('a hold taken before migration 0403 (no basket id) still counts, matches no id and lapses', async () => {
    const now = new Date();
    await store.db
      .insertInto('checkout_holds')
      .values({
        id: '01LEGACY',
        store_id: 'eu',
        sku: 'MUG',
        locations: JSON.stringify(['main', 'east']),
        quantity: 4,
        expires_at: new Date(now.getTime() + 60_000).toISOString(),
        created_at: now.toISOString(),
      })
      .execute();
    await projector.submit({ sku: 'MUG', changedAt: now.toISOString() });
    expect(await available('uk')).toBe(6);
    expect(await releaseHolds(deps, '')).toBe(false);
    expect(await lapseBasketHolds(store.db, 'eu', '', now)).toBe(0);
    expect(await available('uk')).toBe(6);
    // Its TTL runs out.
    await store.db.updateTable('checkout_holds').set({ expires_at: now.toISOString() }).execute();
    expect(await reservationSweeper(store.db, projector)()).toBe(1);
    expect(await available('uk')).toBe(10);
    expect(await holdsLeft()).toEqual([]);
  });
});
