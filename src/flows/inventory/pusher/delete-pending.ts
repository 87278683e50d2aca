import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';

/**
 * Removes a queued value once it was dealt with (acknowledged, refused, or already shown) — but
 * only the value that was read (`queuedAt`): a newer one queued meanwhile stays to be sent.
 *
 * @example
 * ```ts
 * await deletePending(trx, 'eu', 'MUG', queuedAt);
 * ```
 */
export async function deletePending(
  db: Kysely<Database>,
  storeId: string,
  sku: string,
  queuedAt: string,
): Promise<void> {
  await db
    .deleteFrom('stock_push_pending')
    .where('store_id', '=', storeId)
    .where('sku', '=', sku)
    .where('queued_at', '=', queuedAt)
    .execute();
}
