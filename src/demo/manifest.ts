/**
 * The demo manifest: every emulator the demo started with its URL and credentials, so other tools
 * (load generators, dashboards, scripts) can drive the running demo.
 *
 * @example
 * ```ts
 * await writeManifest('./demo.json', world, hub.url);
 * ```
 */
import { writeFile } from 'node:fs/promises';
import type { DemoSystems } from './demo-systems.js';

export interface DemoManifest {
  hub: { url: string; timeline: string; metrics: string };
  stores: {
    id: string;
    url: string;
    currency: string;
    pricesIncludeTax: boolean;
    consumerKey: string;
    consumerSecret: string;
    webhookSecret: string;
  }[];
  erp: { kind: 'odoo'; url: string; version: number; database: string; username: string; apiKey: string };
  warehouses: {
    id: string;
    kind: 'warehouse' | 'dropship';
    url: string;
    apiKey: string;
    webhookSecret: string;
  }[];
}

export function buildManifest(world: DemoSystems, hubUrl: string): DemoManifest {
  return {
    hub: {
      url: hubUrl,
      timeline: `${hubUrl}/v1/orders/{storeId}/{orderId}/timeline`,
      metrics: `${hubUrl}/metrics`,
    },
    stores: world.stores.map((s) => ({
      id: s.spec.id,
      url: s.emulator.url,
      currency: s.spec.currency,
      pricesIncludeTax: s.spec.pricesIncludeTax,
      consumerKey: s.consumerKey,
      consumerSecret: s.consumerSecret,
      webhookSecret: s.webhookSecret,
    })),
    erp: {
      kind: 'odoo',
      url: world.odoo.url,
      version: world.odoo.version,
      database: world.odoo.db,
      username: world.odoo.login,
      apiKey: world.odoo.apiKey,
    },
    warehouses: world.warehouses.map((w) => ({
      id: w.id,
      kind: w.id === 'acme' ? 'dropship' : 'warehouse',
      url: w.emulator.url,
      apiKey: w.emulator.apiKey,
      webhookSecret: w.webhookSecret,
    })),
  };
}

export async function writeManifest(path: string, world: DemoSystems, hubUrl: string): Promise<void> {
  await writeFile(path, `${JSON.stringify(buildManifest(world, hubUrl), null, 2)}\n`, 'utf8');
}
