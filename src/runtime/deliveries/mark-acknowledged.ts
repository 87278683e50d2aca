import { LeaseLostError, type ClaimedDelivery } from '../../bus/port.js';
import type { Trx } from '../contracts.js';

/**
 * Marks deliveries acknowledged inside the handler's transaction without releasing them: they
 * stay `processing` under this owner's lease, so the next delivery of the same partition is not
 * claimed while the handler is still running its later steps. `completeDeliveries` finishes them.
 *
 * @example
 * ```ts
 * await db.transaction().execute((trx) => markAcknowledged(trx, [delivery], 'worker-1'));
 * ```
 */
export async function markAcknowledged(
  trx: Trx,
  deliveries: readonly ClaimedDelivery[],
  owner: string,
): Promise<void> {
  if (deliveries.length === 0) return;
  const result = await trx
    .updateTable('deliveries')
    .set({ acked: 1 })
    .where(
      'seq',
      'in',
      deliveries.map((d) => Number(d.id)),
    )
    .where('status', '=', 'processing')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== deliveries.length)
    throw new LeaseLostError(deliveries.map((d) => d.id));
}
