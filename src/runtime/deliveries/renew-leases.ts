import type { Db } from '../contracts.js';
import { chunk } from '../chunk.js';

/** Keeps long-running handlers' deliveries leased so no other worker reclaims them. */
export async function renewLeases(
  db: Db,
  seqs: readonly number[],
  owner: string,
  until: number,
): Promise<void> {
  for (const part of chunk(seqs, 500)) {
    await db
      .updateTable('deliveries')
      .set({ lease_expires_at: until })
      .where('seq', 'in', part)
      .where('status', '=', 'processing')
      .where('lease_owner', '=', owner)
      .execute();
  }
}
