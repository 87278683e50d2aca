import type { FailureRecord, ClaimedDelivery } from '../../bus/port.js';
import type { Db, Trx } from '../contracts.js';
import type { DeliveryStatus } from '../tables.js';

/**
 * Ends this worker's lease on a failed delivery with its new status and the failure kept as
 * `last_error` — only if the lease is still ours (a reclaimed delivery belongs to its new holder).
 * Returns whether it was ours.
 */
export async function settleFailedDelivery(
  db: Db | Trx,
  delivery: ClaimedDelivery,
  owner: string,
  change: { status: Exclude<DeliveryStatus, 'processing' | 'done'>; availableAt?: number },
  failure: FailureRecord,
): Promise<boolean> {
  const result = await db
    .updateTable('deliveries')
    .set({
      status: change.status,
      ...(change.availableAt === undefined ? {} : { available_at: change.availableAt }),
      lease_owner: null,
      lease_expires_at: null,
      last_error: JSON.stringify({ kind: failure.kind, code: failure.code, message: failure.message }),
    })
    .where('seq', '=', Number(delivery.id))
    .where('status', '=', 'processing')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
