/**
 * Step `validate`: schema, arithmetic and payment status. Valid and paid (or paid by a method
 * allowed to proceed unpaid) → `validated`; valid but unpaid → `awaiting_payment` until an
 * `order.updated` shows the payment; invalid → parked with every problem listed. No external effect.
 */
import { makeEvent } from '../../../canonical/index.js';
import { defineStep } from '../define-step.js';
import { orderProblems } from '../order-checks.js';
import { paymentDecision } from '../payment-gate.js';
import { moveTo, parkOutcome } from '../run-step.js';
import { partitionOf, ref } from '../saga-events.js';

export const validateStep = defineStep({
  name: 'validate',
  from: ['received', 'awaiting_payment'],
  idempotencyKey: (saga) => `saga:validate:${saga.subject}`,
  invoke: async () => undefined,
  apply: (saga, _result, io) => {
    const now = io.deps.now();
    const store = io.deps.config.stores.find((s) => s.id === saga.storeId);
    const problems = orderProblems(saga.order, store?.taxRounding ?? 'per-line');
    if (store === undefined) problems.push(`store "${saga.storeId}" is not configured`);
    if (problems.length > 0) return parkOutcome(saga, 'validate', 'invalid_order', problems.join('; '), now);
    const decision = paymentDecision(saga.order, io.deps.config.payments?.proceedUnpaid ?? []);
    const payment = {
      paymentStatus: saga.order.payment.status,
      ...(saga.order.payment.method ? { paymentMethod: saga.order.payment.method } : {}),
    };
    if (decision === 'voided')
      return parkOutcome(
        saga,
        'validate',
        'payment_voided',
        'The payment was voided before the order was accepted.',
        now,
      );
    if (decision === 'wait') {
      if (saga.state === 'awaiting_payment') return { saga, timeline: [], events: [] };
      return {
        saga: moveTo(saga, 'awaiting_payment', now),
        timeline: [
          {
            kind: 'decision',
            system: 'hub',
            summary: `Waiting for payment (${saga.order.payment.method ?? 'unknown method'})`,
          },
        ],
        events: [
          makeEvent('order.payment_pending', saga.subject, partitionOf(saga), { ...ref(saga), ...payment }),
        ],
      };
    }
    return {
      saga: moveTo(saga, 'validated', now),
      timeline: [
        {
          kind: 'decision',
          system: 'hub',
          summary: `Valid; payment ${saga.order.payment.status} — proceeding`,
        },
      ],
      events: [
        makeEvent('order.validated', saga.subject, partitionOf(saga), {
          ...ref(saga),
          total: saga.order.totals.total,
          ...payment,
        }),
      ],
    };
  },
});
