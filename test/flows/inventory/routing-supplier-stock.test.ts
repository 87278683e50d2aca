import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routingAvailability, UNMETERED_SUPPLIER_STOCK } from '../../../src/app/routing-availability.js';
import { openTestStore, type TestStore } from '../sqlite-store.js';

describe('routing availability of a drop-ship supplier', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('is the level its stock feed reported, and unmetered for SKUs the feed never mentioned', async () => {
    const at = new Date().toISOString();
    await store.db
      .insertInto('stock_positions')
      .values({
        sku: 'NOTE',
        location: 'acme',
        on_hand: 3,
        erp_reserved: 0,
        as_of: at,
        changed_at: at,
        received_at: at,
      })
      .execute();
    const availability = routingAvailability({
      erp: { readStockPositions: async () => [] },
      db: store.db,
      warehouses: ['main'],
      dropship: ['acme'],
    });
    expect(await availability(['acme'], ['NOTE', 'PEN'])).toEqual({
      acme: { NOTE: 3, PEN: UNMETERED_SUPPLIER_STOCK },
    });
  });
});
