import type { Db } from '../contracts.js';

/**
 * Returns leased deliveries to pending: after a crash (a single embedded process reclaims all of
 * its own at start) or when a worker's lease ran out (`expiredBefore`). The attempt already
 * counted at claim stays counted, so a message that keeps killing its worker ends as a dead letter.
 */
export async function recoverDeliveries(db: Db, expiredBefore?: number): Promise<number> {
  // Acknowledged before the crash: the effect committed, so complete rather than run again.
  let acked = db
    .updateTable('deliveries')
    .set({ status: 'done', lease_owner: null, lease_expires_at: null })
    .where('status', '=', 'processing')
    .where('acked', '=', 1);
  if (expiredBefore !== undefined) acked = acked.where('lease_expires_at', '<', expiredBefore);
  await acked.execute();
  let query = db
    .updateTable('deliveries')
    .set({ status: 'pending', lease_owner: null, lease_expires_at: null })
    .where('status', '=', 'processing');
  if (expiredBefore !== undefined) query = query.where('lease_expires_at', '<', expiredBefore);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
