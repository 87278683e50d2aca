/**
 * Step `route`: asks the router (the OMS) which location ships each line. The plan is recorded
 * once in the effect ledger, so a retry does not re-decide on changed stock figures.
 */
import { makeEvent } from '../../../canonical/index.js';
import { defineStep } from '../define-step.js';
import { moveTo } from '../run-step.js';
import { partitionOf, ref } from '../saga-events.js';
import type { PlannedLine, RoutingRecord } from '../saga-state.js';

export const routeStep = defineStep({
  name: 'route',
  from: ['validated'],
  idempotencyKey: (saga) => `oms:route:${saga.subject}`,
  invoke: (saga, io) => {
    const lines: PlannedLine[] = saga.order.lines.map((line) => ({
      lineId: line.lineId,
      sku: line.sku ?? '',
      quantity: line.quantity,
    }));
    return io.once(() => io.deps.router.route({ order: saga.order, lines, exclude: [] }));
  },
  apply: (saga, plan, io) => {
    // Lines the routing rules cancel outright are recorded; their refund is a person's call (parked at settlement if money differs).
    const routing: RoutingRecord = {
      assignments: plan.assignments,
      backorders: plan.backorders,
      reasons: plan.reasons,
      cancelledLines: plan.cancelledLines ?? [],
    };
    return {
      saga: { ...moveTo(saga, 'routed', io.deps.now()), routing },
      timeline: plan.reasons.map((reason) => ({
        kind: 'decision' as const,
        system: 'oms',
        summary: reason,
        data: { assignments: plan.assignments, backorders: plan.backorders },
      })),
      events: [
        makeEvent('order.routed', saga.subject, partitionOf(saga), {
          ...ref(saga),
          assignments: plan.assignments.map((a) => ({ location: a.location, kind: a.kind, lines: a.lines })),
          backorders: plan.backorders,
          reasons: plan.reasons,
        }),
      ],
    };
  },
});
