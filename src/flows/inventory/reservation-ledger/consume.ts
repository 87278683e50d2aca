import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';

/**
 * Marks reservations consumed: the ERP has allocated or shipped the units, so its own stock
 * figures now account for them and the hub must stop subtracting them. Idempotent.
 *
 * @example
 * ```ts
 * await consume(db, 'order:eu:1001', ['1', '2']);
 * ```
 */
export async function consume(
  db: Kysely<Database>,
  orderSubject: string,
  lineIds?: readonly string[],
  now = new Date(),
): Promise<number> {
  if (lineIds !== undefined && lineIds.length === 0) return 0;
  let query = db
    .updateTable('reservations')
    .set({ status: 'consumed', updated_at: now.toISOString() })
    .where('order_subject', '=', orderSubject)
    .where('status', '=', 'reserved');
  if (lineIds !== undefined) query = query.where('line_id', 'in', [...lineIds]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
