import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';
import { reserve, type ReservationLine } from './reserve.js';

/**
 * Takes lines back from the ERP: a line whose reservation the ERP had taken over (consumed) but
 * that now ships from a location the ERP order does not reserve at (a reroute) is held by the hub
 * again, at its new location. Released lines stay released; lines never reserved are reserved.
 *
 * @example
 * ```ts
 * await retake(trx, 'order:eu:1001', [{ lineId: '2', sku: 'MUG', location: 'east', quantity: 1 }]);
 * ```
 */
export async function retake(
  db: Kysely<Database>,
  orderSubject: string,
  lines: readonly ReservationLine[],
  now = new Date(),
): Promise<void> {
  for (const line of lines) {
    await db
      .updateTable('reservations')
      .set({
        status: 'reserved',
        location: line.location,
        quantity: line.quantity,
        updated_at: now.toISOString(),
      })
      .where('order_subject', '=', orderSubject)
      .where('line_id', '=', line.lineId)
      .where('status', '=', 'consumed')
      .execute();
  }
  await reserve(db, orderSubject, lines, now);
}
