/**
 * Stock positions from `stock.quant`: per product and internal location, on hand = Σ quantity,
 * reserved = Σ reserved_quantity, available = on hand − reserved. One read_group call (a
 * search_read per 500 quants where read_group is not offered) plus one read for the SKUs; positions carry the Odoo location's full name
 * translated back to the hub's location id (`WH/Stock` → `main`).
 *
 * @example
 * ```ts
 * const positions = await readStockPositions(ctx, ['main'], ['MUG']);
 * positions[0]; // { sku: 'MUG', location: 'main', onHand: 10, reserved: 2, available: 8, asOf: '…', source: 'odoo' }
 * ```
 */
import type { StockPosition } from '../../canonical/models/stock.js';
import { BusinessError, PermanentError } from '../../runtime/errors.js';
import type { OdooClient, OdooRecord } from './client.js';
import { erpLocationOf, hubLocationOf, type OdooContext } from './context.js';
import { SYSTEM } from './errors.js';
import { m2oId } from './fields.js';
import { resolveSkus, skusOf } from './products.js';

export const QUANT_FIELDS = ['product_id', 'location_id', 'quantity', 'reserved_quantity', 'write_date'];

export async function locationIdsOrFail(
  ctx: OdooContext,
  names: readonly string[],
): Promise<Map<string, number>> {
  const ids = await ctx.lookups.locationIds(names);
  const missing = names.filter((n) => !ids.has(n));
  if (missing.length > 0) {
    throw new BusinessError(`Stock location not found in Odoo: ${missing.join(', ')}`, {
      code: 'unknown_location',
      system: SYSTEM,
    });
  }
  return ids;
}

/** Sums quants per (product, location) into positions; `skus` maps product id → SKU. */
export function positionsFromQuants(
  quants: readonly OdooRecord[],
  skus: ReadonlyMap<number, string>,
  locationNames: ReadonlyMap<number, string>,
  asOf: string,
): StockPosition[] {
  const byKey = new Map<string, StockPosition>();
  for (const quant of quants) {
    const productId = m2oId(quant.product_id);
    const locationId = m2oId(quant.location_id);
    const sku = productId === undefined ? undefined : skus.get(productId);
    const location = locationId === undefined ? undefined : locationNames.get(locationId);
    if (sku === undefined || location === undefined) continue;
    const key = `${sku}\u0000${location}`;
    const position = byKey.get(key) ?? {
      sku,
      location,
      onHand: 0,
      reserved: 0,
      available: 0,
      asOf,
      source: SYSTEM,
    };
    position.onHand += Number(quant.quantity) || 0;
    position.reserved += Number(quant.reserved_quantity) || 0;
    position.available = position.onHand - position.reserved;
    byKey.set(key, position);
  }
  return [...byKey.values()];
}

/** Servers that answered read_group with "no such method" (older emulators, restricted APIs). */
const noReadGroup = new WeakSet<OdooClient>();

/**
 * Quantities per (product, location): one `read_group` row per pair instead of one row per quant
 * (lots, packages, owners); falls back to paging `search_read` where read_group is not offered.
 */
export async function quantsFor(
  client: OdooClient,
  locationIds: number[],
  productIds?: number[],
): Promise<OdooRecord[]> {
  const domain: unknown[] = [['location_id', 'in', locationIds]];
  if (productIds) domain.push(['product_id', 'in', productIds]);
  if (!noReadGroup.has(client)) {
    try {
      const groups = await client.call<Record<string, unknown>[]>(
        'stock.quant',
        'read_group',
        [domain, ['quantity:sum', 'reserved_quantity:sum'], ['product_id', 'location_id']],
        { lazy: false },
      );
      return groups.map((g, index) => ({ ...g, id: -1 - index }));
    } catch (error) {
      if (!(error instanceof PermanentError)) throw error;
      noReadGroup.add(client);
    }
  }
  return client.searchReadAll('stock.quant', domain, QUANT_FIELDS);
}

/** Hub locations → Odoo location ids, and Odoo location id → hub location id for reporting. */
export async function resolveLocations(ctx: OdooContext, locations: readonly string[]) {
  const erpNames = locations.map((l) => erpLocationOf(ctx.settings, l));
  const ids = await locationIdsOrFail(ctx, erpNames);
  const hubById = new Map([...ids].map(([name, id]) => [id, hubLocationOf(ctx.settings, name)]));
  return { ids: [...ids.values()], hubById };
}

export async function readStockPositions(
  ctx: OdooContext,
  locations: readonly string[],
  skus?: readonly string[],
): Promise<StockPosition[]> {
  const asOf = new Date().toISOString();
  const { ids: locationIdList, hubById: names } = await resolveLocations(ctx, locations);
  let skuOf: Map<number, string>;
  let quants: OdooRecord[];
  if (skus) {
    const products = await resolveSkus(ctx.client, skus);
    skuOf = new Map([...products.values()].map((p) => [Number(p.productId), p.sku]));
    quants = skuOf.size === 0 ? [] : await quantsFor(ctx.client, locationIdList, [...skuOf.keys()]);
  } else {
    quants = await quantsFor(ctx.client, locationIdList);
    skuOf = await skusOf(
      ctx.client,
      quants.map((q) => m2oId(q.product_id)).filter((id): id is number => id !== undefined),
    );
  }
  const positions = positionsFromQuants(quants, skuOf, names, asOf);
  if (skus) {
    // A known SKU without quants has zero stock there: say so rather than omit it.
    for (const sku of new Set(skuOf.values())) {
      for (const location of locations) {
        if (!positions.some((p) => p.sku === sku && p.location === location)) {
          positions.push({ sku, location, onHand: 0, reserved: 0, available: 0, asOf, source: SYSTEM });
        }
      }
    }
  }
  return positions;
}
