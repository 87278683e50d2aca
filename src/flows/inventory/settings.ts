/**
 * The inventory settings of the hub config, read once: which locations feed each store (its
 * warehouses plus the drop-ship suppliers serving it), safety stock by precedence (per SKU, then
 * per store, then global), staleness and fallback.
 *
 * @example
 * ```ts
 * const settings = inventorySettings(config);
 * settings.locationsOf('eu');           // ['main', 'east', 'acme']
 * settings.safetyStockFor('eu', 'MUG'); // 2
 * ```
 */
import type { HubConfig } from '../../config/schema.js';

export type StockFallback = 'last-known' | 'refuse';

export interface InventorySettings {
  storeIds: readonly string[];
  /** Stores whose available-to-sell depends on `location`. */
  storesAt(location: string): readonly string[];
  locationsOf(storeId: string): readonly string[];
  safetyStockFor(storeId: string, sku: string): number;
  staleAfterSeconds: number;
  fallback: StockFallback;
  pushIntervalMs: number;
}

export function inventorySettings(
  config: Pick<HubConfig, 'stores' | 'dropship' | 'inventory'>,
): InventorySettings {
  const locations = new Map<string, readonly string[]>(
    config.stores.map((store) => [
      store.id,
      [
        ...store.locations,
        ...(config.dropship ?? []).filter((d) => d.serves.includes(store.id)).map((d) => d.id),
      ],
    ]),
  );
  const byStore = new Map(config.stores.map((s) => [s.id, s]));
  const inventory = config.inventory ?? {};
  return {
    storeIds: config.stores.map((s) => s.id),
    storesAt: (location) => [...locations].filter(([, locs]) => locs.includes(location)).map(([id]) => id),
    locationsOf: (storeId) => locations.get(storeId) ?? [],
    safetyStockFor: (storeId, sku) =>
      inventory.safetyStockPerSku?.[sku] ?? byStore.get(storeId)?.safetyStock ?? inventory.safetyStock ?? 0,
    staleAfterSeconds: inventory.staleAfterSeconds ?? 300,
    fallback: inventory.fallback ?? 'last-known',
    pushIntervalMs: inventory.pushIntervalMs ?? 250,
  };
}
