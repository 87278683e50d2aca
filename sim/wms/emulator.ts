/**
 * Starts the WMS / carrier emulator: a 3PL warehouse with a REST API for fulfilment orders and
 * returns, a clock that moves orders through picking → packed → shipped, and signed webhooks for
 * every milestone. Fault knobs make it drop lines, answer 429/5xx, slow down, and duplicate or
 * reorder its events.
 *
 * @example
 * ```ts
 * import { startWmsEmulator } from './emulator.js';
 * const wms = await startWmsEmulator({ warehouseId: 'main', webhookSecret: 's3cret', webhookUrl: 'http://127.0.0.1:8080/webhooks/wms/main' });
 * await fetch(`${wms.url}/v1/fulfilment-orders`, {
 *   method: 'POST',
 *   headers: { authorization: `Bearer ${wms.apiKey}`, 'idempotency-key': 'orders.eu.1001/1', 'content-type': 'application/json' },
 *   body: JSON.stringify({ reference: 'orders.eu.1001/1', warehouse: 'main', lines: [{ lineRef: '1', sku: 'TEE-M', quantity: 2 }],
 *     shipTo: { name: 'Ada', address1: '1 Main St', city: 'Dublin', postcode: 'D01', country: 'IE' } }),
 * });
 * await wms.flush(); // every milestone happened and every webhook was delivered
 * await wms.close();
 * ```
 */
import Fastify from 'fastify';
import type { Logger } from 'pino';
import { pino } from 'pino';
import { EventLog } from './event-log.js';
import { MemoryJournal, type Journal } from './journal.js';
import { FulfilmentLifecycle } from './lifecycle.js';
import { PendingWork } from './pending.js';
import { seededRandom } from './random.js';
import { registerWmsRoutes } from './routes.js';
import { registerStockRoutes, StockLevels } from './stock-levels.js';
import { WarehouseBooks, type FulfilmentView } from './store.js';
import type { DeliveryEntry, JournalEntry, WmsClock, WmsFaults } from './types.js';
import { WebhookSender, type WebhookRetry } from './webhook-sender.js';

export interface WmsEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  warehouseId: string;
  /** Where milestone webhooks are POSTed; without it events are only kept in `deliveries`. */
  webhookUrl?: string;
  webhookSecret: string;
  /** API keys accepted as `Authorization: Bearer <key>` or `X-API-Key`; default `['wms-dev-key']`. */
  apiKeys?: string[];
  /** Time between milestones; default 50 ms each. */
  clock?: Partial<WmsClock>;
  carriers?: string[];
  /** Units per parcel; each parcel ships as its own shipment. Default: one shipment per order. */
  maxUnitsPerShipment?: number;
  faults?: Partial<WmsFaults>;
  /** Default 8 attempts, 250 ms doubling (about 30 s in all), so a hub that starts late still gets them. */
  webhookRetry?: Partial<WebhookRetry>;
  /** Seed for the fault dice, for reproducible runs. */
  seed?: number;
  /** Units on hand per SKU at start, published on `GET /v1/stock-levels` (drop-ship suppliers). */
  stock?: Record<string, number>;
  log?: Logger;
}

export interface WmsEmulator {
  url: string;
  warehouseId: string;
  /** The first configured API key. */
  apiKey: string;
  /** Every HTTP request the emulator answered (faulted ones included). */
  requests: Journal<JournalEntry>;
  /** Every webhook delivery attempt. */
  deliveries: Journal<DeliveryEntry>;
  fulfilments: FulfilmentView;
  /** The warehouse's own stock levels and their feed; `set` moves a level. */
  stock: StockLevels;
  faults: { get(): WmsFaults; set(patch: Partial<WmsFaults>): WmsFaults };
  /** Points webhooks elsewhere (e.g. once the hub under test has its port). */
  setWebhookUrl(url: string | undefined): void;
  /** Resolves when no milestone is scheduled and no webhook is being delivered or held back. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_FAULTS: WmsFaults = {
  unpickableSkus: [],
  delayMs: 0,
  duplicateEventRate: 0,
  reorderEvents: false,
  rate5xx: 0,
  rate429: 0,
  retryAfterSeconds: 1,
};

export async function startWmsEmulator(options: WmsEmulatorOptions): Promise<WmsEmulator> {
  const log = options.log ?? pino({ level: 'silent' });
  let faults: WmsFaults = { ...DEFAULT_FAULTS, ...options.faults };
  const faultControl = {
    get: () => structuredClone(faults),
    set: (patch: Partial<WmsFaults>) => {
      faults = { ...faults, ...patch };
      return structuredClone(faults);
    },
  };
  let webhookUrl = options.webhookUrl;
  const random = seededRandom(options.seed ?? Date.now());
  const pending = new PendingWork();
  const requests = new MemoryJournal<JournalEntry>();
  const deliveries = new MemoryJournal<DeliveryEntry>();
  const books = new WarehouseBooks(options.warehouseId);
  const events = new EventLog();
  const sender = new WebhookSender({
    url: () => webhookUrl,
    secret: options.webhookSecret,
    faults: () => faults,
    random,
    pending,
    deliveries,
    retry: { attempts: 8, baseDelayMs: 250, ...options.webhookRetry },
    log,
  });
  const lifecycle = new FulfilmentLifecycle({
    warehouseId: options.warehouseId,
    clock: { pickMs: 50, packMs: 50, shipMs: 50, ...options.clock },
    carriers: options.carriers && options.carriers.length > 0 ? options.carriers : ['dhl', 'ups', 'dpd'],
    maxUnitsPerShipment: options.maxUnitsPerShipment,
    faults: () => faults,
    pending,
    sender,
    events,
  });
  const apiKeys = options.apiKeys && options.apiKeys.length > 0 ? options.apiKeys : ['wms-dev-key'];

  const app = Fastify({ logger: false });
  registerWmsRoutes(app, {
    warehouseId: options.warehouseId,
    apiKeys: new Set(apiKeys),
    books,
    events,
    lifecycle,
    faults: faultControl,
    random,
    requests,
  });
  const stock = new StockLevels(options.stock);
  registerStockRoutes(app, stock);
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  log.info({ url: address, warehouse: options.warehouseId }, 'wms emulator listening');

  return {
    url: address,
    warehouseId: options.warehouseId,
    apiKey: apiKeys[0] ?? 'wms-dev-key',
    requests,
    deliveries,
    fulfilments: books,
    stock,
    faults: faultControl,
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    flush: () => pending.idle(),
    close: async () => {
      pending.cancelTimers();
      sender.close();
      await app.close();
    },
  };
}
