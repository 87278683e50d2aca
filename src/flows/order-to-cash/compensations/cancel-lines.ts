/**
 * Cancels some units of an order the hub will not ship (policy `cancel-line`, or a backorder that
 * waited too long): a refund request in the channel (no gateway refund) under `key`, the units
 * recorded as cancelled and refunded, and the ERP order brought down to what is still sold so
 * its invoice never bills them. An ERP refusal is returned for the caller to park on; the refund
 * is out by then. The caller releases the lines' reservations with its state change.
 *
 * @example
 * ```ts
 * const cut = await cancelLines(saga, io, lines, 'of WC-eu-1/main/1', 'WC-eu-1/main/1:2');
 * if (cut.refused) return parkOutcome(cut.saga, 'cancel-line', cut.refused.code, cut.refused.message, now);
 * ```
 */
import type { BusinessError } from '../../../runtime/errors.js';
import { refundCancelledLines, withRefund } from '../cancelled-line-refund.js';
import type { StepIO, StepOutcome } from '../define-step.js';
import type { PlannedLine, SagaOrder } from '../saga-state.js';
import { syncErpLines } from './sync-erp-lines.js';

export interface LinesCancelled {
  saga: SagaOrder;
  timeline: StepOutcome['timeline'];
  refused?: BusinessError;
}

/** `where` ends the refund's reason; `key` names this cancellation in the effect ledger's keys. */
export async function cancelLines(
  saga: SagaOrder,
  io: StepIO,
  lines: readonly PlannedLine[],
  where: string,
  key: string,
): Promise<LinesCancelled> {
  const ids = lines.map((l) => l.lineId).join(',');
  const { refundId, amount } = await refundCancelledLines(saga, io, lines, where, `woo:refund:${key}:${ids}`);
  const routing = saga.routing ?? { assignments: [], backorders: [], cancelledLines: [], reasons: [] };
  let next: SagaOrder = {
    ...saga,
    routing: { ...routing, cancelledLines: [...routing.cancelledLines, ...lines] },
    amounts: withRefund(saga.amounts, amount),
  };
  const timeline: StepOutcome['timeline'] = [
    {
      kind: 'effect',
      system: `woocommerce:${saga.storeId}`,
      summary: `Line(s) cancelled; refund ${amount.amount} ${amount.currency} requested (refund ${refundId})`,
    },
  ];
  const synced = await syncErpLines(next, io, `erp:cancel-lines:${key}:${ids}`);
  if (!synced.ok) return { saga: next, timeline, refused: synced.error };
  next = synced.saga;
  return { saga: next, timeline: [...timeline, ...synced.timeline] };
}
