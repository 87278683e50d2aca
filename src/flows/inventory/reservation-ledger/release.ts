import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';
import { closeReservations } from './close-reservations.js';

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
export function release(
  db: Kysely<Database>,
  orderSubject: string,
  lineIds?: readonly string[],
  now = new Date(),
): Promise<number> {
  return closeReservations(db, orderSubject, 'released', lineIds, now);
}
