/**
 * A partial cancellation made in WooCommerce after fulfilment was requested (staff removed lines or
 * lowered quantities; nothing shipped yet): the fulfilments holding the reduced lines are
 * cancelled at their location and requested again with what is left, the ERP order's lines are
 * revised to match (Odoo allows it before delivery), and the hub's reservations follow. A location
 * that already shipped, or an ERP refusal, parks the order with that reason.
 *
 * @example
 * ```ts
 * const cuts = reductionsOf(saga.order, incoming);
 * if (cuts) outcome = await reduceLines({ ...saga, order: incoming }, cuts, io);
 * ```
 */
import type { Order } from '../../../canonical/index.js';
import { BusinessError } from '../../../runtime/errors.js';
import type { StepIO, StepOutcome } from '../define-step.js';
import { fulfilmentRequestedEvents, requestFulfilments } from '../fulfilment-requests.js';
import { parkOutcome } from '../run-step.js';
import { followPlan } from '../erp-held.js';
import { resizeAssignments } from '../resize-assignments.js';
import type { FulfilmentRecord, SagaOrder } from '../saga-state.js';
import { cancelFulfilment } from '../steps/request-fulfilment.js';
import { syncErpLines } from './sync-erp-lines.js';

/** Units each line keeps after the edit, when the edit only removes units; undefined otherwise. */
export function reductionsOf(before: Order, after: Order): Map<string, number> | undefined {
  const kept = new Map<string, number>();
  for (const line of after.lines) {
    const old = before.lines.find((l) => l.lineId === line.lineId);
    if (
      old === undefined ||
      old.sku !== line.sku ||
      old.unitPrice.amount !== line.unitPrice.amount ||
      line.quantity > old.quantity
    )
      return undefined;
    if (line.quantity < old.quantity) kept.set(line.lineId, line.quantity);
  }
  for (const old of before.lines)
    if (!after.lines.some((l) => l.lineId === old.lineId)) kept.set(old.lineId, 0);
  return kept.size === 0 ? undefined : kept;
}

const isOpen = (f: FulfilmentRecord) => !['cancelled', 'exception', 'shipped'].includes(f.status);

export async function reduceLines(
  saga: SagaOrder,
  kept: ReadonlyMap<string, number>,
  io: StepIO,
): Promise<StepOutcome> {
  const now = io.deps.now();
  const affected = saga.fulfilments.filter((f) => isOpen(f) && f.lines.some((l) => kept.has(l.lineId)));
  const park = (error: BusinessError, why: string) =>
    parkOutcome(saga, 'edit', error.code, `${why}: ${error.message}`, now, error.system ?? 'hub');
  try {
    for (const record of affected) await cancelFulfilment(record, io.deps.wms(record.location), io.effects);
  } catch (error) {
    if (error instanceof BusinessError) return park(error, 'Lines were removed in WooCommerce too late');
    throw error;
  }
  const routing = saga.routing && {
    ...saga.routing,
    assignments: resizeAssignments(saga.routing, saga.order.lines),
  };
  const assignments = routing?.assignments ?? [];
  const cancelledRefs = new Set(affected.map((f) => f.reference));
  let next: SagaOrder = {
    ...saga,
    ...(routing === undefined ? {} : { routing }),
    fulfilments: saga.fulfilments.map((f) =>
      cancelledRefs.has(f.reference) ? { ...f, status: 'cancelled' as const } : f,
    ),
  };
  const synced = await syncErpLines(next, io, `erp:update:${saga.subject}:${saga.order.modifiedAt}`);
  if (!synced.ok) return park(synced.error, 'The ERP refused the partial cancellation');
  next = synced.saga;
  const locations = new Set(affected.map((f) => f.location));
  const again = assignments.filter((a) => locations.has(a.location));
  const records = await requestFulfilments(next, io, again);
  next = { ...next, fulfilments: [...next.fulfilments, ...records] };
  return {
    saga: next,
    timeline: [
      {
        kind: 'message',
        system: `woocommerce:${saga.storeId}`,
        summary: `Partial cancellation in WooCommerce: ${[...kept].map(([id, q]) => `line ${id} → ${q}`).join(', ')}`,
      },
      ...affected.map((f) => ({
        kind: 'effect' as const,
        system: `wms:${f.location}`,
        summary: `Fulfilment ${f.reference} cancelled for the partial cancellation`,
      })),
      ...synced.timeline,
      ...records.map((r) => ({
        kind: 'effect' as const,
        system: `wms:${r.location}`,
        summary: `Fulfilment ${r.reference} requested with what is left: ${r.lines.map((l) => `${l.quantity}× ${l.sku}`).join(', ')}`,
      })),
    ],
    events: fulfilmentRequestedEvents(
      next,
      records,
      new Map(assignments.map((a) => [a.location, a.kind] as const)),
      now,
    ),
    write: followPlan(saga, next, now),
  };
}
