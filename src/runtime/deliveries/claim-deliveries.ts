import { sql } from 'kysely';
import type { ClaimedDelivery, ClaimRequest } from '../../bus/port.js';
import type { Db, Trx } from '../contracts.js';
import type { DialectName } from '../../store/config.js';
import type { EventsTable } from '../tables.js';
import { loadEvents } from '../events/load-events.js';

/**
 * Leases the next due deliveries. A delivery is claimable only if no earlier delivery of the same
 * (consumer, partition key) is processing, retrying (pending with attempts > 0) or due — so a
 * partition is handled strictly in order, and a message in back-off holds back its successors.
 * Earlier deliveries scheduled for later (`notBefore` timers, never attempted) do not block.
 * The attempt is counted here, at claim, so a message that kills the process still uses up attempts.
 */
export async function claimDeliveries(
  db: Db | Trx,
  dialect: DialectName,
  request: ClaimRequest,
): Promise<ClaimedDelivery[]> {
  const { owner, consumers, limit, now, leaseMs } = request;
  // One statement: atomic on its own, or part of the caller's transaction.
  let candidates = db
    .selectFrom('deliveries as d')
    .select('d.seq')
    .where(sql<boolean>`d.status = 'pending'`)
    .where('d.available_at', '<=', now)
    .where('d.consumer', 'in', consumers)
    // The partition's head: the first delivery that is processing, retrying or due. Written as
    // a scalar min() rather than NOT EXISTS so both planners probe the partition index per row
    // (PostgreSQL without statistics turns an anti-join into a quadratic nested loop).
    .where('d.seq', '=', (eb) =>
      eb
        .selectFrom('deliveries as e')
        .select((e) => e.fn.min<number>('e.seq').as('head'))
        .whereRef('e.consumer', '=', 'd.consumer')
        .whereRef('e.partition_key', '=', 'd.partition_key')
        .where(sql<boolean>`e.status in ('pending', 'processing')`)
        .where((e) =>
          e.or([e('e.status', '=', 'processing'), e('e.attempts', '>', 0), e('e.available_at', '<=', now)]),
        ),
    )
    .orderBy('d.seq')
    .limit(limit);
  if (dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
  const claimed = await db
    .updateTable('deliveries')
    .set((eb) => ({
      status: 'processing',
      attempts: eb('attempts', '+', 1),
      lease_owner: owner,
      lease_expires_at: now + leaseMs,
      first_attempt_at: eb.fn.coalesce('first_attempt_at', sql.val(now)),
      last_attempt_at: now,
    }))
    .where('seq', 'in', candidates)
    .returning(['seq', 'event_id', 'consumer', 'partition_key', 'attempts', 'first_attempt_at'])
    .execute();
  if (claimed.length === 0) return [];
  const events = await loadEvents(
    db,
    claimed.map((c) => c.event_id),
  );
  return claimed
    .sort((a, b) => a.seq - b.seq)
    .map((c) => ({
      id: String(c.seq),
      consumer: c.consumer,
      partitionKey: c.partition_key,
      attempts: c.attempts,
      firstAttemptAt: c.first_attempt_at ?? now,
      event: events.get(c.event_id) as EventsTable,
    }));
}
