/**
 * Compensation for a customer cancellation or a voided payment: undo the completed steps in
 * reverse — cancel the warehouse fulfilments, cancel the ERP order, release the reservations —
 * each through the effect ledger, then move to `cancelled`. Once anything has shipped it is too
 * late: the order parks for a person (refund or return) instead.
 *
 * @example
 * ```ts
 * const outcome = await cancelOrder(saga, io, { by: 'customer', reason: 'changed mind' });
 * await commit(ctx, saga, outcome, now);
 * ```
 */
import { BusinessError } from '../../../runtime/errors.js';
import { release } from '../../inventory/reservation-ledger/index.js';
import type { StepIO, StepOutcome } from '../define-step.js';
import { moveTo, parkOutcome } from '../run-step.js';
import { isBefore, type SagaOrder } from '../saga-state.js';
import { registerStep } from '../steps/register.js';
import { requestFulfilmentStep } from '../steps/request-fulfilment.js';

export interface CancelReason {
  by: 'customer' | 'merchant' | 'payment' | 'system';
  reason: string;
}

export async function cancelOrder(saga: SagaOrder, io: StepIO, why: CancelReason): Promise<StepOutcome> {
  const now = io.deps.now();
  const code = why.by === 'payment' ? 'payment_voided' : 'cancelled';
  if (saga.state === 'cancelled') return { saga, timeline: [], events: [] };
  if (saga.shipments.length > 0 || (saga.state !== 'parked' && !isBefore(saga.state, 'partially_shipped'))) {
    return parkOutcome(
      saga,
      'cancel',
      `${code}_after_shipment`,
      `${why.reason} — but goods have already shipped; refund or return needed`,
      now,
    );
  }
  const timeline: StepOutcome['timeline'] = [
    {
      kind: 'message',
      system: `woocommerce:${saga.storeId}`,
      summary: `Cancellation by ${why.by}: ${why.reason}`,
    },
  ];
  try {
    if (saga.fulfilments.length > 0 && requestFulfilmentStep.compensate) {
      await requestFulfilmentStep.compensate(saga, io);
      for (const f of saga.fulfilments)
        timeline.push({
          kind: 'effect',
          system: `wms:${f.location}`,
          summary: `Fulfilment ${f.reference} cancelled`,
        });
    }
  } catch (error) {
    if (error instanceof BusinessError)
      return parkOutcome(saga, 'cancel', error.code, error.message, now, error.system ?? 'hub');
    throw error;
  }
  if (saga.erp !== undefined && registerStep.compensate) {
    await registerStep.compensate(saga, io);
    timeline.push({
      kind: 'effect',
      system: io.deps.erp.system,
      summary: `ERP order ${saga.erp.name} cancelled`,
    });
  }
  const cancelled: SagaOrder = {
    ...moveTo(saga, 'cancelled', now),
    fulfilments: saga.fulfilments.map((f) =>
      f.status === 'shipped' ? f : { ...f, status: 'cancelled' as const },
    ),
    ...(saga.erp === undefined ? {} : { erp: { ...saga.erp, state: 'cancelled' } }),
  };
  delete cancelled.parked;
  timeline.push({ kind: 'effect', system: 'hub', summary: 'Reservations released' });
  return {
    saga: cancelled,
    timeline,
    events: [],
    write: (trx) => release(trx, saga.subject).then(() => undefined),
  };
}
