/**
 * End to end over HTTP: the WMS emulator sends signed webhooks to the hub's real HTTP server, whose
 * WMS route writes them to the real runtime inbox on SQLite; a subscribed consumer sees each
 * fulfilment's newest state exactly once, whatever duplicates and reordering the WMS produced.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/api/server.js';
import { parseWmsEvent } from '../../../src/connectors/wms/event-schema.js';
import { fromWmsEvent } from '../../../src/connectors/wms/mapping.js';
import { createWmsClient } from '../../../src/connectors/wms/client.js';
import { registerWmsIngest } from '../../../src/connectors/wms/ingest.js';
import { createWmsEventPoller } from '../../../src/connectors/wms/poller.js';
import { wmsWebhookRoutes } from '../../../src/connectors/wms/webhooks.js';
import { silentLogger } from '../../../src/ops/logger.js';
import { createRuntime, type Runtime } from '../../../src/runtime/create-runtime.js';
import { createDatabase, type DatabaseHandle } from '../../../src/store/create-database.js';
import { migrateToLatest } from '../../../src/store/migrate.js';
import { startWmsEmulator, type WmsEmulator, type WmsEmulatorOptions } from '../../../sim/wms/index.js';
import { call, FAST_CLOCK, fulfilmentBody, requestWithUnpickableLine } from './helpers.js';

const SECRET = 'whsec_ingress';
const TYPES = ['picking', 'packed', 'shipped', 'exception', 'cancelled'].map((t) => `wms.fulfilment.${t}`);

describe('WMS webhooks into the hub inbox', () => {
  let dir: string;
  let store: DatabaseHandle;
  let runtime: Runtime;
  let app: FastifyInstance;
  let hubUrl: string;
  let wms: WmsEmulator | undefined;
  const seen: { type: string; partitionKey: string; subject: string; sequence: number; status: string }[] =
    [];
  const canonical: { type: string; partitionKey: string; data: Record<string, unknown> }[] = [];

  beforeEach(async () => {
    seen.length = 0;
    canonical.length = 0;
    dir = mkdtempSync(join(tmpdir(), 'wms-ingress-'));
    store = await createDatabase({ kind: 'sqlite', path: join(dir, 'hub.db') });
    await migrateToLatest(store.db, {
      '0001-create-runtime-tables':
        await import('../../../src/store/migrations/0001-create-runtime-tables.js'),
      '0002-add-delivery-acked': await import('../../../src/store/migrations/0002-add-delivery-acked.js'),
      '0003-add-resource-version-tags':
        await import('../../../src/store/migrations/0003-add-resource-version-tags.js'),
    });
    runtime = createRuntime({
      db: store.db,
      dialect: store.dialect,
      log: silentLogger(),
      pollIntervalMs: 20,
    });
    runtime.subscribe('wms-test', TYPES, async (ctx) => {
      const { body } = ctx.message.data as { body: string };
      const parsed = parseWmsEvent(body);
      if (!parsed.ok) throw new Error('stored event does not parse');
      const update = fromWmsEvent(parsed.event);
      if (update.kind !== 'fulfilment') throw new Error('expected a fulfilment event');
      seen.push({
        type: ctx.message.type,
        partitionKey: ctx.message.partitionKey,
        subject: ctx.message.subject,
        sequence: update.sequence,
        status: update.status,
      });
    });
    registerWmsIngest(runtime);
    runtime.subscribe(
      'canonical-test',
      ['fulfilment.progressed', 'shipment.confirmed', 'fulfilment.failed'],
      async (ctx) => {
        canonical.push({
          type: ctx.message.type,
          partitionKey: ctx.message.partitionKey,
          data: ctx.message.data as Record<string, unknown>,
        });
      },
    );
    await runtime.start();
    app = await buildServer({ log: silentLogger() });
    await app.register(wmsWebhookRoutes, {
      warehouses: [{ id: 'main', webhookSecret: SECRET }],
      inbox: runtime.inbox,
      log: silentLogger(),
    });
    hubUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterEach(async () => {
    await wms?.close();
    wms = undefined;
    await app.close();
    await runtime.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function emulator(options: Partial<WmsEmulatorOptions> = {}): Promise<WmsEmulator> {
    wms = await startWmsEmulator({
      warehouseId: 'main',
      webhookSecret: SECRET,
      webhookUrl: `${hubUrl}/webhooks/wms/main`,
      clock: FAST_CLOCK,
      webhookRetry: { attempts: 3, baseDelayMs: 5 },
      seed: 7,
      ...options,
    });
    return wms;
  }

  it('stores every milestone in order, in the order partition', async () => {
    const wms = await emulator();
    await call(wms, 'POST', '/v1/fulfilment-orders', {
      body: fulfilmentBody('orders.eu.1001/ff-1'),
      key: 'k',
    });
    await wms.flush();
    await runtime.idle();
    expect(seen.map((s) => [s.type, s.sequence])).toEqual([
      ['wms.fulfilment.picking', 1],
      ['wms.fulfilment.packed', 2],
      ['wms.fulfilment.shipped', 3],
    ]);
    expect(new Set(seen.map((s) => `${s.partitionKey} ${s.subject}`))).toEqual(
      new Set(['orders.eu.1001 order:eu:1001']),
    );
    expect(wms.deliveries.list().every((d) => d.status === 202)).toBe(true);
  });

  it('duplicated and reordered deliveries reach the consumer once, newest state only', async () => {
    const wms = await emulator({ faults: { duplicateEventRate: 1, reorderEvents: true } });
    for (const n of [1, 2, 3]) {
      await call(wms, 'POST', '/v1/fulfilment-orders', {
        body: fulfilmentBody(`orders.eu.${n}/ff-${n}`),
        key: `k-${n}`,
      });
    }
    await wms.flush();
    await runtime.idle();
    // 3 orders × 3 events × 2 copies, all acknowledged; only each order's shipped event is processed.
    expect(wms.deliveries.count({ status: 202 })).toBe(18);
    expect(seen.map((s) => `${s.partitionKey}:${s.status}:${s.sequence}`).sort()).toEqual([
      'orders.eu.1:shipped:3',
      'orders.eu.2:shipped:3',
      'orders.eu.3:shipped:3',
    ]);
  });

  it('a WMS signing with the wrong secret is refused and nothing is stored', async () => {
    const wms = await emulator({ webhookSecret: 'not-the-secret' });
    await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k' });
    await wms.flush();
    await runtime.idle();
    expect(wms.deliveries.count({ status: 401 })).toBe(9);
    expect(seen).toEqual([]);
  });

  it('ingests into canonical events for the saga: progress, one failure per fulfilment, each shipment', async () => {
    const wms = await emulator({
      faults: { unpickableSkus: ['BROKEN'], duplicateEventRate: 1 },
      maxUnitsPerShipment: 1,
    });
    await requestWithUnpickableLine(
      wms,
      'WC-eu-1001/main/1',
      { lineRef: '11', quantity: 2 },
      { lineRef: '12', quantity: 1 },
    );
    await runtime.idle();
    expect(canonical.every((e) => e.partitionKey === 'orders.eu.1001')).toBe(true);
    expect(canonical.filter((e) => e.type === 'fulfilment.progressed').map((e) => e.data.status)).toEqual([
      'picking',
      'picking',
      'packed',
      'shipped',
    ]);
    const failed = canonical.filter((e) => e.type === 'fulfilment.failed');
    expect(failed.map((e) => e.data)).toEqual([
      expect.objectContaining({
        storeId: 'eu',
        orderId: '1001',
        requestId: 'WC-eu-1001/main/1',
        location: 'main',
        code: 'line_unfulfillable',
        lines: [{ lineId: '12', sku: 'BROKEN', quantity: 1 }],
      }),
    ]);
    const shipments = canonical
      .filter((e) => e.type === 'shipment.confirmed')
      .map((e) => e.data.shipment as { id: string; fulfilmentRequestId: string; lines: unknown[] });
    expect(shipments).toHaveLength(2);
    expect(new Set(shipments.map((s) => s.id)).size).toBe(2);
    expect(shipments.every((s) => s.fulfilmentRequestId === 'WC-eu-1001/main/1')).toBe(true);
  });

  it('reordered events still yield the failure once and every shipment', async () => {
    const wms = await emulator({ faults: { unpickableSkus: ['BROKEN'], reorderEvents: true } });
    await requestWithUnpickableLine(wms, 'WC-eu-1002/main/1');
    await runtime.idle();
    // Only the newest snapshot (shipped) is processed; it still reports the unpickable line.
    expect(canonical.map((e) => e.type).sort()).toEqual([
      'fulfilment.failed',
      'fulfilment.progressed',
      'shipment.confirmed',
    ]);
  });

  it('parks a fulfilment whose reference names no hub order, for a person to decide', async () => {
    const wms = await emulator();
    await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody('MANUAL-42'), key: 'manual' });
    await wms.flush();
    await runtime.idle();
    const parked = await runtime.parked.list({ consumer: 'wms-ingest' });
    expect(parked.length).toBeGreaterThan(0);
    expect(parked[0]?.reason.code).toBe('unknown_reference');
    expect(canonical).toEqual([]);
  });

  it('events whose webhooks never arrived are caught by polling the event feed, once', async () => {
    const wms = await emulator({
      webhookUrl: 'http://127.0.0.1:1/unreachable',
      webhookRetry: { attempts: 1, baseDelayMs: 1 },
    });
    await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody('WC-eu-2001/main/1'), key: 'a' });
    await wms.flush();
    await runtime.idle();
    expect(seen).toEqual([]);
    const poller = createWmsEventPoller({
      warehouseId: 'main',
      client: createWmsClient({ warehouseId: 'main', baseUrl: wms.url, apiKey: wms.apiKey }),
      inbox: runtime.inbox,
      cursors: runtime.cursors,
      log: silentLogger(),
      pageSize: 2,
    });
    expect(await poller.pollOnce()).toEqual({ stored: 3, duplicates: 0, stale: 0 });
    await runtime.idle();
    expect(seen.map((s) => s.sequence)).toEqual([1, 2, 3]);
    expect(await runtime.cursors.get('wms:main:events')).toBe('3');
    // Nothing new: the cursor holds. Then webhooks work again and the poll finds only duplicates.
    expect(await poller.pollOnce()).toEqual({ stored: 0, duplicates: 0, stale: 0 });
    wms.setWebhookUrl(`${hubUrl}/webhooks/wms/main`);
    await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody('WC-eu-2002/main/1'), key: 'b' });
    await wms.flush();
    expect(await poller.pollOnce()).toEqual({ stored: 0, duplicates: 3, stale: 0 });
    await runtime.idle();
    expect(seen).toHaveLength(6);
  });
});
