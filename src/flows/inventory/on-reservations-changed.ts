import type { Kysely } from 'kysely';
import type { Envelope, Handler } from '../../runtime/contracts.js';
import type { Database } from '../../store/schema.js';
import type { StockProjector } from './stock-projector.js';

/** Events after which the reservation ledger of an order may have changed. */
export const RESERVATION_EVENTS = [
  'stock.reserved',
  'stock.released',
  'order.routed',
  'order.cancelled',
  'order.completed',
  'shipment.confirmed',
] as const;

/** The SKUs an event's reservations concern: named in it, or held for its order. */
export async function skusOf(db: Kysely<Database>, message: Envelope): Promise<string[]> {
  const data = message.data as { reservations?: { sku?: unknown }[]; reservationIds?: unknown[] } | null;
  const named = (data?.reservations ?? [])
    .map((r) => r.sku)
    .filter((s): s is string => typeof s === 'string');
  const orders = new Set<string>([message.subject]);
  for (const id of data?.reservationIds ?? []) if (typeof id === 'string') orders.add(id.split('#')[0] ?? id);
  const held = await db
    .selectFrom('reservations')
    .select('sku')
    .distinct()
    .where('order_subject', 'in', [...orders])
    .execute();
  return [...new Set([...named, ...held.map((r) => r.sku)])];
}

/**
 * Consumer `inventory-reservations`: when the saga reserves, releases or consumes stock, the SKUs
 * involved are recomputed through the projector (pushes queued, `availability.changed` published).
 *
 * @example
 * ```ts
 * runtime.subscribe('inventory-reservations', [...RESERVATION_EVENTS], onReservationsChanged(projector));
 * ```
 */
export function onReservationsChanged(projector: StockProjector): Handler {
  return async (ctx) => {
    const skus = await skusOf(ctx.db, ctx.message);
    await Promise.all(skus.map((sku) => projector.submit({ sku, changedAt: ctx.message.occurredAt })));
  };
}
