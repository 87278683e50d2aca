/**
 * Invoices and credit notes as the ERP posts them. A credit note has the same shape with
 * `kind: 'credit_note'` and positive amounts.
 *
 * @example
 * ```ts
 * const i: Invoice = { id: 'odoo:account.move:42', kind: 'invoice', number: 'INV/2026/0042', currency: 'EUR', lines: [],
 *   untaxed: { currency: 'EUR', amount: '10.00' }, tax: { currency: 'EUR', amount: '2.00' }, total: { currency: 'EUR', amount: '12.00' },
 *   paymentState: 'not_paid', issuedAt: '2026-11-23T15:00:00Z', refs: [] };
 * ```
 */
import { Type, type Static } from 'typebox';
import { CurrencyCodeSchema, MoneyOf, MoneySchema } from '../money/money-schema.js';
import { ExternalRefSchema, SkuSchema, StringEnum, TimestampSchema } from './common.js';

export const InvoiceLineSchema = Type.Object(
  {
    description: Type.String(),
    sku: Type.Optional(SkuSchema),
    quantity: Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$', description: 'Decimal quantity.' }),
    unitPrice: MoneySchema,
    subtotal: MoneyOf('Excluding tax.'),
    tax: MoneySchema,
    total: MoneyOf('Including tax.'),
  },
  { title: 'InvoiceLine' },
);
export type InvoiceLine = Static<typeof InvoiceLineSchema>;

const invoiceProperties = {
  id: Type.String({ minLength: 1 }),
  number: Type.String({ description: 'Legal document number, e.g. `INV/2026/0042`.' }),
  orderSubject: Type.Optional(Type.String()),
  customerEmail: Type.Optional(Type.String()),
  currency: CurrencyCodeSchema,
  lines: Type.Array(InvoiceLineSchema),
  untaxed: MoneySchema,
  tax: MoneySchema,
  total: MoneySchema,
  paymentState: StringEnum(['not_paid', 'in_payment', 'partial', 'paid', 'reversed'], {
    description: 'Settlement state (Odoo `payment_state`).',
  }),
  issuedAt: TimestampSchema,
  dueAt: Type.Optional(TimestampSchema),
  refs: Type.Array(ExternalRefSchema),
};

export const InvoiceSchema = Type.Object(
  { ...invoiceProperties, kind: StringEnum(['invoice']) },
  { title: 'Invoice', description: 'A posted customer invoice.' },
);
export type Invoice = Static<typeof InvoiceSchema>;

export const CreditNoteSchema = Type.Object(
  {
    ...invoiceProperties,
    kind: StringEnum(['credit_note']),
    reversedInvoiceId: Type.Optional(Type.String({ description: 'The invoice it credits.' })),
  },
  { title: 'CreditNote', description: 'A posted customer credit note (refund document).' },
);
export type CreditNote = Static<typeof CreditNoteSchema>;
