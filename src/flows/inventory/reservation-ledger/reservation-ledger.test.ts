import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../../test/flows/sqlite-store.js';
import { consume, release, reservationsOf, reserve, reservedQuantity } from './index.js';

describe('reservation ledger', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('reserves once per (order, line) however often it is asked', async () => {
    const lines = [{ lineId: '1', sku: 'TEE-M', location: 'main', quantity: 2 }];
    await reserve(store.db, 'order:eu:1', lines);
    await reserve(store.db, 'order:eu:1', lines);
    await reserve(store.db, 'order:eu:2', [{ lineId: '1', sku: 'TEE-M', location: 'east', quantity: 1 }]);
    expect(await reservedQuantity(store.db, 'TEE-M', ['main'])).toBe(2);
    expect(await reservedQuantity(store.db, 'TEE-M')).toBe(3);
    expect(await reservedQuantity(store.db, 'TEE-M', [])).toBe(0);
  });

  it('moves a line to its new location on reroute', async () => {
    await reserve(store.db, 'order:eu:1', [{ lineId: '1', sku: 'A', location: 'main', quantity: 2 }]);
    await reserve(store.db, 'order:eu:1', [{ lineId: '1', sku: 'A', location: 'east', quantity: 2 }]);
    expect(await reservedQuantity(store.db, 'A', ['main'])).toBe(0);
    expect(await reservedQuantity(store.db, 'A', ['east'])).toBe(2);
  });

  it('releases and consumes idempotently, and never resurrects a finished line', async () => {
    await reserve(store.db, 'order:eu:1', [
      { lineId: '1', sku: 'A', location: 'main', quantity: 2 },
      { lineId: '2', sku: 'B', location: 'main', quantity: 1 },
    ]);
    expect(await release(store.db, 'order:eu:1', ['2'])).toBe(1);
    expect(await release(store.db, 'order:eu:1', ['2'])).toBe(0);
    expect(await consume(store.db, 'order:eu:1')).toBe(1);
    await reserve(store.db, 'order:eu:1', [{ lineId: '2', sku: 'B', location: 'main', quantity: 1 }]);
    expect(await reservedQuantity(store.db, 'A')).toBe(0);
    expect(await reservedQuantity(store.db, 'B')).toBe(0);
    expect((await reservationsOf(store.db, 'order:eu:1')).map((r) => r.status)).toEqual([
      'consumed',
      'released',
    ]);
  });
});
