/**
 * The saga's one handler: dispatches each delivery of consumer `order-to-cash` by event type.
 * Inputs from other systems go to their handler; the saga's own step events just advance it.
 * All events of one order share the partition key `orders.<store>.<id>`, so the runtime hands
 * them over strictly one after the other.
 */
import type { EventData } from '../../canonical/index.js';
import type { Handler, HandlerContext } from '../../runtime/contracts.js';
import { advance } from './advance.js';
import type { StepDeps } from './define-step.js';
import type { BackorderExpired } from './backorder-deadline.js';
import { onBackorderExpired } from './handlers/on-backorder-expired.js';
import { onBackorderRouted } from './handlers/on-backorder-routed.js';
import { onCancelled } from './handlers/on-cancelled.js';
import { onFulfilmentFailed } from './handlers/on-fulfilment-failed.js';
import { onFulfilmentProgress, type FulfilmentProgressed } from './handlers/on-fulfilment-progress.js';
import { onOrderSnapshot } from './handlers/on-order-snapshot.js';
import { onResume } from './handlers/on-resume.js';
import { onShipment } from './handlers/on-shipment.js';
import type { BackorderRouted } from './handlers/on-stock-for-backorders.js';
import { loadSaga } from './saga-store.js';

export const ORDER_TO_CASH_CONSUMER = 'order-to-cash';

/** Inputs with their own handling. */
const INPUTS = [
  'order.received',
  'order.updated',
  'order.cancelled',
  'shipment.confirmed',
  'fulfilment.failed',
  'fulfilment.progressed',
  'order.resume',
  'order.backorder-routed',
  'order.backorder-expired',
] as const;
/** The saga's own events: each means "a step committed, run the next". */
const STEP_EVENTS = [
  'order.validated',
  'order.routed',
  'order.registered',
  'stock.reserved',
  'order.shipped',
  'order.completed',
  'invoice.posted',
  'order.advance',
] as const;

export const ORDER_TO_CASH_EVENTS: readonly string[] = [...INPUTS, ...STEP_EVENTS];

export function orderToCashHandler(deps: StepDeps): Handler {
  return async (ctx: HandlerContext) => {
    const type = ctx.message.type;
    switch (type) {
      case 'order.received':
      case 'order.updated':
        return onOrderSnapshot(ctx as HandlerContext<EventData<'order.received'>>, deps);
      case 'order.cancelled':
        return onCancelled(ctx as HandlerContext<EventData<'order.cancelled'>>, deps);
      case 'shipment.confirmed':
        return onShipment(ctx as HandlerContext<EventData<'shipment.confirmed'>>, deps);
      case 'fulfilment.failed':
        return onFulfilmentFailed(ctx as HandlerContext<EventData<'fulfilment.failed'>>, deps);
      case 'fulfilment.progressed':
        return onFulfilmentProgress(ctx as HandlerContext<FulfilmentProgressed>, deps);
      case 'order.backorder-routed':
        return onBackorderRouted(ctx as HandlerContext<BackorderRouted>, deps);
      case 'order.backorder-expired':
        return onBackorderExpired(ctx as HandlerContext<BackorderExpired>, deps);
      case 'order.resume':
        return onResume(ctx as HandlerContext<{ by?: string; note?: string }>, deps);
      default: {
        const saga = await loadSaga(ctx.db, ctx.message.subject);
        if (saga !== undefined) await advance(ctx, saga, deps);
      }
    }
  };
}
