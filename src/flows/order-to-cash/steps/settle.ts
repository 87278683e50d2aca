/**
 * Step `settle`: registers the channel's payment against the ERP invoice and reconciles — the
 * invoice total must equal what the customer paid to the cent. Orders still unpaid (cash on
 * delivery) wait in `invoiced` until an `order.updated` shows the payment. A variance parks the
 * order for finance with both figures.
 */
import { compare, makeEvent, money } from '../../../canonical/index.js';
import { defineStep } from '../define-step.js';
import { orderReference } from '../references.js';
import { moveTo, parkOutcome } from '../run-step.js';
import { partitionOf, ref } from '../saga-events.js';

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
      io.deps.erp.registerPayment({ erpInvoiceId: invoiceId }, saga.order.totals.total.amount, reference),
    );
  },
  apply: (saga, invoice, io) => {
    const now = io.deps.now();
    if (invoice === undefined) return { saga, timeline: [], events: [] };
    const channelTotal = saga.order.totals.total;
    const invoiced = money(channelTotal.currency, saga.amounts.invoiceTotal ?? invoice.total.amount);
    const amounts = { ...saga.amounts, paid: channelTotal.amount, invoiceTotal: invoiced.amount };
    if (compare(invoiced, channelTotal) !== 0) {
      const parked = parkOutcome(
        { ...saga, amounts },
        'settle',
        'money_variance',
        `ERP invoice total ${invoiced.amount} differs from the channel total ${channelTotal.amount} ${channelTotal.currency}`,
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
