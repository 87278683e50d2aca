/**
 * Change feeds against the Odoo emulator, through the real runtime (SQLite): events are published
 * and cursors stored durably; a change written while a poll is running is not lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  pollDeliveriesOnce,
  pollPricesOnce,
  pollProductsOnce,
  pollStockOnce,
  startErpFeeds,
} from '../../../src/connectors/odoo/index.js';
import { silentLogger } from '../../../src/ops/logger.js';
import { createRuntime, type Runtime } from '../../../src/runtime/index.js';
import { createDatabase, type DatabaseHandle } from '../../../src/store/create-database.js';
import { migrateToLatest } from '../../../src/store/migrate.js';
import { connect, start, until, type Emulator } from './harness.js';
import { fixtureOrder } from './order-fixture.js';

let emulator: Emulator;
let store: DatabaseHandle;
let runtime: Runtime;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'odoo-feeds-'));
  store = await createDatabase({ kind: 'sqlite', path: join(dir, 'hub.db') });
  await migrateToLatest(store.db);
  runtime = createRuntime({ db: store.db, dialect: store.dialect, log: silentLogger() });
  emulator = await start(19);
});
afterAll(async () => {
  await emulator.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function events(type: string): Promise<{ subject: string; data: Record<string, unknown> }[]> {
  const rows = await store.db
    .selectFrom('events')
    .select(['subject', 'data'])
    .where('type', '=', type)
    .orderBy('recorded_at')
    .execute();
  return rows.map((r) => ({ subject: r.subject, data: JSON.parse(r.data) as Record<string, unknown> }));
}

describe('Odoo change feeds', () => {
  it('publishes stock.changed per SKU and location and resumes from the durable cursor', async () => {
    const erp = connect(emulator, 19, 'json2');
    for (const [sku, qty] of [
      ['MUG', 5],
      ['CAP', 3],
      ['TSHIRT-M', 8],
    ] as const)
      emulator.seed.stock({ sku, location: 'WH/Stock', quantity: qty });
    const deps = {
      erp,
      cursors: runtime.cursors,
      publish: (e: Parameters<Runtime['publish']>[0]) => runtime.publish(e),
      locations: ['main'],
    };
    const first = await pollStockOnce(deps);
    expect(first.published).toBe(3);
    const mug = (await events('stock.changed')).find((e) => e.subject === 'sku:MUG');
    expect(mug?.data.position).toMatchObject({ sku: 'MUG', location: 'main', onHand: 5, available: 5 });
    expect(await runtime.cursors.get('odoo:stock')).toBe(first.cursor);
    expect((await pollStockOnce(deps)).published).toBe(0);
  });

  it('does not lose a stock change written while a poll is paging', async () => {
    const erp = connect(emulator, 19, 'json2');
    const deps = {
      erp,
      cursors: runtime.cursors,
      publish: (e: Parameters<Runtime['publish']>[0]) => runtime.publish(e),
      locations: ['main'],
    };
    await pollStockOnce(deps);
    for (const sku of ['MUG', 'CAP', 'TSHIRT-M'])
      emulator.seed.stock({ sku, location: 'WH/Stock', quantity: 1 });
    // Slow every call, start a poll (pages of 2), and write once it has made its first call.
    emulator.faults.set({ latencyMs: 30 });
    const before = emulator.calls.count({ model: 'stock.quant', method: 'search_read' });
    const polling = pollStockOnce(deps);
    await until(() => emulator.calls.count({ model: 'stock.quant', method: 'search_read' }) > before);
    emulator.seed.stock({ sku: 'MUG', location: 'WH/Stock', quantity: 40 });
    await polling;
    emulator.faults.set({ latencyMs: 0 });
    await pollStockOnce(deps);
    const mugs = (await events('stock.changed')).filter((e) => e.subject === 'sku:MUG');
    const last = mugs[mugs.length - 1]?.data.position as { onHand: number };
    const truth = (await erp.readStockPositions(['main'], ['MUG']))[0];
    // The value written mid-poll reached the feed, and the feed's last word is Odoo's truth.
    expect(truth?.onHand).toBe(40);
    expect(last.onHand).toBe(40);
    const caps = (await events('stock.changed')).filter((e) => e.subject === 'sku:CAP');
    expect((caps[caps.length - 1]?.data.position as { onHand: number }).onHand).toBe(1);
  });

  it('publishes product.changed and price.changed from the ERP master data', async () => {
    const erp = connect(emulator, 19, 'json2');
    const deps = {
      erp,
      cursors: runtime.cursors,
      publish: (e: Parameters<Runtime['publish']>[0]) => runtime.publish(e),
    };
    expect((await pollProductsOnce(deps)).published).toBeGreaterThanOrEqual(3);
    emulator.seed.pricelistItem({
      pricelist: 'Default EUR pricelist',
      sku: 'CAP',
      fixedPrice: 12.5,
      dateStart: '2026-03-01 00:00:00',
      dateEnd: '2026-03-31 23:59:59',
    });
    expect((await pollPricesOnce(deps)).published).toBeGreaterThanOrEqual(1);
    const price = (await events('price.changed')).find((e) => e.subject === 'sku:CAP')?.data.price;
    expect(price).toMatchObject({ sku: 'CAP', sale: { amount: '12.50' }, regular: { amount: '15.00' } });
  });

  it('publishes shipment.confirmed with tracking when a delivery of a hub order is done', async () => {
    const erp = connect(emulator, 19, 'json2');
    emulator.seed.stock({ sku: 'CAP', location: 'WH/Stock', quantity: 10 });
    const deps = {
      erp,
      cursors: runtime.cursors,
      publish: (e: Parameters<Runtime['publish']>[0]) => runtime.publish(e),
    };
    const order = fixtureOrder({ id: '8001', lines: [{ sku: 'CAP', quantity: 2, price: '15.00' }] });
    const { erpOrderId } = await erp.registerOrder(order, { storeId: 'eu', warehouse: 'main' });
    await erp.confirmOrder(erpOrderId);
    await pollDeliveriesOnce(deps);
    expect(await events('shipment.confirmed')).toHaveLength(0);
    const [delivery] = await erp.readDeliveries(erpOrderId);
    await erp.validateDelivery({ erpPickingId: delivery?.erpPickingId as string, trackingNumber: 'TRK-1' });
    await pollDeliveriesOnce(deps);
    const [shipment] = await events('shipment.confirmed');
    expect(shipment?.subject).toBe('order:eu:8001');
    expect(shipment?.data.shipment).toMatchObject({
      trackingNumber: 'TRK-1',
      location: 'main',
      lines: [{ sku: 'CAP', quantity: 2 }],
    });
  });

  it('keeps the feed runner alive through a maintenance window, with cursors unmoved until Odoo is back', async () => {
    const erp = connect(emulator, 19, 'json2');
    const feeds = startErpFeeds({
      erp,
      cursors: runtime.cursors,
      publish: (e) => runtime.publish(e),
      locations: ['main'],
      intervalMs: 60_000,
      log: silentLogger(),
      feeds: ['stock'],
    });
    await feeds.pollNow();
    const cursor = await runtime.cursors.get('odoo:stock');
    emulator.faults.set({ maintenance: true });
    emulator.seed.stock({ sku: 'CAP', location: 'WH/Stock', quantity: 77 });
    await feeds.pollNow();
    expect(await runtime.cursors.get('odoo:stock')).toBe(cursor);
    emulator.faults.set({ maintenance: false });
    await feeds.pollNow();
    await feeds.stop();
    const caps = (await events('stock.changed')).filter((e) => e.subject === 'sku:CAP');
    expect((caps[caps.length - 1]?.data.position as { onHand: number }).onHand).toBe(77);
  });
});
