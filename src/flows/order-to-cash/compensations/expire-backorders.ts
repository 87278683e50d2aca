/**
 * A backorder timer fired (`../backorder-deadline.ts`): the lines it names that still wait are
 * cancelled as under policy `cancel-line` — refund requested in the channel, the ERP order cut to
 * what is still sold, their reservations released — and the order goes on with what it ships.
 * Lines routed meanwhile, or an order no longer waiting (cancelled, parked, finished), change
 * nothing. An ERP refusal parks the order with its reason, the refund already out. When no line is
 * left and nothing ever shipped, the order is cancelled whole (`./cancel-expired-order.ts`).
 *
 * @example
 * ```ts
 * const outcome = await expireBackorders(saga, stepIO(ctx, deps), ctx.message.data);
 * await commit(ctx, saga, outcome, deps.now());
 * ```
 */
import { release } from '../../inventory/reservation-ledger/index.js';
import type { BackorderExpired } from '../backorder-deadline.js';
import type { StepIO, StepOutcome } from '../define-step.js';
import { moveTo, parkOutcome } from '../run-step.js';
import { sagaEvent } from '../saga-events.js';
import { allShipped, type PlannedLine, type SagaOrder } from '../saga-state.js';
import { BACKORDER_WAITING_STATES } from '../saga-store.js';
import { cancelExpiredOrder } from './cancel-expired-order.js';
import { cancelLines } from './cancel-lines.js';

export async function expireBackorders(
  saga: SagaOrder,
  io: StepIO,
  due: BackorderExpired,
): Promise<StepOutcome> {
  const now = io.deps.now();
  const waiting = (BACKORDER_WAITING_STATES as readonly string[]).includes(saga.state);
  const routing = saga.routing;
  // A line that left the backorders and started waiting again after this timer was set has a
  // deadline of its own (a later timer).
  const sameWait = (lineId: string) => (routing?.waitingSince?.[lineId] ?? '') <= due.since;
  const named = new Set(due.lineIds.filter(sameWait));
  const expired = waiting ? (routing?.backorders ?? []).filter((l) => named.has(l.lineId)) : [];
  if (routing === undefined || expired.length === 0) return { saga, timeline: [], events: [] };
  const listed = (lines: readonly PlannedLine[]) => lines.map((l) => `${l.quantity}× ${l.sku}`).join(', ');
  const cut = await cancelLines(
    { ...saga, routing: { ...routing, backorders: routing.backorders.filter((l) => !named.has(l.lineId)) } },
    io,
    expired,
    `after waiting ${due.maxDays} days on backorder`,
    `backorder-expired:${saga.subject}:${due.since}`,
  );
  const timeline: StepOutcome['timeline'] = [
    {
      kind: 'decision',
      system: 'hub',
      summary: `Backorder cancelled: ${listed(expired)} waited since ${due.since}, the limit of ${due.maxDays} days (routing.backorderMaxDays)`,
    },
    ...cut.timeline,
  ];
  const write = (trx: Parameters<NonNullable<StepOutcome['write']>>[0]) =>
    release(
      trx,
      saga.subject,
      expired.map((l) => l.lineId),
      now,
    ).then(() => undefined);
  if (cut.refused !== undefined) {
    const parked = parkOutcome(
      cut.saga,
      'cancel-line',
      cut.refused.code,
      `The ERP refused to take the expired backorder line(s) off its order: ${cut.refused.message}`,
      now,
      cut.refused.system ?? io.deps.erp.system,
    );
    return { ...parked, timeline: [...timeline, ...parked.timeline], write };
  }
  if (allShipped(cut.saga) && cut.saga.shipments.length === 0) {
    // Nothing was ever shipped and nothing is left to: the order is cancelled whole, the rest of
    // what the customer paid (shipping, fees) refunded too.
    const whole = await cancelExpiredOrder(cut.saga, io, due.maxDays);
    const release = whole.write;
    return {
      ...whole,
      timeline: [...timeline, ...whole.timeline],
      write: async (trx) => {
        await write(trx);
        if (release) await release(trx);
      },
    };
  }
  // Whatever else the order owed has shipped: it is shipped now, and completes as any other.
  if (allShipped(cut.saga)) {
    const shipped = moveTo(cut.saga, 'shipped', now);
    return {
      saga: shipped,
      timeline,
      events: [sagaEvent(shipped, 'order.shipped', { shipments: shipped.shipments.length })],
      write,
    };
  }
  return { saga: cut.saga, timeline, events: [], write };
}
