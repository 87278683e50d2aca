/**
 * Applies a plan for backordered lines (made when their stock arrived, `../handlers/on-stock-for-backorders.ts`)
 * in the order's own partition: the lines leave the backorders for the plan's assignments, each
 * location gets a fulfilment request (keyed by its reference, so a retry never sends two), and the
 * order ships, completes and settles as any other. The ERP order needs no change: backordered
 * lines stay on it from registration (only cancelled units are taken off, `erpOrderOf`), so its
 * invoice already bills them. A plan that arrives when the order no longer waits for its lines
 * (already applied, or the order cancelled or finished) changes nothing; the units it reserved
 * are given back unless the order ships them.
 *
 * @example
 * ```ts
 * const outcome = await routeBackorders(saga, stepIO(ctx, deps), ctx.message.data);
 * await commit(ctx, saga, outcome, deps.now());
 * ```
 */
import { release } from '../../inventory/reservation-ledger/index.js';
import type { StepIO, StepOutcome } from '../define-step.js';
import { fulfilmentRequestedEvents, requestFulfilments } from '../fulfilment-requests.js';
import type { BackorderRouted } from '../handlers/on-stock-for-backorders.js';
import type { Assignment, PlannedLine, SagaOrder } from '../saga-state.js';
import { BACKORDER_WAITING_STATES } from '../saga-store.js';

/** The plan's assignments cut to what the saga still has backordered, and the backorders left. */
function fit(
  backorders: readonly PlannedLine[],
  assignments: readonly Assignment[],
): { assignments: Assignment[]; backorders: PlannedLine[] } {
  const open = new Map<string, number>();
  for (const line of backorders) open.set(line.lineId, (open.get(line.lineId) ?? 0) + line.quantity);
  const fitted: Assignment[] = [];
  for (const assignment of assignments) {
    const lines: PlannedLine[] = [];
    for (const line of assignment.lines) {
      const take = Math.min(line.quantity, open.get(line.lineId) ?? 0);
      if (take <= 0) continue;
      open.set(line.lineId, (open.get(line.lineId) ?? 0) - take);
      lines.push({ ...line, quantity: take });
    }
    if (lines.length > 0) fitted.push({ ...assignment, lines });
  }
  const left = backorders.flatMap((line) => {
    const rest = open.get(line.lineId) ?? 0;
    if (rest <= 0) return [];
    open.set(line.lineId, 0);
    return [{ ...line, quantity: rest }];
  });
  return { assignments: fitted, backorders: left };
}

export async function routeBackorders(
  saga: SagaOrder,
  io: StepIO,
  routed: BackorderRouted,
): Promise<StepOutcome> {
  const now = io.deps.now();
  const waiting = (BACKORDER_WAITING_STATES as readonly string[]).includes(saga.state);
  const routing = saga.routing;
  const fitted =
    waiting && routing !== undefined
      ? fit(routing.backorders, routed.assignments)
      : { assignments: [], backorders: routing?.backorders ?? [] };
  if (routing === undefined || fitted.assignments.length === 0) {
    // Stale: the lines this plan reserved for are not owed by any assignment of the order.
    const assigned = new Set((routing?.assignments ?? []).flatMap((a) => a.lines.map((l) => l.lineId)));
    const stray = routed.assignments
      .flatMap((a) => a.lines.map((l) => l.lineId))
      .filter((id) => !assigned.has(id));
    return {
      saga,
      timeline: [],
      events: [],
      ...(stray.length === 0
        ? {}
        : { write: (trx) => release(trx, saga.subject, stray, now).then(() => undefined) }),
    };
  }
  const records = await requestFulfilments(saga, io, fitted.assignments);
  const next: SagaOrder = {
    ...saga,
    routing: {
      ...routing,
      assignments: [...routing.assignments, ...fitted.assignments],
      backorders: fitted.backorders,
      reasons: [...routing.reasons, ...routed.reasons],
    },
    fulfilments: [...saga.fulfilments, ...records],
  };
  const listed = (lines: readonly PlannedLine[]) => lines.map((l) => `${l.quantity}× ${l.sku}`).join(', ');
  return {
    saga: next,
    timeline: [
      {
        kind: 'decision',
        system: 'oms',
        summary: `Backorder routed now that stock arrived: ${fitted.assignments.map((a) => `${listed(a.lines)} → ${a.location}`).join('; ')}${fitted.backorders.length === 0 ? '' : `; still backordered: ${listed(fitted.backorders)}`}`,
        data: { assignments: fitted.assignments, backorders: fitted.backorders, reasons: routed.reasons },
      },
      ...records.map((r) => ({
        kind: 'effect' as const,
        system: `wms:${r.location}`,
        summary: `Fulfilment ${r.reference} requested for backordered lines (WMS id ${r.wmsId ?? '?'}): ${listed(r.lines)}`,
      })),
    ],
    events: fulfilmentRequestedEvents(
      next,
      records,
      new Map(fitted.assignments.map((a) => [a.location, a.kind] as const)),
      now,
    ),
  };
}
