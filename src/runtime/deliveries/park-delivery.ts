import type { ClaimedDelivery, FailureRecord } from '../../bus/port.js';
import type { Db } from '../contracts.js';

/**
 * A business exception: a person must decide. The delivery is held with the reason (listable via
 * `runtime.parked`) until resumed; later messages of the partition proceed meanwhile.
 */
export async function parkDelivery(
  db: Db,
  delivery: ClaimedDelivery,
  owner: string,
  failure: FailureRecord,
): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({
      status: 'parked',
      lease_owner: null,
      lease_expires_at: null,
      last_error: JSON.stringify({ kind: failure.kind, code: failure.code, message: failure.message }),
    })
    .where('seq', '=', Number(delivery.id))
    .where('status', '=', 'processing')
    .where('lease_owner', '=', owner)
    .execute();
}
