import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

/**
 * Queues the quantity a store should show for a SKU. One row per (store, SKU): a newer value
 * replaces the queued one, so a burst of changes becomes one write (coalescing), and a retry
 * schedule restarts because the value is new.
 *
 * @example
 * ```ts
 * await enqueuePush(db, { storeId: 'eu', sku: 'MUG', quantity: 7, changedAt: '2026-11-23T10:00:00Z' });
 * ```
 */
export async function enqueuePush(
  db: Kysely<Database>,
  item: { storeId: string; sku: string; quantity: number; changedAt: string },
  now = new Date(),
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('stock_push_pending')
    .values({
      store_id: item.storeId,
      sku: item.sku,
      quantity: item.quantity,
      changed_at: item.changedAt,
      queued_at: at,
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
    })
    .onConflict((oc) =>
      oc.columns(['store_id', 'sku']).doUpdateSet({
        quantity: item.quantity,
        changed_at: item.changedAt,
        queued_at: at,
        attempts: 0,
        next_attempt_at: at,
        last_error: null,
      }),
    )
    .execute();
}
