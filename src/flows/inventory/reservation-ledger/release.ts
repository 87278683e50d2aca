import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';

/**
 * Releases the open reservations of an order (all lines, or only `lineIds`): cancellation, a
 * cancelled line, a voided payment. Releasing twice is a no-op. Returns the rows released.
 *
 * @example
 * ```ts
 * await release(db, 'order:eu:1001');          // the whole order
 * await release(db, 'order:eu:1001', ['3']);   // one line
 * ```
 */
export async function release(
  db: Kysely<Database>,
  orderSubject: string,
  lineIds?: readonly string[],
  now = new Date(),
): Promise<number> {
  if (lineIds !== undefined && lineIds.length === 0) return 0;
  let query = db
    .updateTable('reservations')
    .set({ status: 'released', updated_at: now.toISOString() })
    .where('order_subject', '=', orderSubject)
    .where('status', '=', 'reserved');
  if (lineIds !== undefined) query = query.where('line_id', 'in', [...lineIds]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
