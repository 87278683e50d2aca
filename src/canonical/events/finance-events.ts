/**
 * Refund, invoice and settlement events.
 *
 * @example
 * ```ts
 * import { Value } from 'typebox/value';
 * Value.Check(financeEvents['refund.requested'].schema, { storeId: 'eu', orderId: '727',
 *   amount: { currency: 'EUR', amount: '5.00' }, reason: 'line cancelled', restock: false, lines: [] }); // true
 * ```
 */
import { Type } from 'typebox';
import { MoneySchema } from '../money/money-schema.js';
import { TimestampSchema } from '../models/common.js';
import { CreditNoteSchema, InvoiceSchema } from '../models/invoice.js';
import { RefundSchema } from '../models/refund.js';
import { LineQuantitySchema, orderRef } from './shared.js';

export const financeEvents = {
  'refund.requested': {
    version: 1,
    description: 'The hub asks for money to go back (cancelled line, return received).',
    schema: Type.Object({
      ...orderRef,
      amount: MoneySchema,
      reason: Type.String(),
      restock: Type.Boolean(),
      lines: Type.Array(LineQuantitySchema),
    }),
  },
  'refund.posted': {
    version: 1,
    description: 'A refund exists in the channel and its credit note in the ERP.',
    schema: Type.Object({
      ...orderRef,
      refund: RefundSchema,
      creditNote: Type.Optional(CreditNoteSchema),
    }),
  },
  'invoice.posted': {
    version: 1,
    description: 'The ERP posted the customer invoice for an order.',
    schema: Type.Object({ ...orderRef, invoice: InvoiceSchema }),
  },
  'payment.settled': {
    version: 1,
    description: 'The payment was registered against the invoice; the order is settled.',
    schema: Type.Object({
      ...orderRef,
      invoiceId: Type.Optional(Type.String()),
      amount: MoneySchema,
      method: Type.Optional(Type.String()),
      transactionId: Type.Optional(Type.String()),
      settledAt: TimestampSchema,
    }),
  },
} as const;
