import { LeaseLostError, type ClaimedDelivery } from '../../bus/port.js';
import type { Trx } from '../contracts.js';
import { chunk } from '../chunk.js';

/**
 * Acknowledges handled deliveries inside `trx` — the handler's own transaction when it made a
 * state change, so the change and the ack commit together or not at all. Only deliveries still
 * leased to `owner` are marked; if one was reclaimed meanwhile the transaction is aborted.
 */
export async function completeDeliveries(
  trx: Trx,
  deliveries: readonly ClaimedDelivery[],
  owner: string,
): Promise<void> {
  let updated = 0;
  for (const part of chunk(deliveries, 500)) {
    const result = await trx
      .updateTable('deliveries')
      .set({ status: 'done', lease_owner: null, lease_expires_at: null, last_error: null })
      .where(
        'seq',
        'in',
        part.map((d) => Number(d.id)),
      )
      .where('status', '=', 'processing')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    updated += Number(result.numUpdatedRows);
  }
  if (updated !== deliveries.length) throw new LeaseLostError(deliveries.map((d) => d.id));
}
