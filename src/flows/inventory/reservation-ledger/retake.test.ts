import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../../test/flows/sqlite-store.js';
import { consume, release, reservationsOf, reserve, reservedQuantity, retake } from './index.js';

describe('retake (a line the ERP held comes back to the hub)', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('re-holds a consumed line at its new location, never a released one, and reserves a new one', async () => {
    await reserve(store.db, 'order:eu:1', [
      { lineId: '1', sku: 'A', location: 'main', quantity: 2 },
      { lineId: '2', sku: 'B', location: 'main', quantity: 1 },
    ]);
    await consume(store.db, 'order:eu:1', ['1']);
    await release(store.db, 'order:eu:1', ['2']);
    const moved = [
      { lineId: '1', sku: 'A', location: 'east', quantity: 2 },
      { lineId: '2', sku: 'B', location: 'east', quantity: 1 },
      { lineId: '3', sku: 'C', location: 'east', quantity: 4 },
    ];
    await retake(store.db, 'order:eu:1', moved);
    await retake(store.db, 'order:eu:1', moved);
    expect(await reservedQuantity(store.db, 'A', ['east'])).toBe(2);
    expect(await reservedQuantity(store.db, 'A', ['main'])).toBe(0);
    expect(await reservedQuantity(store.db, 'B')).toBe(0);
    expect(await reservedQuantity(store.db, 'C', ['east'])).toBe(4);
    expect((await reservationsOf(store.db, 'order:eu:1')).map((r) => r.status)).toEqual([
      'reserved',
      'released',
      'reserved',
    ]);
  });
});
