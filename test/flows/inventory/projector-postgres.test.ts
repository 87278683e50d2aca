import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPrice } from '../../../src/flows/catalogue/record-price.js';
import { createAvailabilityCache } from '../../../src/flows/inventory/availability-cache.js';
import { reserve } from '../../../src/flows/inventory/reservation-ledger/index.js';
import { inventorySettings } from '../../../src/flows/inventory/settings.js';
import { createStockProjector } from '../../../src/flows/inventory/stock-projector.js';
import { createDatabase, type DatabaseHandle } from '../../../src/store/create-database.js';
import { migrateToLatest } from '../../../src/store/migrate.js';

describe('inventory and catalogue tables on PostgreSQL', () => {
  const schema = `inventory_${process.pid}_${Date.now()}`;
  let store: DatabaseHandle;
  beforeAll(async () => {
    store = await createDatabase({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/test',
      schema,
    });
    await migrateToLatest(store.db);
  });
  afterAll(async () => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
    await store.close();
  });

  it('projects positions and reservations, keeps the newer position, stores prices', async () => {
    const settings = inventorySettings({
      stores: [{ id: 'eu', currency: 'EUR', locations: ['main'] }] as never,
      dropship: [],
      inventory: {},
    });
    const cache = createAvailabilityCache({ db: store.db, cursors: { get: async () => undefined } });
    const projector = createStockProjector({ db: store.db, settings, cache, publish: async () => undefined });
    const at = (t: string) => `2026-11-23T${t}Z`;
    await projector.submit({
      sku: 'A',
      changedAt: at('10:00:00'),
      position: { sku: 'A', location: 'main', onHand: 9, reserved: 1, available: 8, asOf: at('10:00:00') },
    });
    await projector.submit({
      sku: 'A',
      changedAt: at('09:00:00'),
      position: { sku: 'A', location: 'main', onHand: 99, reserved: 1, available: 98, asOf: at('09:00:00') },
    });
    await reserve(store.db, 'order:eu:1', [{ lineId: '1', sku: 'A', location: 'main', quantity: 3 }]);
    await projector.submit({ sku: 'A', changedAt: at('10:01:00') });
    await recordPrice(
      store.db,
      { sku: 'A', priceList: '1', regular: { currency: 'EUR', amount: '1.00' }, includesTax: false },
      'odoo',
    );
    await cache.load();
    expect(cache.availability('eu', 'A')).toMatchObject({ available: 5, onHand: 9, reserved: 4 });
    expect(cache.prices('A')[0]?.regular).toBe('1.00');
    const pending = await store.db
      .selectFrom('stock_push_pending')
      .select(['quantity', 'changed_at'])
      .execute();
    expect(pending).toEqual([{ quantity: 5, changed_at: at('10:01:00') }]);
  });
});
