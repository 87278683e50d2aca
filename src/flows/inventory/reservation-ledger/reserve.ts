import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';

export interface ReservationLine {
  lineId: string;
  sku: string;
  location: string;
  quantity: number;
}

/**
 * Reserves each line at its location for `orderSubject`. Idempotent per (order, line): a line
 * already reserved keeps its row, except that a new location moves it (a reroute); a released
 * or consumed line is left alone, so a redelivered step never resurrects a finished reservation.
 * Pass a transaction to commit it with the saga's state change.
 *
 * @example
 * ```ts
 * await reserve(db, 'order:eu:1001', [{ lineId: '1', sku: 'TEE-M', location: 'main', quantity: 2 }]);
 * ```
 */
export async function reserve(
  db: Kysely<Database>,
  orderSubject: string,
  lines: readonly ReservationLine[],
  now = new Date(),
): Promise<void> {
  const at = now.toISOString();
  for (const line of lines) {
    await db
      .insertInto('reservations')
      .values({
        order_subject: orderSubject,
        line_id: line.lineId,
        sku: line.sku,
        location: line.location,
        quantity: line.quantity,
        status: 'reserved',
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['order_subject', 'line_id'])
          .doUpdateSet({ location: line.location, quantity: line.quantity, updated_at: at })
          .where('reservations.status', '=', 'reserved'),
      )
      .execute();
  }
}
