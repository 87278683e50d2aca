/**
 * The routing candidates for one store, from the hub config plus the current available-to-promise
 * per location and SKU: the store's own warehouses (`stores[].locations`, tried in that order
 * unless a warehouse sets `priority`) and the drop-ship suppliers serving the store (after the
 * warehouses unless they set `priority`).
 *
 * @example
 * ```ts
 * const candidates = candidatesFromConfig(config, 'eu', { main: { 'TEE-M': 4 }, acme: { 'TEE-M': 100 } });
 * candidates.locations.map((l) => l.id); // ['main', 'acme']
 * ```
 */
import type { Candidates, CandidateLocation } from './types.js';

export interface RoutingConfig {
  stores: readonly { id: string; locations: readonly string[]; region?: string }[];
  warehouses: readonly { id: string; region?: string; priority?: number; costPerShipment?: string }[];
  dropship?: readonly {
    id: string;
    serves: readonly string[];
    priority?: number;
    costPerShipment?: string;
  }[];
}

/** Drop-ship suppliers come after every own warehouse unless configured otherwise. */
const DROPSHIP_DEFAULT_PRIORITY = 1000;

export function candidatesFromConfig(
  config: RoutingConfig,
  storeId: string,
  available: Record<string, Record<string, number>>,
): Candidates {
  const store = config.stores.find((candidate) => candidate.id === storeId);
  const locations: CandidateLocation[] = [];
  (store?.locations ?? []).forEach((id, index) => {
    const warehouse = config.warehouses.find((candidate) => candidate.id === id);
    if (!warehouse) return;
    locations.push({
      id,
      kind: 'warehouse',
      priority: warehouse.priority ?? index + 1,
      ...(warehouse.region === undefined ? {} : { regions: [warehouse.region] }),
      ...(warehouse.costPerShipment === undefined ? {} : { costPerShipment: warehouse.costPerShipment }),
      serves: [storeId],
      available: available[id] ?? {},
    });
  });
  for (const supplier of config.dropship ?? []) {
    if (!supplier.serves.includes(storeId)) continue;
    locations.push({
      id: supplier.id,
      kind: 'dropship',
      priority: supplier.priority ?? DROPSHIP_DEFAULT_PRIORITY,
      ...(supplier.costPerShipment === undefined ? {} : { costPerShipment: supplier.costPerShipment }),
      serves: [...supplier.serves],
      available: available[supplier.id] ?? {},
    });
  }
  return { locations };
}
