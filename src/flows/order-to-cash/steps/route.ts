/**
 * Step `route`: asks the router (the OMS) which location ships each line. The plan is recorded
 * once in the effect ledger, so a retry does not re-decide on changed stock figures. Lines the
 * rules cancel outright (no location can serve them, policy `cancel-line`) get the same channel
 * refund as a line cancelled later, and are left off the ERP order at registration. The routed
 * units are held in the hub's reservation ledger from here until the ERP reserves them, and the
 * basket's checkout hold (`order.checkoutHoldId`) ends in the same write. When
 * the rules cancel every unit of the order, the whole order is cancelled and refunded instead
 * (`../cancel-unroutable.ts`) and never reaches the ERP.
 */
import { makeEvent, type Money } from '../../../canonical/index.js';
import { cancelUnroutable, cancelsEverything } from '../cancel-unroutable.js';
import { refundCancelledLines, withRefund } from '../cancelled-line-refund.js';
import { lapseBasketHolds } from '../../inventory/checkout-holds.js';
import { reserve } from '../../inventory/reservation-ledger/index.js';
import { defineStep, type StepOutcome } from '../define-step.js';
import { reservationLines } from '../erp-held.js';
import { moveTo } from '../run-step.js';
import { partitionOf, ref } from '../saga-events.js';
import type { PlannedLine, RoutingRecord, SagaOrder } from '../saga-state.js';

export const routeStep = defineStep({
  name: 'route',
  from: ['validated'],
  idempotencyKey: (saga) => `oms:route:${saga.subject}`,
  invoke: async (saga, io) => {
    const lines: PlannedLine[] = saga.order.lines.map((line) => ({
      lineId: line.lineId,
      sku: line.sku ?? '',
      quantity: line.quantity,
    }));
    const plan = await io.once(() => io.deps.router.route({ order: saga.order, lines, exclude: [] }));
    const cancelled = plan.cancelledLines ?? [];
    if (cancelsEverything(saga.order, plan)) {
      const whole = await cancelUnroutable(saga, io, cancelled);
      return { plan, refund: whole.refund, cancelledOrder: true };
    }
    const refund =
      cancelled.length === 0
        ? undefined
        : await refundCancelledLines(saga, io, cancelled, 'at routing', `woo:refund:route:${saga.subject}`);
    return { plan, refund, cancelledOrder: false };
  },
  apply: (saga, { plan, refund, cancelledOrder }, io) => {
    const routing: RoutingRecord = {
      assignments: plan.assignments,
      backorders: plan.backorders,
      reasons: plan.reasons,
      cancelledLines: plan.cancelledLines ?? [],
    };
    const now = io.deps.now();
    if (cancelledOrder) return cancelledOutcome(saga, routing, refund, now);
    const routed = { ...moveTo(saga, 'routed', now), routing };
    return {
      // The order is accepted and its locations chosen: the hub holds the units until the ERP does,
      // and the checkout hold its storefront took for the basket (this store's only) ends here, so
      // the units do not count twice while the order waits for the ERP (an outage can last hours).
      write: async (trx) => {
        await reserve(trx, saga.subject, reservationLines(plan.assignments), now);
        const holdId = saga.order.checkoutHoldId;
        if (holdId !== undefined) await lapseBasketHolds(trx, saga.storeId, holdId, now);
      },
      saga: refund === undefined ? routed : { ...routed, amounts: withRefund(saga.amounts, refund.amount) },
      timeline: [
        ...plan.reasons.map((reason) => ({
          kind: 'decision' as const,
          system: 'oms',
          summary: reason,
          data: { assignments: plan.assignments, backorders: plan.backorders },
        })),
        ...(refund === undefined
          ? []
          : [
              {
                kind: 'effect' as const,
                system: `woocommerce:${saga.storeId}`,
                summary: `Line(s) ${routing.cancelledLines.map((l) => l.lineId).join(',')} cancelled at routing; refund ${refund.amount.amount} ${refund.amount.currency} requested (refund ${refund.refundId})`,
              },
            ]),
      ],
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

/** Nothing can ship: the order ends here, cancelled and refunded in the channel, unknown to the ERP. */
function cancelledOutcome(
  saga: SagaOrder,
  routing: RoutingRecord,
  refund: { refundId: string; amount: Money } | undefined,
  now: Date,
): StepOutcome {
  const refunded =
    refund === undefined
      ? 'nothing to refund (unpaid)'
      : `refund ${refund.amount.amount} ${refund.amount.currency} incl. shipping (refund ${refund.refundId})`;
  return {
    saga: {
      ...moveTo(saga, 'cancelled', now),
      routing,
      ...(refund === undefined ? {} : { amounts: withRefund(saga.amounts, refund.amount) }),
      order: { ...saga.order, status: 'cancelled', channelStatus: 'cancelled' },
    },
    timeline: [
      ...routing.reasons.map((reason) => ({ kind: 'decision' as const, system: 'oms', summary: reason })),
      {
        kind: 'decision',
        system: 'oms',
        summary: 'No location can serve any line: the whole order is cancelled and not registered in the ERP',
      },
      {
        kind: 'effect',
        system: `woocommerce:${saga.storeId}`,
        summary: `Order cancelled in WooCommerce with a note to the customer; ${refunded}`,
      },
    ],
    events: [],
  };
}
