import type { ClaimedDelivery, FailureRecord } from '../../bus/port.js';
import type { Db } from '../contracts.js';

/**
 * A transient failure: the delivery goes back to pending, due at `at` (computed by `backoffDelay`:
 * exponential with full jitter, never before Retry-After). It stays the head of its partition, so
 * later messages for the same key wait behind it.
 */
export async function retryDelivery(
  db: Db,
  delivery: ClaimedDelivery,
  owner: string,
  at: number,
  failure: FailureRecord,
): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({
      status: 'pending',
      available_at: at,
      lease_owner: null,
      lease_expires_at: null,
      last_error: JSON.stringify({ kind: failure.kind, code: failure.code, message: failure.message }),
    })
    .where('seq', '=', Number(delivery.id))
    .where('status', '=', 'processing')
    .where('lease_owner', '=', owner)
    .execute();
}
