import type { Db } from '../contracts.js';
import { chunk } from '../chunk.js';

/** Gives back deliveries claimed but never started (at stop): pending again, the attempt uncounted. */
export async function releaseDeliveries(db: Db, seqs: readonly number[], owner: string): Promise<void> {
  for (const part of chunk(seqs, 500)) {
    await db
      .updateTable('deliveries')
      .set((eb) => ({
        status: 'pending',
        attempts: eb('attempts', '-', 1),
        lease_owner: null,
        lease_expires_at: null,
      }))
      .where('seq', 'in', part)
      .where('status', '=', 'processing')
      .where('lease_owner', '=', owner)
      .execute();
  }
}
