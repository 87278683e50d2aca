import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';
import { closeReservations } from './close-reservations.js';

/**
 * Marks reservations consumed: the ERP has allocated or shipped the units, so its own stock
 * figures now account for them and the hub must stop subtracting them. Idempotent.
 *
 * @example
 * ```ts
 * await consume(db, 'order:eu:1001', ['1', '2']);
 * ```
 */
export function consume(
  db: Kysely<Database>,
  orderSubject: string,
  lineIds?: readonly string[],
  now = new Date(),
): Promise<number> {
  return closeReservations(db, orderSubject, 'consumed', lineIds, now);
}
