import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';

/**
 * Units of `sku` the hub holds for accepted orders at the given locations (all locations when
 * omitted): the figure availability subtracts from the ERP's stock.
 *
 * @example
 * ```ts
 * const held = await reservedQuantity(db, 'TEE-M', ['main', 'east']); // e.g. 3
 * ```
 */
export async function reservedQuantity(
  db: Kysely<Database>,
  sku: string,
  locations?: readonly string[],
): Promise<number> {
  if (locations !== undefined && locations.length === 0) return 0;
  let query = db
    .selectFrom('reservations')
    .select((eb) => eb.fn.sum<number | string | null>('quantity').as('total'))
    .where('sku', '=', sku)
    .where('status', '=', 'reserved');
  if (locations !== undefined) query = query.where('location', 'in', [...locations]);
  const row = await query.executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Open reservations of one order, for the timeline and compensations. */
export async function reservationsOf(db: Kysely<Database>, orderSubject: string) {
  return db
    .selectFrom('reservations')
    .selectAll()
    .where('order_subject', '=', orderSubject)
    .orderBy('line_id')
    .execute();
}
