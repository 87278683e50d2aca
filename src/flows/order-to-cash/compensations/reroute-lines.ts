/**
 * Compensation for lines a location cannot fulfil: reroute them through the OMS to a location
 * that has not failed them yet; what no location can take is backordered or cancelled per the
 * `routing.unfulfillable` policy (`cancel-line`, the default, or `backorder`). A cancelled line
 * gets a refund request in the channel (no gateway refund) and its reservation released.
 *
 * @example
 * ```ts
 * const outcome = await rerouteLines(saga, io, { reference: 'WC-eu-1/main/1', lines: [{ lineId: '2', sku: 'MUG', quantity: 1 }], reason: 'cannot pick' });
 * ```
 */
import { add, money } from '../../../canonical/index.js';
import { lineRefund } from '../line-refund.js';
import { release, reserve } from '../../inventory/reservation-ledger/index.js';
import type { StepIO, StepOutcome } from '../define-step.js';
import { fulfilmentRequestedEvents, requestFulfilments } from '../fulfilment-requests.js';
import { moveTo } from '../run-step.js';
import { sagaEvent } from '../saga-events.js';
import { allShipped, isBefore, type PlannedLine, type RoutingRecord, type SagaOrder } from '../saga-state.js';

export interface FailedLines {
  reference: string;
  lines: PlannedLine[];
  reason: string;
}

type Policy = 'cancel-line' | 'backorder';

function policyOf(io: StepIO): Policy {
  return io.deps.config.routing?.unfulfillable === 'backorder' ? 'backorder' : 'cancel-line';
}

export async function rerouteLines(saga: SagaOrder, io: StepIO, failed: FailedLines): Promise<StepOutcome> {
  const now = io.deps.now();
  const record = saga.fulfilments.find((f) => f.reference === failed.reference);
  const fresh = failed.lines.filter((l) => !record?.failedLineIds.includes(l.lineId));
  if (record === undefined || fresh.length === 0 || saga.state === 'cancelled')
    return { saga, timeline: [], events: [] };
  const failedIds = new Set(fresh.map((l) => l.lineId));
  const fulfilments = saga.fulfilments.map((f) =>
    f.reference === failed.reference
      ? {
          ...f,
          failedLineIds: [...f.failedLineIds, ...failedIds],
          status: f.lines.every((l) => failedIds.has(l.lineId) || f.failedLineIds.includes(l.lineId))
            ? ('exception' as const)
            : f.status,
        }
      : f,
  );
  const exclude = [
    ...new Set(
      fulfilments.filter((f) => f.failedLineIds.some((id) => failedIds.has(id))).map((f) => f.location),
    ),
  ];
  const plan = await io.effects.run(`oms:reroute:${failed.reference}`, {
    perform: () => io.deps.router.route({ order: saga.order, lines: fresh, exclude }),
  });
  const routing: RoutingRecord = structuredClone(
    saga.routing ?? { assignments: [], backorders: [], cancelledLines: [], reasons: [] },
  );
  routing.assignments = routing.assignments
    .map((a) =>
      a.location === record.location ? { ...a, lines: a.lines.filter((l) => !failedIds.has(l.lineId)) } : a,
    )
    .filter((a) => a.lines.length > 0);
  routing.assignments.push(...plan.assignments);
  routing.reasons.push(
    `${record.location} cannot fulfil ${fresh.map((l) => l.sku).join(', ')} (${failed.reason})`,
    ...plan.reasons,
  );
  const timeline: StepOutcome['timeline'] = [
    {
      kind: 'message',
      system: `wms:${record.location}`,
      summary: `Cannot fulfil ${fresh.map((l) => `${l.quantity}× ${l.sku}`).join(', ')}: ${failed.reason}`,
    },
    ...plan.reasons.map((reason) => ({
      kind: 'decision' as const,
      system: 'oms',
      summary: `Reroute: ${reason}`,
    })),
  ];
  let next: SagaOrder = { ...saga, fulfilments, routing };
  const newRecords = await requestFulfilments(next, io, plan.assignments);
  next = { ...next, fulfilments: [...fulfilments, ...newRecords] };
  for (const r of newRecords)
    timeline.push({
      kind: 'effect',
      system: `wms:${r.location}`,
      summary: `Fulfilment ${r.reference} requested for rerouted lines`,
    });
  const moved = plan.assignments.flatMap((a) => a.lines.map((l) => ({ ...l, location: a.location })));
  let cancelledIds: string[] = [];
  const backorder = policyOf(io) === 'backorder' ? plan.backorders : [];
  const toCancel = [...(policyOf(io) === 'backorder' ? [] : plan.backorders), ...(plan.cancelledLines ?? [])];
  if (backorder.length > 0) {
    routing.backorders.push(...backorder);
    timeline.push({
      kind: 'decision',
      system: 'hub',
      summary: `Backordered ${backorder.map((l) => `${l.quantity}× ${l.sku}`).join(', ')}`,
    });
  }
  if (toCancel.length > 0) {
    const refund = lineRefund(saga.order, toCancel);
    const reason = `Hub: cancelled unfulfillable line(s) ${toCancel.map((l) => l.lineId).join(',')} of ${failed.reference}`;
    const refundId = await io.effects.run(
      `woo:refund:${failed.reference}:${toCancel.map((l) => l.lineId).join(',')}`,
      {
        perform: () =>
          io.deps.woo(saga.storeId).createRefund(saga.orderId, {
            amount: refund.amount,
            reason,
            lines: refund.lines,
            restock: false,
          }),
        lookup: async () =>
          (await io.deps.woo(saga.storeId).listRefunds(saga.orderId)).find((r) => r.reason === reason)?.id,
      },
    );
    routing.cancelledLines.push(...toCancel);
    cancelledIds = toCancel.map((l) => l.lineId);
    next = {
      ...next,
      amounts: {
        ...next.amounts,
        refunded: add(money(saga.order.currency, next.amounts.refunded ?? '0'), refund.amount).amount,
      },
    };
    timeline.push({
      kind: 'effect',
      system: `woocommerce:${saga.storeId}`,
      summary: `Line(s) cancelled; refund ${refund.amount.amount} ${refund.amount.currency} requested (refund ${refundId})`,
    });
  }
  const events = fulfilmentRequestedEvents(
    next,
    newRecords,
    new Map(plan.assignments.map((a) => [a.location, a.kind] as const)),
    now,
  );
  const shippedNow =
    !isBefore(next.state, 'fulfilment_requested') && isBefore(next.state, 'shipped') && allShipped(next);
  if (shippedNow) {
    next = moveTo(next, 'shipped', now);
    events.push(sagaEvent(next, 'order.shipped', { shipments: next.shipments.length }));
  }
  return {
    saga: next,
    timeline,
    events,
    write: async (trx) => {
      await reserve(trx, saga.subject, moved, now);
      await release(trx, saga.subject, cancelledIds, now);
    },
  };
}
