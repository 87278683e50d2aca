import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAvailabilityCache } from '../../../src/flows/inventory/availability-cache.js';
import { answerAvailability, answerCheckout } from '../../../src/flows/inventory/answer-availability.js';
import { reserve } from '../../../src/flows/inventory/reservation-ledger/index.js';
import { inventorySettings } from '../../../src/flows/inventory/settings.js';
import { createStockProjector } from '../../../src/flows/inventory/stock-projector.js';
import type { EventInput } from '../../../src/runtime/contracts.js';
import { openTestStore, type TestStore } from '../sqlite-store.js';

describe('stock projector and sync answers (SQLite)', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  const config = {
    stores: [
      { id: 'eu', currency: 'EUR', locations: ['main', 'east'] },
      { id: 'uk', currency: 'GBP', locations: ['main'], safetyStock: 1 },
    ] as never,
    dropship: [],
    inventory: { staleAfterSeconds: 60, fallback: 'refuse' as const },
  };
  const position = (sku: string, location: string, onHand: number, asOf: string) => ({
    sku,
    location,
    onHand,
    reserved: 1,
    available: onHand - 1,
    asOf,
  });

  it('projects positions and reservations per store, queues one push per changed store, publishes availability.changed', async () => {
    const settings = inventorySettings(config);
    const cursors = { get: async () => new Date().toISOString() };
    const cache = createAvailabilityCache({ db: store.db, cursors });
    const published: EventInput[] = [];
    const projector = createStockProjector({
      db: store.db,
      settings,
      cache,
      publish: async (events) => void published.push(...events),
    });
    await Promise.all([
      projector.submit({
        sku: 'MUG',
        changedAt: '2026-11-23T10:00:00Z',
        position: position('MUG', 'main', 10, '2026-11-23T10:00:00Z'),
      }),
      projector.submit({
        sku: 'MUG',
        changedAt: '2026-11-23T10:00:00Z',
        position: position('MUG', 'east', 4, '2026-11-23T10:00:00Z'),
      }),
    ]);
    // An older position never overwrites a newer one.
    await projector.submit({
      sku: 'MUG',
      changedAt: '2026-11-23T09:00:00Z',
      position: position('MUG', 'main', 99, '2026-11-23T09:00:00Z'),
    });
    await reserve(store.db, 'order:eu:1', [{ lineId: '1', sku: 'MUG', location: 'main', quantity: 2 }]);
    await projector.submit({ sku: 'MUG', changedAt: '2026-11-23T10:01:00Z' });

    const rows = await store.db
      .selectFrom('store_availability')
      .select(['store_id', 'available', 'reserved'])
      .orderBy('store_id')
      .execute();
    expect(rows).toEqual([
      { store_id: 'eu', available: 10, reserved: 4 }, // 14 on hand − 2 ERP − 2 hub
      { store_id: 'uk', available: 6, reserved: 3 }, // 10 − 1 − 2 − safety 1
    ]);
    const pending = await store.db
      .selectFrom('stock_push_pending')
      .select(['store_id', 'quantity', 'changed_at'])
      .orderBy('store_id')
      .execute();
    expect(pending).toEqual([
      { store_id: 'eu', quantity: 10, changed_at: '2026-11-23T10:01:00Z' },
      { store_id: 'uk', quantity: 6, changed_at: '2026-11-23T10:01:00Z' },
    ]);
    expect(published.filter((e) => e.type === 'availability.changed').length).toBeGreaterThanOrEqual(2);

    await cache.load();
    const deps = { cache, settings, stores: [{ id: 'eu', currency: 'EUR' }] };
    expect(answerAvailability(deps, 'eu', ['MUG']).items[0]).toMatchObject({
      available: 10,
      onHand: 14,
      reserved: 4,
    });
    const answer = answerCheckout(deps, 'eu', [
      { sku: 'MUG', quantity: 6 },
      { sku: 'MUG', quantity: 6 },
      { sku: 'NOPE', quantity: 1 },
    ]);
    expect(answer.lines.map((l) => [l.status, l.available])).toEqual([
      ['ok', undefined],
      ['short', 4],
      ['unknown_sku', undefined],
    ]);
    expect(answer.ok).toBe(false);
  });

  it('refuses with stock_unknown when the feed is stale and the fallback is refuse', async () => {
    const settings = inventorySettings(config);
    const cache = createAvailabilityCache({
      db: store.db,
      cursors: { get: async () => '2020-01-01T00:00:00Z' },
    });
    const projector = createStockProjector({ db: store.db, settings, cache, publish: async () => undefined });
    await projector.submit({
      sku: 'MUG',
      changedAt: '2026-11-23T10:00:00Z',
      position: position('MUG', 'main', 10, '2026-11-23T10:00:00Z'),
    });
    await cache.load();
    const deps = { cache, settings, stores: [{ id: 'eu', currency: 'EUR' }] };
    const availability = answerAvailability(deps, 'eu', ['MUG']);
    expect([availability.stale, availability.items[0]?.available]).toEqual([true, 0]);
    expect(answerCheckout(deps, 'eu', [{ sku: 'MUG', quantity: 1 }]).lines[0]?.status).toBe('stock_unknown');
  });
});
