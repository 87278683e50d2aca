/**
 * Compensation for lines a location cannot fulfil: reroute them through the OMS to a location
 * that has not failed them yet; what no location can take is backordered or cancelled per the
 * same `routing.backorder` key the OMS routes by (`backorder`, the default, or `cancel-line`;
 * read through the OMS's own parser so the two never disagree). A cancelled line
 * gets a refund request in the channel (no gateway refund), leaves the ERP order (so the invoice
 * never bills it) and has its reservation released; an ERP refusal parks the order.
 *
 * @example
 * ```ts
 * const outcome = await rerouteLines(saga, io, { reference: 'WC-eu-1/main/1', lines: [{ lineId: '2', sku: 'MUG', quantity: 1 }], reason: 'cannot pick' });
 * ```
 */
import type { Kysely } from 'kysely';
import type { BusinessError } from '../../../runtime/errors.js';
import type { Database } from '../../../store/schema.js';
import { DEFAULT_ROUTING_RULES, routingRulesFromConfig } from '../../../oms/index.js';
import { consume, release, retake } from '../../inventory/reservation-ledger/index.js';
import type { StepIO, StepOutcome } from '../define-step.js';
import { cancelLines } from './cancel-lines.js';
import { fulfilmentRequestedEvents, requestFulfilments } from '../fulfilment-requests.js';
import { moveTo, parkOutcome } from '../run-step.js';
import { sagaEvent } from '../saga-events.js';
import { backorderWaitingEvent } from '../handlers/on-stock-for-backorders.js';
import { backorderDeadlineEvents } from '../backorder-deadline.js';
import { allShipped, isBefore, type PlannedLine, type RoutingRecord, type SagaOrder } from '../saga-state.js';

export interface FailedLines {
  reference: string;
  lines: PlannedLine[];
  reason: string;
}

type Policy = 'cancel-line' | 'backorder';

function policyOf(io: StepIO): Policy {
  const parsed = routingRulesFromConfig(io.deps.config.routing ?? {});
  // The loader refuses an invalid section at start; a test config that slips through keeps the default.
  return parsed.ok ? parsed.rules.backorder : DEFAULT_ROUTING_RULES.backorder;
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
    // A line not waiting until now starts a wait of its own, timed by this reroute's deadline.
    const waiting = new Set(routing.backorders.map((l) => l.lineId));
    const since = { ...routing.waitingSince };
    for (const line of backorder) if (!waiting.has(line.lineId)) since[line.lineId] = now.toISOString();
    routing.waitingSince = since;
    routing.backorders.push(...backorder);
    timeline.push({
      kind: 'decision',
      system: 'hub',
      summary: `Backordered ${backorder.map((l) => `${l.quantity}× ${l.sku}`).join(', ')}: no location can ship it now; the order waits for it (policy routing.backorder: backorder)`,
    });
  }
  let refused: BusinessError | undefined;
  if (toCancel.length > 0) {
    const cut = await cancelLines(next, io, toCancel, `of ${failed.reference}`, failed.reference);
    cancelledIds = toCancel.map((l) => l.lineId);
    next = cut.saga;
    timeline.push(...cut.timeline);
    refused = cut.refused;
  }
  const events = fulfilmentRequestedEvents(
    next,
    newRecords,
    new Map(plan.assignments.map((a) => [a.location, a.kind] as const)),
    now,
  );
  const shippedNow =
    !isBefore(next.state, 'fulfilment_requested') && isBefore(next.state, 'shipped') && allShipped(next);
  for (const sku of new Set(backorder.map((l) => l.sku))) events.push(backorderWaitingEvent(next, sku));
  events.push(...backorderDeadlineEvents(next, backorder, io.deps.config, now));
  if (shippedNow) {
    next = moveTo(next, 'shipped', now);
    events.push(sagaEvent(next, 'order.shipped', { shipments: next.shipments.length }));
  }
  const erpLocation = saga.erp === undefined ? undefined : saga.routing?.erpLocation;
  const write = async (trx: Kysely<Database>) => {
    // The ERP order reserves at its own warehouse; a line moved anywhere else is the hub's to hold again.
    await retake(
      trx,
      saga.subject,
      moved.filter((l) => l.location !== erpLocation),
      now,
    );
    await consume(
      trx,
      saga.subject,
      moved.filter((l) => l.location === erpLocation).map((l) => l.lineId),
      now,
    );
    await release(trx, saga.subject, cancelledIds, now);
  };
  if (refused !== undefined) {
    // The refund is out and the fulfilments stand; the ERP order still carries the cancelled units.
    const parked = parkOutcome(
      next,
      'cancel-line',
      refused.code,
      `The ERP refused to take the cancelled line(s) off its order: ${refused.message}`,
      now,
      refused.system ?? io.deps.erp.system,
    );
    return {
      ...parked,
      timeline: [...timeline, ...parked.timeline],
      events: [...events, ...parked.events],
      write,
    };
  }
  return { saga: next, timeline, events, write };
}
