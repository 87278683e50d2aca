/**
 * Builds one client per external endpoint from the config, each behind the runtime's rate limit
 * and circuit breaker for that endpoint (`woocommerce:<store>`, `wms:<location>`, `odoo`).
 *
 * @example
 * ```ts
 * const connectors = buildConnectors({ config, runtime, log });
 * await connectors.woo('eu').get('orders/1');
 * ```
 */
import type { Logger } from 'pino';
import type { HubConfig } from '../config/schema.js';
import type { Runtime } from '../runtime/index.js';
import { WooClient } from '../connectors/woocommerce/client.js';
import { createWmsClient, type WmsClient } from '../connectors/wms/client.js';

export interface Connectors {
  woo(storeId: string): WooClient;
  wms(locationId: string): WmsClient;
}

export function buildConnectors({
  config,
  runtime,
  log,
}: {
  config: HubConfig;
  runtime: Runtime;
  log: Logger;
}): Connectors {
  const woo = new Map(
    config.stores.map((store) => [
      store.id,
      new WooClient({
        store,
        log: log.child({ system: `woocommerce:${store.id}` }),
        policy: runtime.policy(`woocommerce:${store.id}`, {
          ratePerSecond: store.rateLimit?.perSecond ?? 20,
          burst: store.rateLimit?.burst ?? 40,
          failureThreshold: 10,
          halfOpenAfterMs: 10_000,
          timeoutMs: 30_000,
        }),
      }),
    ]),
  );
  const wms = new Map(
    [...config.warehouses, ...(config.dropship ?? [])].map((location) => [
      location.id,
      createWmsClient({
        warehouseId: location.id,
        baseUrl: location.wms.url,
        apiKey: location.wms.apiKey ?? '',
        policy: runtime.policy(`wms:${location.id}`, {
          ratePerSecond: 50,
          burst: 100,
          failureThreshold: 10,
          halfOpenAfterMs: 10_000,
          timeoutMs: 10_000,
        }),
      }),
    ]),
  );
  const lookup =
    <T>(map: Map<string, T>, kind: string) =>
    (id: string) => {
      const found = map.get(id);
      if (!found) throw new Error(`no ${kind} "${id}" is configured`);
      return found;
    };
  return { woo: lookup(woo, 'store'), wms: lookup(wms, 'warehouse or drop-ship supplier') };
}
