import type { ClaimedDelivery, FailureRecord } from '../../bus/port.js';
import type { Db } from '../contracts.js';
import { settleFailedDelivery } from './settle-delivery.js';

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
  await settleFailedDelivery(db, delivery, owner, { status: 'parked' }, failure);
}
