/**
 * The saga on the real runtime and a real SQLite store, with in-memory external systems at the
 * port level. Tests publish canonical events as the connectors' ingest would and wait for the
 * runtime to be idle (a condition, never a sleep).
 *
 * @example
 * ```ts
 * const h = await startSagaHarness();
 * await h.receive(buildOrder({ id: '1', lines: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }] }));
 * expect((await h.saga('1'))?.state).toBe('fulfilment_requested');
 * await h.stop();
 * ```
 */
import { makeEvent, orderPartitionKey, orderSubject, type Order } from '../../src/canonical/index.js';
import type { HubConfig } from '../../src/config/schema.js';
import {
  loadSaga,
  registerOrderToCash,
  type OrderRouter,
  type SagaOrder,
} from '../../src/flows/order-to-cash/index.js';
import { registerReturns } from '../../src/flows/returns/index.js';
import { silentLogger } from '../../src/ops/logger.js';
import { createRuntime, type Clock, type EventInput, type Runtime } from '../../src/runtime/index.js';
import { FakeChannel, FakeErp, FakeWarehouse } from './fake-systems.js';
import { openTestStore, type TestStore } from './sqlite-store.js';

export interface SagaHarness {
  store: TestStore;
  runtime: Runtime;
  erp: FakeErp;
  channel: FakeChannel;
  warehouses: Map<string, FakeWarehouse>;
  config: HubConfig;
  stockReturns: { erpOrderId: string; lines: { sku: string; quantity: number }[] }[];
  receive(order: Order, type?: 'order.received' | 'order.updated'): Promise<void>;
  publish(events: EventInput[]): Promise<void>;
  /** Ships every line of a fulfilment as one parcel, as the WMS ingest would report it. */
  ship(storeId: string, orderId: string, reference: string): Promise<void>;
  saga(orderId: string, storeId?: string): Promise<SagaOrder | undefined>;
  stop(): Promise<void>;
}

/** A warehouse's report that it cannot fulfil one line of a fulfilment request. */
export function lineFailed(
  orderId: string,
  reference: string,
  location: string,
  line: { lineId: string; sku: string; quantity: number },
  reason = 'cannot pick',
): EventInput {
  return makeEvent('fulfilment.failed', orderSubject('eu', orderId), orderPartitionKey('eu', orderId), {
    storeId: 'eu',
    orderId,
    requestId: reference,
    location,
    code: 'line_unfulfillable',
    reason,
    lines: [line],
  });
}

export function testConfig(overrides: Partial<HubConfig> = {}): HubConfig {
  const wms = { url: 'http://127.0.0.1:1', webhookSecret: 'x' };
  return {
    database: { kind: 'sqlite', path: ':memory:' },
    bus: { kind: 'embedded' },
    server: { port: 0, publicUrl: 'http://127.0.0.1:8080' },
    stores: [
      {
        id: 'eu',
        url: 'http://127.0.0.1:1',
        consumerKey: 'ck',
        consumerSecret: 'cs',
        webhookSecret: 'ws',
        currency: 'EUR',
        locations: ['main', 'east'],
      },
    ],
    erp: { kind: 'odoo', url: 'http://127.0.0.1:1', database: 'demo', username: 'admin', apiKey: 'admin' },
    warehouses: [
      { id: 'main', erpLocation: 'WH/Stock', wms },
      { id: 'east', erpLocation: 'WH2/Stock', wms },
    ],
    payments: { proceedUnpaid: ['cod'] },
    ...overrides,
  };
}

export async function startSagaHarness(
  options: {
    config?: HubConfig;
    router?: OrderRouter;
    /** The runtime's and the saga's time (timers). */ clock?: Clock;
  } = {},
): Promise<SagaHarness> {
  const store = await openTestStore();
  const log = silentLogger();
  const runtime = createRuntime({
    db: store.db,
    dialect: store.dialect,
    log,
    pollIntervalMs: 20,
    retry: { maxAttempts: 5, baseMs: 10, maxMs: 50 },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const erp = new FakeErp();
  const channel = new FakeChannel();
  const warehouses = new Map<string, FakeWarehouse>();
  const config = options.config ?? testConfig();
  const warehouse = (id: string) => {
    let w = warehouses.get(id);
    if (!w) warehouses.set(id, (w = new FakeWarehouse(id)));
    return w;
  };
  registerOrderToCash(runtime, {
    config,
    erp,
    log,
    woo: () => channel,
    wms: warehouse,
    ...(options.router ? { router: options.router } : {}),
    ...(options.clock ? { clock: () => new Date(options.clock?.now() ?? Date.now()) } : {}),
  });
  const stockReturns: SagaHarness['stockReturns'] = [];
  registerReturns(runtime, {
    erp,
    log,
    woo: () => channel,
    stockReturns: {
      returnStock: async (input) => (stockReturns.push(input), { id: `RET${stockReturns.length}` }),
    },
  });
  await runtime.start();
  const publish = async (events: EventInput[]) => {
    await runtime.publish(events);
    await runtime.idle();
  };
  return {
    store,
    runtime,
    erp,
    channel,
    warehouses,
    config,
    stockReturns,
    publish,
    receive: (order, type = 'order.received') =>
      publish([
        type === 'order.received'
          ? makeEvent(
              'order.received',
              orderSubject(order.storeId, order.externalId),
              orderPartitionKey(order.storeId, order.externalId),
              { order, via: 'webhook' },
            )
          : makeEvent(
              'order.updated',
              orderSubject(order.storeId, order.externalId),
              orderPartitionKey(order.storeId, order.externalId),
              { order, changed: [] },
            ),
      ]),
    async ship(storeId, orderId, reference) {
      const saga = await loadSaga(store.db, orderSubject(storeId, orderId));
      const record = saga?.fulfilments.find((f) => f.reference === reference);
      if (!saga || !record) throw new Error(`no fulfilment ${reference}`);
      warehouse(record.location).shipped.add(record.wmsId ?? '');
      await publish([
        makeEvent('shipment.confirmed', saga.subject, orderPartitionKey(storeId, orderId), {
          storeId,
          orderId,
          shipment: {
            id: `SH-${reference}`,
            fulfilmentRequestId: reference,
            orderSubject: saga.subject,
            location: record.location,
            carrier: 'dhl',
            trackingNumber: `TRK-${reference.replace(/\W/g, '')}`,
            trackingUrl: 'https://tracking.example.com/dhl/1',
            lines: record.lines.filter((l) => !record.failedLineIds.includes(l.lineId)),
            shippedAt: '2026-11-23T12:00:00Z',
          },
        }),
      ]);
    },
    saga: (orderId, storeId = 'eu') => loadSaga(store.db, orderSubject(storeId, orderId)),
    async stop() {
      await runtime.stop();
      await store.close();
    },
  };
}
