import { sql } from 'kysely';
import type { Db } from '../contracts.js';

/** Deliveries still owed: processing, retrying, or due now. Future `notBefore` timers are not counted. */
export async function countUnfinished(db: Db, now: number): Promise<number> {
  const row = await db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`status in ('pending', 'processing')`)
    .where((eb) =>
      eb.or([eb('status', '=', 'processing'), eb('attempts', '>', 0), eb('available_at', '<=', now)]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
