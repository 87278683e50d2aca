import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';

/** Back-off for a transient push failure: 0.5 s doubling per attempt, at most 60 s. */
export function pushRetryDelayMs(attempts: number, retryAfterMs?: number): number {
  return Math.max(retryAfterMs ?? 0, Math.min(60_000, 500 * 2 ** Math.min(attempts, 10)));
}

/**
 * Schedules another attempt of queued pushes after a transient failure (429, 5xx, timeout). Only
 * rows still holding the value that was sent are touched; a newer value is due at once anyway.
 *
 * @example
 * ```ts
 * await reschedulePush(db, 'eu', [{ sku: 'MUG', queuedAt, attempts: 1 }], 'rate_limited');
 * ```
 */
export async function reschedulePush(
  db: Kysely<Database>,
  storeId: string,
  items: readonly { sku: string; queuedAt: string; attempts: number }[],
  error: string,
  retryAfterMs?: number,
  now = new Date(),
): Promise<void> {
  for (const item of items) {
    const next = new Date(now.getTime() + pushRetryDelayMs(item.attempts, retryAfterMs)).toISOString();
    await db
      .updateTable('stock_push_pending')
      .set({ attempts: item.attempts + 1, next_attempt_at: next, last_error: error.slice(0, 500) })
      .where('store_id', '=', storeId)
      .where('sku', '=', item.sku)
      .where('queued_at', '=', item.queuedAt)
      .execute();
  }
}
