/**
 * Stock feed: quants written since the cursor at the given locations → the CURRENT position of
 * every (SKU, location) they touch (all quants of the pair summed again, so lots and packages add
 * up and the event carries a position, not a delta).
 *
 * @example
 * ```ts
 * const page = await readStockChanges(ctx, cursor, ['main']);
 * page.changes[0]; // { sku: 'MUG', location: 'main', onHand: 9, reserved: 0, available: 9, ... }
 * ```
 */
import type { StockPosition } from '../../../canonical/index.js';
import type { ChangePage } from '../../erp.js';
import type { OdooContext } from '../context.js';
import { m2oId } from '../fields.js';
import { skusOf } from '../products.js';
import { QUANT_FIELDS, positionsFromQuants, quantsFor, resolveLocations } from '../stock.js';
import { readChanges, type ChangeReadOptions } from './write-date-cursor.js';

export async function readStockChanges(
  ctx: OdooContext,
  cursor: string | undefined,
  locations: readonly string[],
  options?: ChangeReadOptions,
): Promise<ChangePage<StockPosition>> {
  const { ids, hubById } = await resolveLocations(ctx, locations);
  const page = await readChanges(
    ctx.client,
    'stock.quant',
    [['location_id', 'in', ids]],
    QUANT_FIELDS,
    cursor,
    options,
  );
  if (page.rows.length === 0) return { changes: [], cursor: page.cursor };
  const touched = new Set(page.rows.map((q) => `${m2oId(q.product_id)}:${m2oId(q.location_id)}`));
  const productIds = [
    ...new Set(page.rows.map((q) => m2oId(q.product_id)).filter((id): id is number => id !== undefined)),
  ];
  const [quants, skus] = await Promise.all([
    quantsFor(ctx.client, ids, productIds),
    skusOf(ctx.client, productIds),
  ]);
  const current = quants.filter((q) => touched.has(`${m2oId(q.product_id)}:${m2oId(q.location_id)}`));
  const positions = positionsFromQuants(current, skus, hubById, new Date().toISOString());
  // A pair whose quants all vanished (Odoo garbage-collects empty quants) is now zero.
  for (const key of touched) {
    const [productId, locationId] = key.split(':').map(Number) as [number, number];
    const sku = skus.get(productId);
    const location = hubById.get(locationId);
    if (
      sku !== undefined &&
      location !== undefined &&
      !positions.some((p) => p.sku === sku && p.location === location)
    ) {
      positions.push({
        sku,
        location,
        onHand: 0,
        reserved: 0,
        available: 0,
        asOf: new Date().toISOString(),
        source: 'odoo',
      });
    }
  }
  return { changes: positions, cursor: page.cursor };
}
