import type { ClaimedDelivery, FailureRecord } from '../../bus/port.js';
import type { Db } from '../contracts.js';
import { settleFailedDelivery } from './settle-delivery.js';

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
  await settleFailedDelivery(db, delivery, owner, { status: 'pending', availableAt: at }, failure);
}
