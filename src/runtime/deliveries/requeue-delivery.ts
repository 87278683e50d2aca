import type { Trx } from '../contracts.js';

/**
 * Replays a dead or resumes a parked delivery: pending again from attempt 1, due now, keeping its
 * sequence so it is handled before later messages of its partition that are still unfinished.
 */
export async function requeueDelivery(trx: Trx, seq: number, now: number): Promise<boolean> {
  const result = await trx
    .updateTable('deliveries')
    .set({
      status: 'pending',
      attempts: 0,
      available_at: now,
      first_attempt_at: null,
      lease_owner: null,
      lease_expires_at: null,
    })
    .where('seq', '=', seq)
    .where('status', 'in', ['dead', 'parked'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
