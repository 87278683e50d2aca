/**
 * The whole hub (`createHub`: SQLite, runtime, connectors, flows, HTTP) against the three
 * emulators over real HTTP on 127.0.0.1: one WooCommerce store (EUR, 20 % VAT), one Odoo, two
 * warehouses (`main` → WH/Stock, `east` → WH2/Stock). Webhooks point at the hub once it listens.
 * `waitFor` polls a condition against a deadline — tests never sleep.
 *
 * @example
 * ```ts
 * const env = await startE2e({ skus: ['TEE-M'] });
 * const order = env.woo.createOrder({ lineItems: [{ sku: 'TEE-M', quantity: 1 }] });
 * await env.waitFor(async () => (await env.saga(order.id))?.state === 'settled');
 * await env.stop();
 * ```
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOdooEmulator, type OdooEmulator } from '../../sim/odoo/index.js';
import { startWmsEmulator, type WmsEmulator } from '../../sim/wms/index.js';
import { startWooEmulator, type WooEmulator } from '../../sim/woocommerce/index.js';
import { createHub, type Hub } from '../../src/app/create-hub.js';
import { orderSubject } from '../../src/canonical/index.js';
import type { HubConfig } from '../../src/config/schema.js';
import { WooClient } from '../../src/connectors/woocommerce/client.js';
import { loadSaga, type SagaOrder } from '../../src/flows/order-to-cash/index.js';
import { silentLogger } from '../../src/ops/logger.js';
import { waitFor as pollUntil } from '../runtime/helpers.js';

export const WOO_SECRET = 'woo-webhook-secret';
export const WMS_SECRET = 'wms-webhook-secret';
const CK = 'ck_e2e';
const CS = 'cs_e2e';

export interface E2eOptions {
  skus?: string[];
  /** Units on hand per SKU at each ERP location. */
  stock?: number;
  /** Reuse this data directory (for restart tests). */
  dir?: string;
  /** WMS milestone spacing; default 5 ms. */
  wmsStepMs?: number;
  hubConfig?: (config: HubConfig) => HubConfig;
  /**
   * Advance the store's clock one second per modification (default true), so successive states of
   * one order get distinct `date_modified`. Long runs turn it off: the stepped clock would drift
   * past OAuth 1.0a's timestamp window.
   */
  steppingClock?: boolean;
}

export interface E2e {
  dir: string;
  config: HubConfig;
  hub: Hub;
  woo: WooEmulator;
  odoo: OdooEmulator;
  wms: { main: WmsEmulator; east: WmsEmulator };
  saga(orderId: number | string): Promise<SagaOrder | undefined>;
  waitFor(
    condition: () => Promise<boolean> | boolean,
    options?: { timeoutMs?: number; what?: string },
  ): Promise<void>;
  /** Starts a fresh hub process-equivalent on the same store and emulators. */
  restartHub(): Promise<void>;
  stop(): Promise<void>;
}

/** One second per emulator modification: WooCommerce stamps `date_modified` per second. */
function steppingClock(): () => Date {
  let t = Math.floor(Date.now() / 1000) * 1000;
  return () => new Date((t += 1000));
}

/** A shopper's checkout with a complete address (the emulator's default has no street). */
export const SHOPPER = {
  billing: {
    first_name: 'Ada',
    last_name: 'Lovelace',
    address_1: '1 Main St',
    city: 'Dublin',
    postcode: 'D01',
    country: 'IE',
    email: 'ada@example.com',
  },
  shippingAddress: {
    first_name: 'Ada',
    last_name: 'Lovelace',
    address_1: '1 Main St',
    city: 'Dublin',
    postcode: 'D01',
    country: 'IE',
  },
  paymentMethod: 'stripe',
};

/** `waitFor` of the runtime helpers, with the longer deadline a whole world of systems needs. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  options: { timeoutMs?: number; what?: string } = {},
): Promise<void> {
  await pollUntil(condition, { timeoutMs: 20_000, intervalMs: 10, ...options });
}

export interface Systems {
  dir: string;
  config: HubConfig;
  woo: WooEmulator;
  odoo: OdooEmulator;
  wms: { main: WmsEmulator; east: WmsEmulator };
  close(): Promise<void>;
}

/** The emulators, seeded with the SKUs, and a hub configuration pointing at them. */
export async function startSystems(options: E2eOptions = {}): Promise<Systems> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'retail-hub-e2e-')));
  const skus = options.skus ?? ['TEE-M', 'MUG', 'CAP'];
  const stock = options.stock ?? 10_000;
  const odoo = await startOdooEmulator({});
  const woo = await startWooEmulator({
    storeId: 'eu',
    webhookSecret: WOO_SECRET,
    consumerKey: CK,
    consumerSecret: CS,
    currency: 'EUR',
    tax: { rate: '20.0000', label: 'VAT' },
    ...(options.steppingClock === false ? {} : { clock: steppingClock() }),
  });
  const step = options.wmsStepMs ?? 5;
  const clock = { pickMs: step, packMs: step, shipMs: step };
  const wms = {
    main: await startWmsEmulator({
      warehouseId: 'main',
      webhookSecret: WMS_SECRET,
      clock,
      webhookRetry: { attempts: 20, baseDelayMs: 50 },
    }),
    east: await startWmsEmulator({
      warehouseId: 'east',
      webhookSecret: WMS_SECRET,
      clock,
      webhookRetry: { attempts: 20, baseDelayMs: 50 },
    }),
  };
  for (const [index, sku] of skus.entries()) {
    const price = `${10 + index * 5}.00`;
    woo.createProduct({
      name: `Product ${sku}`,
      sku,
      regular_price: price,
      manage_stock: true,
      stock_quantity: stock,
    });
    odoo.seed.product({ sku, name: `Product ${sku}`, listPrice: Number(price) });
    odoo.seed.stock({ sku, location: 'WH/Stock', quantity: stock });
    odoo.seed.stock({ sku, location: 'WH2/Stock', quantity: stock });
  }
  const base: HubConfig = {
    database: { kind: 'sqlite', path: join(dir, 'hub.db') },
    bus: { kind: 'embedded' },
    server: { port: 0, publicUrl: 'http://127.0.0.1:8080' },
    stores: [
      {
        id: 'eu',
        url: woo.url,
        consumerKey: CK,
        consumerSecret: CS,
        webhookSecret: WOO_SECRET,
        currency: 'EUR',
        locations: ['main', 'east'],
      },
    ],
    erp: { kind: 'odoo', url: odoo.url, database: odoo.db, username: odoo.login, apiKey: odoo.apiKey },
    warehouses: [
      {
        id: 'main',
        erpLocation: 'WH/Stock',
        wms: { url: wms.main.url, apiKey: wms.main.apiKey, webhookSecret: WMS_SECRET },
      },
      {
        id: 'east',
        erpLocation: 'WH2/Stock',
        wms: { url: wms.east.url, apiKey: wms.east.apiKey, webhookSecret: WMS_SECRET },
      },
    ],
    payments: { proceedUnpaid: ['cod'] },
    runtime: { concurrency: 32, maxAttempts: 200, retryBaseMs: 20, retryMaxMs: 300 },
  };
  const config = options.hubConfig ? options.hubConfig(base) : base;
  return {
    dir,
    config,
    woo,
    odoo,
    wms,
    async close() {
      await Promise.all([woo.close(), odoo.close(), wms.main.close(), wms.east.close()]);
      if (options.dir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function startE2e(options: E2eOptions = {}): Promise<E2e> {
  const { dir, config, woo, odoo, wms, close } = await startSystems(options);
  const log = silentLogger();
  const env: E2e = {
    dir,
    config,
    hub: undefined as unknown as Hub,
    woo,
    odoo,
    wms,
    saga: async (orderId) => loadSaga(env.hub.store.db, orderSubject('eu', orderId)),
    async waitFor(condition, waitOptions) {
      try {
        await waitFor(condition, waitOptions);
      } catch (error) {
        throw new Error(`${(error as Error).message}\n${await diagnose(env.hub)}`, { cause: error });
      }
    },
    async restartHub() {
      await env.hub.stop();
      env.hub = await openHub(config);
    },
    async stop() {
      await env.hub.stop();
      await close();
    },
  };
  const openHub = async (hubConfig: HubConfig): Promise<Hub> => {
    const hub = await createHub({ config: hubConfig, log, port: 0 });
    await hub.start();
    await pointWebhooks({ woo, wms }, hub.url);
    return hub;
  };
  env.hub = await openHub(config);
  return env;
}

/** What the hub holds when a wait times out: saga states, dead letters, parked messages. */
export async function diagnose(hub: Hub): Promise<string> {
  const states = await hub.store.db
    .selectFrom('saga_orders')
    .select(['subject', 'state', 'parked_reason'])
    .limit(20)
    .execute();
  const dead = await hub.runtime.deadLetters.list({});
  const parked = await hub.runtime.parked.list({});
  const timeline = await hub.store.db
    .selectFrom('timeline_entries')
    .select(['subject', 'kind', 'summary'])
    .orderBy('id')
    .limit(60)
    .execute();
  return JSON.stringify(
    {
      states,
      dead: dead.slice(0, 5).map((d) => [d.consumer, d.type, d.error]),
      parked: parked.slice(0, 5).map((p) => [p.consumer, p.message.type, p.reason]),
      timeline,
    },
    null,
    1,
  );
}

/** Points the warehouses' webhooks and the store's order webhooks (as a merchant does in wp-admin) at the hub. */
export async function pointWebhooks(
  { woo, wms }: Pick<Systems, 'woo' | 'wms'>,
  hubUrl: string,
): Promise<void> {
  wms.main.setWebhookUrl(`${hubUrl}/webhooks/wms/main`);
  wms.east.setWebhookUrl(`${hubUrl}/webhooks/wms/east`);
  const client = new WooClient({
    store: { id: 'eu', url: woo.url, consumerKey: CK, consumerSecret: CS },
    log: silentLogger(),
  });
  const deliveryUrl = `${hubUrl}/webhooks/woocommerce/eu`;
  const existing = await client.listWebhooks();
  for (const topic of ['order.created', 'order.updated']) {
    const found = existing.find((w) => w.topic === topic);
    if (found) await client.updateWebhook(found.id, { delivery_url: deliveryUrl, status: 'active' });
    else
      await client.createWebhook({
        name: `hub ${topic}`,
        topic,
        delivery_url: deliveryUrl,
        secret: WOO_SECRET,
        status: 'active',
      });
  }
}
