/**
 * Starts the demo's world of emulators — three WooCommerce stores (EUR tax-exclusive, GBP
 * tax-inclusive, USD), one Odoo, two warehouses and a drop-ship supplier — seeds the same catalogue
 * into the ERP and every store, and builds the hub config that points at them. Used by
 * `retail-hub demo`, the end-to-end tests and the benchmarks alike.
 *
 * @example
 * ```ts
 * const world = await startDemoSystems({ hubUrl: 'http://127.0.0.1:8080' });
 * const config = world.hubConfig({ port: 8080, databasePath: './data/demo.db' });
 * // … createHub({ config, log }) …
 * await world.close();
 * ```
 */
import type { Logger } from 'pino';
import { startWooEmulator, type WooEmulator } from '../../sim/woocommerce/index.js';
import { startOdooEmulator, type OdooEmulator } from '../../sim/odoo/index.js';
import { startWmsEmulator, type WmsEmulator } from '../../sim/wms/index.js';
import type { HubConfig } from '../config/schema.js';
import type { WooClient } from '../connectors/woocommerce/client.js';
import { syncWebhooks } from '../connectors/woocommerce/sync/webhook-sync.js';
import { silentLogger } from '../ops/logger.js';
import { allVariants, demoCatalogue, priceIn } from './catalogue.js';

export interface DemoStoreSpec {
  id: string;
  name: string;
  currency: 'EUR' | 'GBP' | 'USD';
  country: string;
  region: string;
  pricesIncludeTax: boolean;
  tax: { rate: string; label: string } | null;
  locations: string[];
}

export const DEMO_STORES: DemoStoreSpec[] = [
  {
    id: 'eu',
    name: 'Demo EU',
    currency: 'EUR',
    country: 'DE',
    region: 'EU',
    pricesIncludeTax: false,
    tax: { rate: '19.0000', label: 'MwSt' },
    locations: ['main', 'east'],
  },
  {
    id: 'uk',
    name: 'Demo UK',
    currency: 'GBP',
    country: 'GB',
    region: 'UK',
    pricesIncludeTax: true,
    tax: { rate: '20.0000', label: 'VAT' },
    locations: ['main'],
  },
  {
    id: 'us',
    name: 'Demo US',
    currency: 'USD',
    country: 'US',
    region: 'US',
    pricesIncludeTax: false,
    tax: null,
    locations: ['east'],
  },
];

export const DEMO_WAREHOUSES = [
  { id: 'main', erpLocation: 'WH/Stock', region: 'EU', priority: 1 },
  { id: 'east', erpLocation: 'WH2/Stock', region: 'US', priority: 2 },
];
export const DEMO_DROPSHIP = { id: 'acme', name: 'ACME Stationery', serves: ['eu', 'us'] };
export const DEMO_COUPONS = ['SAVE10', 'WELCOME5'];

export interface DemoSystemsOptions {
  /** Where the hub will listen; emulators send their webhooks here. */
  hubUrl: string;
  /** Fixed ports for a stable manifest; 0 (default) picks free ones. */
  basePort?: number;
  odooLatencyMs?: number;
  /** Milestone clock of the warehouses. */
  wmsStepMs?: number;
  seed?: number;
  log?: Logger;
}

export interface DemoSystems {
  stores: {
    spec: DemoStoreSpec;
    emulator: WooEmulator;
    consumerKey: string;
    consumerSecret: string;
    webhookSecret: string;
  }[];
  odoo: OdooEmulator;
  warehouses: { id: string; emulator: WmsEmulator; webhookSecret: string }[];
  hubConfig(options: { port: number; databasePath: string; publicUrl?: string }): HubConfig;
  /** Has the hub create its webhooks in every store (call once it listens). */
  connectWebhooks(hub: { url: string; connectors: { woo(storeId: string): WooClient } }): Promise<void>;
  close(): Promise<void>;
}

const portAt = (base: number | undefined, offset: number) => (base ? base + offset : 0);

export async function startDemoSystems(options: DemoSystemsOptions): Promise<DemoSystems> {
  const log = options.log ?? silentLogger();
  const odoo = await startOdooEmulator({
    port: portAt(options.basePort, 0),
    latencyMs: options.odooLatencyMs ?? 0,
    log,
  });
  seedErp(odoo);

  const stores = await Promise.all(
    DEMO_STORES.map(async (spec, i) => {
      const consumerKey = `ck_demo_${spec.id}_${'0'.repeat(30)}`;
      const consumerSecret = `cs_demo_${spec.id}_${'0'.repeat(30)}`;
      const webhookSecret = `whsec-demo-${spec.id}`;
      const emulator = await startWooEmulator({
        port: portAt(options.basePort, 1 + i),
        storeId: spec.id,
        webhookSecret,
        // No webhooks yet: the hub registers its own once it listens (`connectWebhooks`), as
        // `retail-hub woocommerce webhooks sync` does for a real store.
        consumerKey,
        consumerSecret,
        allowBasicOverHttp: true,
        currency: spec.currency,
        pricesIncludeTax: spec.pricesIncludeTax,
        tax: spec.tax,
        coupons: [
          { code: 'SAVE10', discount_type: 'percent', amount: '10' },
          { code: 'WELCOME5', discount_type: 'fixed_cart', amount: '5.00' },
        ],
        seed: (options.seed ?? 1) + i,
        log,
      });
      seedStore(emulator, spec);
      return { spec, emulator, consumerKey, consumerSecret, webhookSecret };
    }),
  );

  const warehouses = await Promise.all(
    [...DEMO_WAREHOUSES.map((w) => w.id), DEMO_DROPSHIP.id].map(async (id, i) => {
      const webhookSecret = `wms-secret-${id}`;
      const step = options.wmsStepMs ?? 200;
      const emulator = await startWmsEmulator({
        port: portAt(options.basePort, 10 + i),
        warehouseId: id,
        webhookSecret,
        webhookUrl: `${options.hubUrl}/webhooks/wms/${id}`,
        clock: { pickMs: step, packMs: step, shipMs: step },
        seed: (options.seed ?? 1) + 100 + i,
        // The supplier's own stock, published on its stock-level feed (the ERP has none of it).
        ...(id === DEMO_DROPSHIP.id ? { stock: stockAt(id) } : {}),
        log,
      });
      return { id, emulator, webhookSecret };
    }),
  );

  return {
    stores,
    odoo,
    warehouses,
    hubConfig: ({ port, databasePath, publicUrl }) => ({
      database: { kind: 'sqlite', path: databasePath },
      bus: { kind: 'embedded' },
      server: { port, host: '127.0.0.1', publicUrl: publicUrl ?? options.hubUrl },
      stores: stores.map(({ spec, emulator, consumerKey, consumerSecret, webhookSecret }) => ({
        id: spec.id,
        name: spec.name,
        url: emulator.url,
        consumerKey,
        consumerSecret,
        webhookSecret,
        currency: spec.currency,
        locations: spec.locations,
        region: spec.region,
        pricesIncludeTax: spec.pricesIncludeTax,
        taxRounding: 'per-line',
        poll: { intervalSeconds: 15 },
        rateLimit: { perSecond: 200, burst: 400 },
      })),
      erp: {
        kind: 'odoo',
        url: odoo.url,
        database: odoo.db,
        username: odoo.login,
        apiKey: odoo.apiKey,
        version: odoo.version,
        pollIntervalSeconds: 2,
        rateLimit: { perSecond: 2000, burst: 2000 },
      },
      warehouses: DEMO_WAREHOUSES.map((w) => {
        const wms = warehouses.find((x) => x.id === w.id)!;
        return {
          ...w,
          wms: { url: wms.emulator.url, apiKey: wms.emulator.apiKey, webhookSecret: wms.webhookSecret },
        };
      }),
      dropship: [
        (() => {
          const wms = warehouses.find((x) => x.id === DEMO_DROPSHIP.id)!;
          return {
            ...DEMO_DROPSHIP,
            wms: { url: wms.emulator.url, apiKey: wms.emulator.apiKey, webhookSecret: wms.webhookSecret },
          };
        })(),
      ],
      payments: { proceedUnpaid: ['cod'] },
      runtime: { concurrency: 32 },
      log: { level: 'warn' },
    }),
    async connectWebhooks(hub) {
      // The hub's own address, not the configured one: with `--port 0` only the hub knows its port.
      for (const w of warehouses) w.emulator.setWebhookUrl(`${hub.url}/webhooks/wms/${w.id}`);
      for (const store of stores) {
        await syncWebhooks({
          storeId: store.spec.id,
          client: hub.connectors.woo(store.spec.id),
          publicUrl: hub.url,
          secret: store.webhookSecret,
        });
      }
    },
    async close() {
      await Promise.all([
        odoo.close(),
        ...stores.map((s) => s.emulator.close()),
        ...warehouses.map((w) => w.emulator.close()),
      ]);
    },
  };
}

/** Units on hand at one location per SKU, from the catalogue. */
function stockAt(location: string): Record<string, number> {
  return Object.fromEntries(
    allVariants().flatMap((v) => (v.stock[location] === undefined ? [] : [[v.sku, v.stock[location]]])),
  );
}

/** The ERP owns products, prices and stock: every variant is a product with on-hand per location. */
function seedErp(odoo: OdooEmulator): void {
  for (const variant of allVariants()) {
    odoo.seed.product({ sku: variant.sku, name: variant.name, listPrice: Number(variant.prices.EUR) });
    for (const [location, quantity] of Object.entries(variant.stock)) {
      const erpLocation = DEMO_WAREHOUSES.find((w) => w.id === location)?.erpLocation;
      if (erpLocation) odoo.seed.stock({ sku: variant.sku, location: erpLocation, quantity });
    }
  }
}

/** Each store lists the catalogue in its currency with the stock its locations hold. */
function seedStore(woo: WooEmulator, spec: DemoStoreSpec): void {
  const stockFor = (stock: Record<string, number>) =>
    Object.entries(stock)
      .filter(
        ([location]) =>
          spec.locations.includes(location) ||
          (location === DEMO_DROPSHIP.id && DEMO_DROPSHIP.serves.includes(spec.id)),
      )
      .reduce((sum, [, quantity]) => sum + quantity, 0);
  for (const product of demoCatalogue) {
    if (product.type === 'simple') {
      const variant = product.variants[0]!;
      woo.createProduct({
        name: product.name,
        type: 'simple',
        sku: variant.sku,
        regular_price: priceIn(variant, spec.currency),
        manage_stock: true,
        stock_quantity: stockFor(variant.stock),
      });
      continue;
    }
    const attributes = Object.keys(product.variants[0]!.attributes).map((name) => ({
      name,
      options: [...new Set(product.variants.map((v) => v.attributes[name]!))],
      variation: true,
      visible: true,
    }));
    const parent = woo.createProduct({ name: product.name, type: 'variable', attributes });
    for (const variant of product.variants) {
      woo.createVariation(parent.id, {
        sku: variant.sku,
        regular_price: priceIn(variant, spec.currency),
        manage_stock: true,
        stock_quantity: stockFor(variant.stock),
        attributes: Object.entries(variant.attributes).map(([name, option]) => ({ name, option })),
      });
    }
  }
}
