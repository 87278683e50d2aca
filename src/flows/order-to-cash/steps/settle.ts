/**
 * Step `settle`: registers the channel's payment against the ERP invoice and reconciles — the
 * invoice total must equal what the customer paid to the cent, less what the hub refunded for
 * lines it cancelled (those units were taken off the ERP order, so they are never invoiced).
 * Orders still unpaid (cash on delivery) wait in `invoiced` until an `order.updated` shows the
 * payment. A variance parks the order for finance with both figures.
 */
import { compare, makeEvent, money, sub, type Money } from '../../../canonical/index.js';
import { defineStep } from '../define-step.js';
import { orderReference } from '../references.js';
import { moveTo, parkOutcome } from '../run-step.js';
import { partitionOf, ref } from '../saga-events.js';
import type { SagaOrder } from '../saga-state.js';

/** What the customer keeps paying for: the channel total less the hub's refunds for cancelled lines. */
function kept(saga: SagaOrder): Money {
  const total = saga.order.totals.total;
  return sub(total, money(total.currency, saga.amounts.refunded ?? '0'));
}

export const settleStep = defineStep({
  name: 'settle',
  from: ['invoiced'],
  idempotencyKey: (saga) => `erp:payment:${saga.subject}`,
  invoke: async (saga, io) => {
    const paid = saga.order.payment.status === 'paid' || saga.order.payment.status === 'partially_refunded';
    if (!paid || saga.invoiceId === undefined) return undefined;
    const invoiceId = saga.invoiceId;
    const reference = saga.order.payment.transactionId ?? orderReference(saga.storeId, saga.orderId);
    return io.once(() =>
      io.deps.erp.registerPayment({ erpInvoiceId: invoiceId }, kept(saga).amount, reference),
    );
  },
  apply: (saga, invoice, io) => {
    const now = io.deps.now();
    if (invoice === undefined) return { saga, timeline: [], events: [] };
    const channelTotal = kept(saga);
    const invoiced = money(channelTotal.currency, saga.amounts.invoiceTotal ?? invoice.total.amount);
    const amounts = { ...saga.amounts, paid: channelTotal.amount, invoiceTotal: invoiced.amount };
    if (compare(invoiced, channelTotal) !== 0) {
      const refunded =
        saga.amounts.refunded === undefined
          ? ''
          : ` less ${saga.amounts.refunded} refunded for cancelled lines`;
      const parked = parkOutcome(
        { ...saga, amounts },
        'settle',
        'money_variance',
        `ERP invoice total ${invoiced.amount} differs from the channel total ${saga.order.totals.total.amount}${refunded} (${channelTotal.amount} ${channelTotal.currency})`,
        now,
        io.deps.erp.system,
      );
      return parked;
    }
    return {
      saga: { ...moveTo(saga, 'settled', now), amounts },
      timeline: [
        {
          kind: 'effect',
          system: io.deps.erp.system,
          summary: `Payment ${channelTotal.amount} ${channelTotal.currency} registered; invoice and channel agree to the cent (${invoice.paymentState})`,
        },
      ],
      events: [
        makeEvent('payment.settled', saga.subject, partitionOf(saga), {
          ...ref(saga),
          invoiceId: invoice.id,
          amount: channelTotal,
          ...(saga.order.payment.method ? { method: saga.order.payment.method } : {}),
          ...(saga.order.payment.transactionId ? { transactionId: saga.order.payment.transactionId } : {}),
          settledAt: now.toISOString(),
        }),
      ],
    };
  },
});
