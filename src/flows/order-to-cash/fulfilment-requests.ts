/**
 * Asks each assigned location to ship its lines, once per fulfilment reference: the reference is
 * the warehouse's idempotency key and the effect ledger's key, and after a crash the lookup
 * finds an order the warehouse already accepted.
 *
 * @example
 * ```ts
 * const records = await requestFulfilments(saga, io, saga.routing.assignments);
 * ```
 */
import { makeEvent } from '../../canonical/index.js';
import type { EventInput } from '../../runtime/contracts.js';
import { PermanentError } from '../../runtime/errors.js';
import type { StepIO } from './define-step.js';
import { fulfilmentReference } from './references.js';
import { partitionOf, ref } from './saga-events.js';
import type { Assignment, FulfilmentRecord, SagaOrder } from './saga-state.js';

/** The shipping address when it has a street, else the billing one (WooCommerce sends empty shipping blocks). */
export function shipToOf(saga: SagaOrder) {
  const { shipping, billing } = saga.order;
  return shipping?.line1 ? shipping : (billing ?? shipping);
}

export function nextAttempt(saga: SagaOrder, location: string): number {
  return (
    saga.fulfilments.filter((f) => f.location === location).reduce((max, f) => Math.max(max, f.attempt), 0) +
    1
  );
}

export async function requestFulfilments(
  saga: SagaOrder,
  io: StepIO,
  assignments: readonly Assignment[],
): Promise<FulfilmentRecord[]> {
  const shipTo = shipToOf(saga);
  if (shipTo === undefined)
    throw new PermanentError(`order ${saga.subject} has no shipping or billing address`, {
      code: 'no_ship_to',
      system: 'hub',
    });
  const records: FulfilmentRecord[] = [];
  for (const assignment of assignments) {
    const reference = fulfilmentReference(
      saga.storeId,
      saga.orderId,
      assignment.location,
      nextAttempt({ ...saga, fulfilments: [...saga.fulfilments, ...records] }, assignment.location),
    );
    const port = io.deps.wms(assignment.location);
    const created = await io.effects.run(`wms:fulfil:${reference}`, {
      perform: () =>
        port.createFulfilment({
          reference,
          location: assignment.location,
          lines: assignment.lines.map((l) => ({ lineRef: l.lineId, sku: l.sku, quantity: l.quantity })),
          shipTo,
        }),
      lookup: () => port.findFulfilment(reference),
    });
    records.push({
      reference,
      location: assignment.location,
      attempt: Number(reference.split('/').at(-1)),
      wmsId: created.id,
      status: 'requested',
      lines: assignment.lines,
      failedLineIds: [],
    });
  }
  return records;
}

export function fulfilmentRequestedEvents(
  saga: SagaOrder,
  records: readonly FulfilmentRecord[],
  kinds: ReadonlyMap<string, 'warehouse' | 'dropship'>,
  now: Date,
): EventInput[] {
  const shipTo = shipToOf(saga) ?? {};
  return records.map((record) =>
    makeEvent('fulfilment.requested', saga.subject, partitionOf(saga), {
      ...ref(saga),
      request: {
        id: record.reference,
        orderSubject: saga.subject,
        storeId: saga.storeId,
        orderNumber: saga.order.number,
        location: record.location,
        kind: kinds.get(record.location) ?? 'warehouse',
        lines: record.lines,
        shipTo,
        requestedAt: now.toISOString(),
      },
    }),
  );
}
