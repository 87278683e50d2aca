import type { Kysely } from 'kysely';
import type { StockPosition } from '../../canonical/index.js';
import type { Database } from '../../store/schema.js';

/**
 * Stores the ERP's position of one (SKU, location), unless a newer one is already stored: the feed
 * may repeat a page after a crash, and an older position must never overwrite a newer one.
 * Returns true when the row changed.
 *
 * @example
 * ```ts
 * await recordPosition(db, position, { changedAt: position.asOf, receivedAt: new Date().toISOString() });
 * ```
 */
export async function recordPosition(
  db: Kysely<Database>,
  position: StockPosition,
  times: { changedAt: string; receivedAt: string },
): Promise<boolean> {
  const row = {
    sku: position.sku,
    location: position.location,
    on_hand: Math.floor(position.onHand),
    erp_reserved: Math.floor(position.reserved),
    as_of: position.asOf,
    changed_at: times.changedAt,
    received_at: times.receivedAt,
  };
  const result = await db
    .insertInto('stock_positions')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['sku', 'location'])
        .doUpdateSet({
          on_hand: row.on_hand,
          erp_reserved: row.erp_reserved,
          as_of: row.as_of,
          changed_at: row.changed_at,
          received_at: row.received_at,
        })
        .where('stock_positions.as_of', '<=', row.as_of),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
