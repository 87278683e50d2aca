/**
 * What the order router may promise per location and SKU: the ERP's own figure (on hand − ERP
 * reserved, read live, so routing never trusts a stale projection) minus the hub's reservations
 * that the ERP has not consumed yet. A drop-ship supplier without a stock feed is taken at its
 * word (it confirms or rejects the fulfilment itself), so it counts as able to ship.
 *
 * @example
 * ```ts
 * const availability = routingAvailability({ erp, db, warehouses: ['main'], dropship: ['acme'] });
 * await availability(['main', 'acme'], ['TOTE-NAT']); // { main: { 'TOTE-NAT': 799 }, acme: { 'TOTE-NAT': 1000000 } }
 * ```
 */
import type { Kysely } from 'kysely';
import type { ErpPort } from '../connectors/erp.js';
import type { Database } from '../store/schema.js';
import { reservedQuantity } from '../flows/inventory/reservation-ledger/index.js';

export const UNMETERED_SUPPLIER_STOCK = 1_000_000;

export function routingAvailability(deps: {
  erp: Pick<ErpPort, 'readStockPositions'>;
  db: Kysely<Database>;
  warehouses: readonly string[];
  dropship: readonly string[];
}): (locationIds: string[], skus: string[]) => Promise<Record<string, Record<string, number>>> {
  return async (locationIds, skus) => {
    const result: Record<string, Record<string, number>> = {};
    const warehouses = locationIds.filter((id) => deps.warehouses.includes(id));
    for (const id of locationIds) {
      if (deps.dropship.includes(id))
        result[id] = Object.fromEntries(skus.map((sku) => [sku, UNMETERED_SUPPLIER_STOCK]));
      else result[id] = Object.fromEntries(skus.map((sku) => [sku, 0]));
    }
    if (warehouses.length === 0) return result;
    const positions = await deps.erp.readStockPositions(warehouses, skus);
    for (const position of positions) {
      const held = await reservedQuantity(deps.db, position.sku, [position.location]);
      const bucket = result[position.location];
      if (bucket) bucket[position.sku] = Math.max(0, Math.floor(position.available - held));
    }
    return result;
  };
}
