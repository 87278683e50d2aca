/**
 * Invoices, credit notes and payments in Odoo (`account.move`).
 *
 * - Invoices come from the public `sale.advance.payment.inv` wizard (create + `create_invoices`):
 *   `sale.order._create_invoices` is private and cannot be called remotely. New drafts are posted.
 * - A credit note is an `out_refund` whose `ref` names the channel refund, found before it is
 *   created again; its tax is an explicit line so it equals the channel's refund to the cent.
 * - Payments go through the `account.payment.register` wizard with the reference as memo; a paid
 *   invoice, or one already holding a payment with that memo, is left alone.
 *
 * @example
 * ```ts
 * const invoice = await createInvoice(ctx, '17');
 * await registerPayment(ctx, { erpInvoiceId: invoice.id }, invoice.total.amount, 'WC-eu-1234');
 * ```
 */
import type { CreditNote, Invoice } from '../../canonical/models/invoice.js';
import type { Refund } from '../../canonical/models/refund.js';
import { BusinessError, PermanentError } from '../../runtime/errors.js';
import type { InvoiceRef } from '../erp.js';
import type { OdooRecord } from './client.js';
import type { OdooContext } from './context.js';
import { SYSTEM, asBusinessRejection } from './errors.js';
import { m2oId } from './fields.js';
import { dec, odooRound, sumDec, toFloat } from './mapping/decimal.js';
import { MOVE_FIELDS, MOVE_LINE_FIELDS, documentFromMove } from './mapping/invoice.js';
import { resolveSkus } from './products.js';
import { ensureServiceProducts } from './service-products.js';

async function documents(ctx: OdooContext, moves: OdooRecord[]): Promise<(Invoice | CreditNote)[]> {
  if (moves.length === 0) return [];
  const lines = await ctx.client.searchReadAll(
    'account.move.line',
    [['move_id', 'in', moves.map((m) => m.id)]],
    MOVE_LINE_FIELDS,
  );
  return moves.map((m) => documentFromMove(m, lines));
}

async function orderHeader(ctx: OdooContext, erpOrderId: string): Promise<OdooRecord> {
  const rows = await ctx.client.searchRead(
    'sale.order',
    [['id', '=', Number(erpOrderId)]],
    ['name', 'state', 'partner_invoice_id', 'currency_id', 'client_order_ref'],
    { limit: 1 },
  );
  const row = rows[0];
  if (!row)
    throw new PermanentError(`sale.order ${erpOrderId} not found`, { code: 'MissingError', system: SYSTEM });
  return row;
}

async function movesOfOrder(ctx: OdooContext, orderName: string): Promise<OdooRecord[]> {
  return ctx.client.searchRead(
    'account.move',
    [
      ['invoice_origin', '=', orderName],
      ['move_type', 'in', ['out_invoice', 'out_refund']],
    ],
    MOVE_FIELDS,
    { order: 'id asc' },
  );
}

export async function readInvoices(ctx: OdooContext, erpOrderId: string): Promise<(Invoice | CreditNote)[]> {
  const order = await orderHeader(ctx, erpOrderId);
  return documents(ctx, await movesOfOrder(ctx, String(order.name)));
}

async function post(ctx: OdooContext, moves: OdooRecord[]): Promise<void> {
  const drafts = moves.filter((m) => m.state === 'draft').map((m) => m.id);
  if (drafts.length > 0)
    await ctx.client
      .call('account.move', 'action_post', [drafts])
      .catch((e: unknown) => Promise.reject(asBusinessRejection(e)));
}

/** Invoices what the order has to invoice; when nothing is left, returns the latest invoice instead (a retry). */
export async function createInvoice(ctx: OdooContext, erpOrderId: string): Promise<Invoice> {
  const order = await orderHeader(ctx, erpOrderId);
  const before = await movesOfOrder(ctx, String(order.name));
  const orderId = Number(erpOrderId);
  const context = { active_model: 'sale.order', active_ids: [orderId], active_id: orderId };
  let after = before;
  try {
    const wizard = await ctx.client.create(
      'sale.advance.payment.inv',
      { advance_payment_method: 'delivered', sale_order_ids: [[6, 0, [orderId]]] },
      context,
    );
    await ctx.client.call('sale.advance.payment.inv', 'create_invoices', [[wizard]], { context });
    after = await movesOfOrder(ctx, String(order.name));
  } catch (error) {
    // "Nothing to invoice" on a retry after the invoice was made: fall through to the existing one.
    if (!before.some((m) => m.move_type === 'out_invoice')) throw asBusinessRejection(error);
  }
  const known = new Set(before.map((m) => m.id));
  const fresh = after.filter((m) => m.move_type === 'out_invoice' && !known.has(m.id));
  const target = fresh.length > 0 ? fresh : after.filter((m) => m.move_type === 'out_invoice').slice(-1);
  if (target.length === 0)
    throw new BusinessError(`Odoo created no invoice for ${String(order.name)}`, {
      code: 'nothing_to_invoice',
      system: SYSTEM,
    });
  await post(ctx, target);
  const [doc] = await documents(
    ctx,
    await ctx.client.searchRead(
      'account.move',
      [['id', '=', (target[target.length - 1] as OdooRecord).id]],
      MOVE_FIELDS,
    ),
  );
  return doc as Invoice;
}

/** `WC-<store>-refund-<id>`: the credit note's `ref`, its idempotency key. */
export function refundRef(refund: Refund): string {
  return `WC-${refund.storeId}-refund-${refund.externalId ?? refund.id}`;
}

export async function createCreditNote(
  ctx: OdooContext,
  refund: Refund,
  erpOrderId: string,
): Promise<CreditNote> {
  const ref = refundRef(refund);
  const found = await ctx.client.searchRead(
    'account.move',
    [
      ['ref', '=', ref],
      ['move_type', '=', 'out_refund'],
    ],
    MOVE_FIELDS,
    { limit: 1 },
  );
  if (found[0]) return (await documents(ctx, found))[0] as CreditNote;
  const order = await orderHeader(ctx, erpOrderId);
  const existing = await movesOfOrder(ctx, String(order.name));
  const invoice = existing.filter((m) => m.move_type === 'out_invoice' && m.state === 'posted').slice(-1)[0];
  const products = await resolveSkus(
    ctx.client,
    refund.lines.flatMap((l) => (l.sku ? [l.sku] : [])),
  );
  const services = await ensureServiceProducts(ctx, ['discount', 'shipping', 'rounding', 'tax_refund']);
  // account.move.line keeps `tax_ids` on every version; explicit empty taxes keep the refund exact.
  const taxes = 'tax_ids';
  const lines: Record<string, unknown>[] = refund.lines
    .filter((l) => !dec(l.amount.amount).isZero())
    .map((l) => {
      const quantity = l.quantity > 0 ? l.quantity : 1;
      const product = l.sku ? products.get(l.sku) : undefined;
      return {
        product_id: product ? Number(product.productId) : services.get('discount'),
        name: `Refund of line ${l.lineId}${l.sku ? ` (${l.sku})` : ''}`,
        quantity,
        price_unit: toFloat(odooRound(dec(l.amount.amount).div(quantity), 6)),
        [taxes]: [[6, 0, []]],
      };
    });
  if (refund.shipping && !dec(refund.shipping.amount).isZero()) {
    lines.push({
      product_id: services.get('shipping'),
      name: 'Shipping refund',
      quantity: 1,
      price_unit: toFloat(dec(refund.shipping.amount)),
      [taxes]: [[6, 0, []]],
    });
  }
  const tax = sumDec(refund.lines.map((l) => l.tax.amount));
  if (!tax.isZero())
    lines.push({
      product_id: services.get('tax_refund'),
      name: 'Tax refunded',
      quantity: 1,
      price_unit: toFloat(tax),
      [taxes]: [[6, 0, []]],
    });
  const planned = sumDec(
    lines.map((l) => dec(Number(l.price_unit)).times(Number(l.quantity)).toDecimalPlaces(2)),
  );
  const gap = dec(refund.amount.amount).minus(planned);
  if (!gap.isZero())
    lines.push({
      product_id: services.get('rounding'),
      name: refund.reason ? `Refund: ${refund.reason}` : 'Refund adjustment',
      quantity: 1,
      price_unit: toFloat(gap),
      [taxes]: [[6, 0, []]],
    });
  const values: Record<string, unknown> = {
    move_type: 'out_refund',
    partner_id: m2oId(order.partner_invoice_id),
    invoice_origin: String(order.name),
    ref,
    currency_id: m2oId(order.currency_id),
    invoice_line_ids: lines.map((l) => [0, 0, l]),
  };
  if (invoice) values.reversed_entry_id = invoice.id;
  const id = await ctx.client
    .create('account.move', values, { default_move_type: 'out_refund' })
    .catch((e: unknown) => Promise.reject(asBusinessRejection(e)));
  const created = await ctx.client.searchRead('account.move', [['id', '=', id]], MOVE_FIELDS);
  await post(ctx, created);
  return (
    await documents(ctx, await ctx.client.searchRead('account.move', [['id', '=', id]], MOVE_FIELDS))
  )[0] as CreditNote;
}

export async function registerPayment(
  ctx: OdooContext,
  invoice: InvoiceRef,
  amount: string,
  reference: string,
): Promise<Invoice> {
  const id = Number(invoice.erpInvoiceId);
  const read = async () =>
    (await documents(ctx, await ctx.client.searchRead('account.move', [['id', '=', id]], MOVE_FIELDS)))[0];
  const current = await read();
  if (!current)
    throw new PermanentError(`account.move ${id} not found`, { code: 'MissingError', system: SYSTEM });
  if (current.paymentState === 'paid' || current.paymentState === 'in_payment') return current as Invoice;
  // A retry after the payment was made (response lost) finds it by its memo, never pays twice.
  const memo = ctx.client.fields.paymentMemo;
  const earlier = await ctx.client.searchRead('account.payment', [[memo, '=', reference]], ['id'], {
    limit: 1,
  });
  if (earlier.length > 0) return current as Invoice;
  const context = { active_model: 'account.move', active_ids: [id], active_id: id };
  const wizard = await ctx.client.create(
    'account.payment.register',
    { amount: toFloat(dec(amount)), communication: reference },
    context,
  );
  await ctx.client
    .call('account.payment.register', 'action_create_payments', [[wizard]], { context })
    .catch((e: unknown) => Promise.reject(asBusinessRejection(e)));
  return (await read()) as Invoice;
}
