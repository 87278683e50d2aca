/**
 * What the order router may promise per location and SKU: on hand − ERP reserved from the hub's
 * stock projection (kept by the ERP feed, so routing goes on through an ERP outage), read live from
 * the ERP only for pairs the projection has not seen yet, minus the hub's reservations the ERP has
 * not consumed. A drop-ship supplier counts with the level its stock feed last reported; for a SKU
 * its feed never mentioned it is taken at its word (it confirms or rejects the fulfilment itself),
 * so it counts as able to ship.
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
    const suppliers = locationIds.filter((id) => deps.dropship.includes(id));
    const projectedAt = [...warehouses, ...suppliers];
    if (projectedAt.length === 0 || skus.length === 0) return result;
    const projected = await deps.db
      .selectFrom('stock_positions')
      .select(['sku', 'location', 'on_hand', 'erp_reserved'])
      .where('sku', 'in', skus)
      .where('location', 'in', projectedAt)
      .execute();
    const figures = new Map(
      projected.map((p) => [`${p.location}|${p.sku}`, Number(p.on_hand) - Number(p.erp_reserved)]),
    );
    const unseen = skus.filter((sku) => warehouses.some((location) => !figures.has(`${location}|${sku}`)));
    if (unseen.length > 0) {
      for (const position of await deps.erp.readStockPositions(warehouses, unseen)) {
        if (!figures.has(`${position.location}|${position.sku}`))
          figures.set(`${position.location}|${position.sku}`, position.available);
      }
    }
    for (const [key, available] of figures) {
      const [location, sku] = key.split('|') as [string, string];
      const held = await reservedQuantity(deps.db, sku, [location]);
      const bucket = result[location];
      if (bucket) bucket[sku] = Math.max(0, Math.floor(available - held));
    }
    return result;
  };
}
