/**
 * Customer invoices and credit notes (`account.move` with `out_invoice` / `out_refund`), their
 * product lines, posting with Odoo's `INV/<year>/<n>` numbering, and the payment state derived
 * from registered payments (`in_payment` once paid but not bank-reconciled, as a fresh Odoo shows).
 */
import { userError } from '../orm/errors.js';
import type { Env, MethodDef, ModelDef, OdooVersion, Row } from '../orm/types.js';
import { char, company, constant, date, float, m2m, m2o, money, o2m, sel, text } from './fields.js';
import { productLineDefaults, valsProduct } from './product.js';
import { priceLine } from './pricing.js';
import { sumAmounts, type LineAmounts } from './tax-engine.js';

const MOVE_TYPES = [
  ['entry', 'Journal Entry'],
  ['out_invoice', 'Customer Invoice'],
  ['out_refund', 'Customer Credit Note'],
  ['in_invoice', 'Vendor Bill'],
  ['in_refund', 'Vendor Credit Note'],
  ['out_receipt', 'Sales Receipt'],
  ['in_receipt', 'Purchase Receipt'],
] as const;

const PAYMENT_STATES = [
  ['not_paid', 'Not Paid'],
  ['in_payment', 'In Payment'],
  ['paid', 'Paid'],
  ['partial', 'Partially Paid'],
  ['reversed', 'Reversed'],
  ['invoicing_legacy', 'Invoicing App Legacy'],
] as const;

function moveLineAmounts(env: Env, line: Row): LineAmounts {
  if (line.display_type && line.display_type !== 'product')
    return { subtotal: 0, tax: 0, total: 0, taxes: [] };
  const move = env.store.row('account.move', line.move_id as number);
  return priceLine(env, {
    priceUnit: line.price_unit,
    quantity: line.quantity,
    discount: line.discount,
    taxIds: line.tax_ids,
    currencyId: move?.currency_id,
  });
}

const moveLines = (env: Env, move: Row): Row[] => env.store.related(env, 'account.move', move, 'line_ids');

const moveAmount = (key: 'subtotal' | 'tax' | 'total') => (env: Env, move: Row) =>
  sumAmounts(moveLines(env, move).map((l) => moveLineAmounts(env, l)[key]));

/** Amount still due: what payments and reversals have not covered yet. */
export function residual(env: Env, move: Row): number {
  if (move.state === 'cancel') return 0;
  return sumAmounts([moveAmount('total')(env, move), -Number(move.paid_amount ?? 0)]);
}

function paymentState(env: Env, move: Row): string {
  if (
    move.state !== 'posted' ||
    !['out_invoice', 'out_refund', 'in_invoice', 'in_refund'].includes(String(move.move_type))
  )
    return 'not_paid';
  if (move.reversed) return 'reversed';
  const paid = Number(move.paid_amount ?? 0);
  if (paid <= 0) return 'not_paid';
  // Reconciled with another document (not a bank payment) counts as paid at once.
  if (residual(env, move) <= 0) return move.settled_by_credit ? 'paid' : 'in_payment';
  return 'partial';
}

/** Applies a payment (or a reversing credit note) to a posted invoice. */
export function applyPayment(env: Env, move: Row, amount: number, reversal = false): void {
  const patch: Record<string, unknown> = { paid_amount: sumAmounts([Number(move.paid_amount ?? 0), amount]) };
  if (reversal) patch.reversed = true;
  env.store.setRaw(env, 'account.move', move, patch);
}

const moveAction = (run: (env: Env, moves: Row[]) => unknown): MethodDef => ({
  params: [],
  run: (env, ids) => run(env, env.store.browse(env, 'account.move', ids)),
});

function post(env: Env, moves: Row[]): boolean {
  for (const move of moves) {
    if (move.state !== 'draft')
      throw userError('The entry is not in draft. Only draft entries can be posted.');
    if (moveLines(env, move).length === 0) throw userError('You need to add a line before posting.');
  }
  for (const move of moves) {
    const invoiceDate = typeof move.invoice_date === 'string' ? move.invoice_date : env.store.today();
    const patch: Record<string, unknown> = { state: 'posted', invoice_date: invoiceDate, date: invoiceDate };
    if (move.name === '/' || move.name === false) {
      const prefix =
        move.move_type === 'out_refund' ? 'RINV' : move.move_type === 'out_invoice' ? 'INV' : 'MISC';
      const year = invoiceDate.slice(0, 4);
      patch.name = `${prefix}/${year}/${String(env.store.nextSequence(`${prefix}/${year}`)).padStart(5, '0')}`;
    }
    env.store.setRaw(env, 'account.move', move, patch);
    const reversed =
      typeof move.reversed_entry_id === 'number'
        ? env.store.row('account.move', move.reversed_entry_id)
        : undefined;
    if (move.move_type === 'out_refund' && reversed?.state === 'posted') {
      // The credit note settles what is still due on the invoice; against a paid one it stays open.
      const due = residual(env, reversed);
      const covered = Math.min(due, moveAmount('total')(env, move));
      if (covered > 0) {
        applyPayment(env, reversed, covered, covered >= due);
        applyPayment(env, move, covered);
        env.store.setRaw(env, 'account.move', move, { settled_by_credit: true }, false);
      }
    }
  }
  // Odoo's action_post returns False.
  return false;
}

export function invoiceModels(version: OdooVersion): ModelDef[] {
  void version;
  return [
    {
      name: 'account.move',
      description: 'Journal Entry',
      order: 'date desc, name desc, id desc',
      fields: {
        name: char('Number', { default: constant('/') }),
        move_type: sel(MOVE_TYPES, { required: true, default: constant('entry') }),
        state: sel(
          [
            ['draft', 'Draft'],
            ['posted', 'Posted'],
            ['cancel', 'Cancelled'],
          ],
          { required: true, default: constant('draft') },
        ),
        payment_state: sel(PAYMENT_STATES, { compute: paymentState }),
        partner_id: m2o('res.partner', { string: 'Partner' }),
        partner_shipping_id: m2o('res.partner', { string: 'Delivery Address' }),
        commercial_partner_id: m2o('res.partner', {
          compute: (env, row) => {
            const partner = env.store.row('res.partner', row.partner_id as number);
            return partner ? env.store.get(env, 'res.partner', partner, 'commercial_partner_id') : false;
          },
        }),
        currency_id: m2o('res.currency', { required: true, default: () => 1 }),
        journal_id: m2o('account.journal', {
          default: (env, vals) => {
            const type = String(vals.move_type ?? 'entry').startsWith('out_') ? 'sale' : 'general';
            return env.store.search(env, 'account.journal', [['type', '=', type]], { limit: 1 })[0] ?? false;
          },
        }),
        invoice_date: date('Invoice/Bill Date'),
        invoice_date_due: date('Due Date', { compute: (_env, row) => row.invoice_date ?? false }),
        date: date('Date', { default: (env) => env.store.today() }),
        invoice_origin: char('Origin'),
        ref: char('Reference'),
        payment_reference: char('Payment Reference'),
        narration: text('Terms and Conditions'),
        invoice_line_ids: o2m('account.move.line', 'move_id', { string: 'Invoice lines' }),
        line_ids: o2m('account.move.line', 'move_id', { string: 'Journal Items' }),
        amount_untaxed: money('Untaxed Amount', { compute: moveAmount('subtotal') }),
        amount_tax: money('Tax', { compute: moveAmount('tax') }),
        amount_total: money('Total', { compute: moveAmount('total') }),
        amount_residual: money('Amount Due', { compute: residual }),
        reversed_entry_id: m2o('account.move', { string: 'Reversal of' }),
        company_id: company(),
        invoice_user_id: m2o('res.users', { default: (env) => env.uid }),
      },
      methods: {
        action_post: moveAction(post),
        button_draft: moveAction((env, moves) => {
          for (const m of moves)
            if (m.state !== 'draft') env.store.setRaw(env, 'account.move', m, { state: 'draft' });
          return true;
        }),
        button_cancel: moveAction((env, moves) => {
          for (const m of moves) {
            if (m.state === 'posted') throw userError('Only draft journal entries can be cancelled.');
            env.store.setRaw(env, 'account.move', m, { state: 'cancel' });
          }
          return true;
        }),
      },
    },
    {
      name: 'account.move.line',
      description: 'Journal Item',
      order: 'move_id, sequence, id',
      fields: {
        move_id: m2o('account.move', { string: 'Journal Entry', required: true, ondelete: 'cascade' }),
        sequence: float('Sequence', { default: constant(10) }),
        display_type: sel(
          [
            ['product', 'Product'],
            ['cogs', 'Cost of Goods Sold'],
            ['tax', 'Tax'],
            ['rounding', 'Rounding'],
            ['payment_term', 'Payment Term'],
            ['line_section', 'Section'],
            ['line_note', 'Note'],
            ['epd', 'Early Payment Discount'],
          ],
          { default: constant('product') },
        ),
        product_id: m2o('product.product'),
        name: char('Label', {
          default: productLineDefaults.name,
        }),
        quantity: float('Quantity', { default: constant(1) }),
        price_unit: float('Unit Price', {
          default: (env, vals) => {
            const product = valsProduct(env, vals);
            return product ? Number(env.store.get(env, 'product.product', product, 'lst_price')) : 0;
          },
        }),
        discount: float('Discount (%)'),
        tax_ids: m2m('account.tax', {
          string: 'Taxes',
          default: productLineDefaults.taxes,
        }),
        price_subtotal: money('Subtotal', { compute: (env, row) => moveLineAmounts(env, row).subtotal }),
        price_total: money('Total', { compute: (env, row) => moveLineAmounts(env, row).total }),
        sale_line_ids: m2m('sale.order.line', { string: 'Sales Order Lines' }),
        partner_id: m2o('res.partner', {
          compute: (env, row) => env.store.row('account.move', row.move_id as number)?.partner_id ?? false,
        }),
        parent_state: sel(
          [
            ['draft', 'Draft'],
            ['posted', 'Posted'],
            ['cancel', 'Cancelled'],
          ],
          {
            compute: (env, row) => env.store.row('account.move', row.move_id as number)?.state ?? false,
          },
        ),
        currency_id: m2o('res.currency', {
          compute: (env, row) => env.store.row('account.move', row.move_id as number)?.currency_id ?? false,
        }),
        company_id: company(),
      },
    },
  ];
}
