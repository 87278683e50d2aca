/**
 * account.move (`out_invoice` / `out_refund`) and its product lines → canonical Invoice /
 * CreditNote. Odoo floats are rounded to the currency's minor unit into decimal strings.
 *
 * @example
 * ```ts
 * const doc = documentFromMove(move, lines); // { kind: 'invoice', number: 'INV/2026/00001', ... }
 * ```
 */
import type { CreditNote, Invoice, InvoiceLine } from '../../../canonical/models/invoice.js';
import { minorUnits } from '../../../canonical/money/currencies.js';
import type { OdooRecord } from '../client.js';
import { m2oId, m2oName, text } from '../fields.js';
import { dec, odooRound } from './decimal.js';

export const MOVE_FIELDS = [
  'name',
  'move_type',
  'state',
  'payment_state',
  'amount_untaxed',
  'amount_tax',
  'amount_total',
  'amount_residual',
  'currency_id',
  'invoice_date',
  'invoice_date_due',
  'invoice_origin',
  'ref',
  'partner_id',
  'reversed_entry_id',
  'create_date',
];

export const MOVE_LINE_FIELDS = [
  'move_id',
  'name',
  'product_id',
  'quantity',
  'price_unit',
  'price_subtotal',
  'price_total',
  'display_type',
];

const PAYMENT_STATES = ['not_paid', 'in_payment', 'partial', 'paid', 'reversed'] as const;
type PaymentState = (typeof PAYMENT_STATES)[number];

export function paymentState(value: unknown): PaymentState {
  if (value === 'invoicing_legacy' || value === 'blocked') return 'not_paid';
  return PAYMENT_STATES.includes(value as PaymentState) ? (value as PaymentState) : 'not_paid';
}

/** `[SKU] Name` is how Odoo displays a product with an internal reference. */
export function skuFromDisplayName(name: string | undefined): string | undefined {
  const match = name ? /^\[([^\]]+)\]/.exec(name) : null;
  return match?.[1];
}

function dateIso(value: unknown): string | undefined {
  const s = text(value);
  if (!s) return undefined;
  return s.length === 10 ? `${s}T00:00:00Z` : `${s.replace(' ', 'T')}Z`;
}

export function documentFromMove(move: OdooRecord, lines: readonly OdooRecord[]): Invoice | CreditNote {
  const currency = m2oName(move.currency_id) ?? 'EUR';
  const digits = minorUnits(currency);
  const money = (value: unknown) => ({
    currency,
    amount: odooRound(dec(Number(value) || 0), digits).toFixed(digits),
  });
  const invoiceLines: InvoiceLine[] = lines
    .filter(
      (l) =>
        m2oId(l.move_id) === move.id &&
        (l.display_type === 'product' || l.display_type === false || l.display_type === undefined),
    )
    .map((l) => {
      const line: InvoiceLine = {
        description: text(l.name) ?? m2oName(l.product_id) ?? '',
        quantity: String(Number(l.quantity) || 0),
        unitPrice: { currency, amount: dec(Number(l.price_unit) || 0).toFixed() },
        subtotal: money(l.price_subtotal),
        tax: money(dec(Number(l.price_total) || 0).minus(Number(l.price_subtotal) || 0)),
        total: money(l.price_total),
      };
      const sku = skuFromDisplayName(m2oName(l.product_id));
      if (sku) line.sku = sku;
      return line;
    });
  const base = {
    id: String(move.id),
    number: text(move.name) ?? `draft-${move.id}`,
    currency,
    lines: invoiceLines,
    untaxed: money(move.amount_untaxed),
    tax: money(move.amount_tax),
    total: money(move.amount_total),
    paymentState: paymentState(move.payment_state),
    issuedAt: dateIso(move.invoice_date) ?? dateIso(move.create_date) ?? new Date().toISOString(),
    refs: [{ system: 'odoo', id: String(move.id), ...(text(move.name) ? { name: String(move.name) } : {}) }],
  };
  const due = dateIso(move.invoice_date_due);
  if (move.move_type === 'out_refund') {
    const note: CreditNote = { ...base, kind: 'credit_note' };
    if (due) note.dueAt = due;
    const reversed = m2oId(move.reversed_entry_id);
    if (reversed !== undefined) note.reversedInvoiceId = String(reversed);
    return note;
  }
  const invoice: Invoice = { ...base, kind: 'invoice' };
  if (due) invoice.dueAt = due;
  return invoice;
}
