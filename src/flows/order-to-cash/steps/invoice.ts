/**
 * Step `invoice`: the ERP invoices the order through its own invoicing and posts it.
 */
import { makeEvent } from '../../../canonical/index.js';
import { defineStep } from '../define-step.js';
import { moveTo } from '../run-step.js';
import { partitionOf, ref } from '../saga-events.js';

export const invoiceStep = defineStep({
  name: 'invoice',
  from: ['completed'],
  idempotencyKey: (saga) => `erp:invoice:${saga.subject}`,
  invoke: (saga, io) => {
    const erpOrderId = saga.erp?.id ?? '';
    return io.once(() => io.deps.erp.createInvoice(erpOrderId));
  },
  apply: (saga, invoice, io) => ({
    saga: {
      ...moveTo(saga, 'invoiced', io.deps.now()),
      invoiceId: invoice.id,
      amounts: { ...saga.amounts, invoiceTotal: invoice.total.amount },
    },
    timeline: [
      {
        kind: 'effect',
        system: io.deps.erp.system,
        summary: `Invoice ${invoice.number} posted: ${invoice.total.amount} ${invoice.total.currency}`,
      },
    ],
    events: [
      makeEvent(
        'invoice.posted',
        saga.subject,
        partitionOf(saga),
        { ...ref(saga), invoice },
        { trusted: true },
      ),
    ],
  }),
});
