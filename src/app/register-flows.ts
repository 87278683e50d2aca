/**
 * Subscribes every consumer of the hub to the runtime — connector ingress (WooCommerce, WMS),
 * the order-to-cash saga and returns — and builds the pollers that catch what webhooks miss. Only
 * workers call this; api-only processes accept webhooks into the inbox and leave the rest.
 *
 * @example
 * ```ts
 * const pollers = registerFlows({ config, runtime, connectors, erp, log });
 * pollers.start(); // … pollers.stop()
 * ```
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../store/schema.js';
import type { HubConfig } from '../config/schema.js';
import type { Runtime } from '../runtime/index.js';
import type { ErpPort } from '../connectors/erp.js';
import type { Connectors } from './build-connectors.js';
import { registerWooIngest } from '../connectors/woocommerce/ingest-handler.js';
import { createWooPoller } from '../connectors/woocommerce/poller.js';
import { registerWmsIngest } from '../connectors/wms/ingest.js';
import { registerWmsReturnIngest } from '../connectors/wms/ingest-handler.js';
import { registerOrderToCash, wmsFulfilment, wooOrderChannel } from '../flows/order-to-cash/index.js';
import { registerReturns, type StockReturnPort } from '../flows/returns/index.js';
import { registerCatalogue } from '../flows/catalogue/register-catalogue.js';
import { pollPricesOnce, pollProductsOnce, pollStockOnce } from '../connectors/odoo/feeds/poll.js';
import { startPeriodic, type Periodic } from './periodic.js';
import { createWmsEventPoller } from '../connectors/wms/index.js';
import { createSupplierStockPoller } from '../connectors/wms/stock-poller.js';
import { createOmsRouter, routingRulesFromConfig } from '../oms/index.js';
import { routingAvailability } from './routing-availability.js';

export interface Pollers {
  start(): void;
  stop(): Promise<void>;
  /** Runs every poller once (ERP feeds and store pollers); for tests and the demo. */
  runAll(): Promise<void>;
}

export function registerFlows(deps: {
  config: HubConfig;
  runtime: Runtime;
  connectors: Connectors;
  erp: ErpPort;
  /** Books restocked returns in the ERP (Odoo's adapter has it). */
  stockReturns?: StockReturnPort;
  db: Kysely<Database>;
  log: Logger;
}): Pollers {
  const { config, runtime, connectors, erp, stockReturns, db, log } = deps;
  const woo = (storeId: string) => wooOrderChannel(connectors.woo(storeId));
  const wms = (locationId: string) => wmsFulfilment(connectors.wms(locationId));

  registerWooIngest(runtime, { stores: config.stores, clients: (id) => connectors.woo(id) });
  registerWmsIngest(runtime);
  registerWmsReturnIngest(runtime);
  const rules = routingRulesFromConfig(config.routing ?? {});
  if (!rules.ok)
    throw new Error(`routing rules: ${rules.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const router = createOmsRouter({
    config,
    rules: rules.rules,
    availability: routingAvailability({
      erp,
      db,
      warehouses: config.warehouses.map((w) => w.id),
      dropship: (config.dropship ?? []).map((d) => d.id),
    }),
  });
  registerOrderToCash(runtime, { config, erp, woo, wms, router, log: log.child({ flow: 'order-to-cash' }) });
  registerReturns(runtime, {
    erp,
    woo,
    ...(stockReturns ? { stockReturns } : {}),
    log: log.child({ flow: 'returns' }),
  });
  registerCatalogue(runtime, { config, woo: (id) => connectors.woo(id), erp, log });

  // Drop-ship suppliers keep no stock in the ERP; their feed is their own (`wms:<id>:stock`).
  const locations = config.warehouses.map((l) => l.id);
  const feedDeps = {
    erp,
    cursors: runtime.cursors,
    publish: (events: Parameters<Runtime['publish']>[0]) => runtime.publish(events),
  };
  const erpIntervalMs = (config.erp.pollIntervalSeconds ?? 30) * 1000;
  const jobs: { name: string; intervalMs: number; run: () => Promise<unknown> }[] = [
    { name: 'odoo:stock', intervalMs: erpIntervalMs, run: () => pollStockOnce({ ...feedDeps, locations }) },
    { name: 'odoo:prices', intervalMs: erpIntervalMs, run: () => pollPricesOnce(feedDeps) },
    { name: 'odoo:products', intervalMs: erpIntervalMs, run: () => pollProductsOnce(feedDeps) },
    // No ERP picking feed: every location ships through its WMS (the config requires one), and the
    // saga validates the ERP delivery from that shipment; polling Odoo's pickings would only echo
    // the hub's own validations back as second shipments, which park the order at `deliver`.
    ...[...config.warehouses, ...(config.dropship ?? [])].map((location) => {
      const poller = createWmsEventPoller({
        warehouseId: location.id,
        client: connectors.wms(location.id),
        inbox: runtime.inbox,
        cursors: runtime.cursors,
        log: log.child({ poller: `wms:${location.id}` }),
      });
      return { name: `wms:${location.id}`, intervalMs: 30_000, run: () => poller.pollOnce() };
    }),
    ...(config.dropship ?? []).map((supplier) => {
      const poller = createSupplierStockPoller({
        supplierId: supplier.id,
        client: connectors.wms(supplier.id),
        cursors: runtime.cursors,
        publish: feedDeps.publish,
      });
      const intervalMs = (supplier.stockPollIntervalSeconds ?? 30) * 1000;
      return { name: `wms:${supplier.id}:stock`, intervalMs, run: () => poller.pollOnce() };
    }),
    ...config.stores.map((store) => {
      const poller = createWooPoller({
        store,
        client: connectors.woo(store.id),
        inbox: runtime.inbox,
        cursors: runtime.cursors,
        log: log.child({ poller: `woocommerce:${store.id}` }),
        collections: store.poll?.products ? ['orders', 'products'] : ['orders'],
      });
      return {
        name: `woocommerce:${store.id}`,
        intervalMs: (store.poll?.intervalSeconds ?? 60) * 1000,
        run: () => poller.pollOnce(),
      };
    }),
  ];

  let running: Periodic[] = [];
  return {
    start() {
      running = jobs.map((job) => startPeriodic({ ...job, log, cursors: runtime.cursors }));
    },
    async stop() {
      await Promise.all(running.map((loop) => loop.stop()));
      running = [];
    },
    async runAll() {
      for (const job of jobs) await job.run();
    },
  };
}
