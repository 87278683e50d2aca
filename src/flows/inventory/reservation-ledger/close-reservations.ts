import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';
import type { ReservationStatus } from './tables.js';

/**
 * Ends the open reservations of an order (all lines, or only `lineIds`) with `status`; lines
 * already ended are left as they are, so calling it twice changes nothing. Returns the rows ended.
 *
 * @example
 * ```ts
 * await closeReservations(db, 'order:eu:1001', 'released', ['3']);
 * ```
 */
export async function closeReservations(
  db: Kysely<Database>,
  orderSubject: string,
  status: Exclude<ReservationStatus, 'reserved'>,
  lineIds: readonly string[] | undefined,
  now: Date,
): Promise<number> {
  if (lineIds !== undefined && lineIds.length === 0) return 0;
  let query = db
    .updateTable('reservations')
    .set({ status, updated_at: now.toISOString() })
    .where('order_subject', '=', orderSubject)
    .where('status', '=', 'reserved');
  if (lineIds !== undefined) query = query.where('line_id', 'in', [...lineIds]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
