/**
 * The demo world (three WooCommerce stores, Odoo, warehouses — `startDemoSystems`) with a whole hub
 * on a free port over real HTTP, tuned for inventory tests: fast ERP polls, a short staleness
 * limit, a short push interval. `waitFor` polls a condition against a deadline; nothing sleeps.
 *
 * @example
 * ```ts
 * const world = await startInventoryWorld();
 * await world.waitFor(async () => (await world.storeStock('eu', 'MUG-ENAMEL')) === 65);
 * await world.stop();
 * ```
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Hub } from '../../../src/app/create-hub.js';
import type { HubConfig } from '../../../src/config/schema.js';
import { startDemoSystems, type DemoSystems } from '../../../src/demo/demo-systems.js';
import { silentLogger } from '../../../src/ops/logger.js';
import { freePort } from '../../free-port.js';
import { waitFor as pollUntil } from '../../runtime/helpers.js';

/** `GET /v1/availability` answer, as the tests read it. */
export interface Availability {
  store: string;
  stale: boolean;
  ageSeconds: number | null;
  items: {
    sku: string;
    available: number;
    onHand: number;
    reserved: number;
    safetyStock: number;
    asOf: string | null;
  }[];
}

export interface InventoryWorld {
  systems: DemoSystems;
  hub: Hub;
  config: HubConfig;
  /** What the store emulator shows for a SKU (simple product or variation). */
  storeStock(storeId: string, sku: string): Promise<number | null>;
  /** Batch calls the store emulator received since the last reset. */
  batchCalls(storeId: string): number;
  resetJournals(): void;
  get<T>(path: string): Promise<{ status: number; body: T }>;
  post<T>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  waitFor(
    condition: () => Promise<boolean> | boolean,
    options?: { timeoutMs?: number; what?: string },
  ): Promise<void>;
  stop(): Promise<void>;
}

/** `waitFor` of the runtime helpers, with the longer deadline a whole world of systems needs. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  options: { timeoutMs?: number; what?: string } = {},
): Promise<void> {
  await pollUntil(condition, { timeoutMs: 20_000, intervalMs: 20, ...options });
}

export async function startInventoryWorld(
  tune: (config: HubConfig) => HubConfig = (c) => c,
): Promise<InventoryWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'retail-hub-inventory-'));
  const port = await freePort();
  const systems = await startDemoSystems({ hubUrl: `http://127.0.0.1:${port}` });
  const base = systems.hubConfig({ port, databasePath: join(dir, 'hub.db') });
  const config = tune({
    ...base,
    erp: { ...base.erp, pollIntervalSeconds: 1 },
    dropship: base.dropship?.map((d) => ({ ...d, stockPollIntervalSeconds: 1 })),
    inventory: { staleAfterSeconds: 3, pushIntervalMs: 100, fallback: 'last-known' },
    stores: base.stores.map((s) => ({ ...s, poll: { intervalSeconds: 3600 } })),
  });
  const hub = await createHub({ config, log: silentLogger(), port });
  await hub.start();
  // Store-side product edits and new customers reach the hub as webhooks.
  for (const store of config.stores) {
    const client = hub.connectors.woo(store.id);
    const deliveryUrl = `${hub.url}/webhooks/woocommerce/${store.id}`;
    const existing = await client.listWebhooks();
    for (const topic of ['product.updated', 'customer.created']) {
      const found = existing.find((w) => w.topic === topic);
      if (found) await client.updateWebhook(found.id, { status: 'active', delivery_url: deliveryUrl });
      else
        await client.createWebhook({
          name: `hub ${topic}`,
          topic,
          delivery_url: deliveryUrl,
          secret: store.webhookSecret,
          status: 'active',
        });
    }
  }
  const emulator = (storeId: string) => {
    const store = systems.stores.find((s) => s.spec.id === storeId);
    if (!store) throw new Error(`no store ${storeId}`);
    return store.emulator;
  };
  const call = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${hub.url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    systems,
    hub,
    config,
    async storeStock(storeId, sku) {
      const found = await hub.connectors
        .woo(storeId)
        .get<{ sku: string; stock_quantity: number | null }[]>('products', { sku });
      return found.find((p) => p.sku === sku)?.stock_quantity ?? null;
    },
    batchCalls: (storeId) =>
      emulator(storeId).requests.count({ method: 'POST', pathPrefix: '/wc/v3/products' }),
    resetJournals: () => systems.stores.forEach((s) => s.emulator.requests.reset()),
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    waitFor,
    async stop() {
      await hub.stop();
      await systems.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
