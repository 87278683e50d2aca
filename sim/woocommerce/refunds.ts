/**
 * Refunds as `wc_create_refund` makes them: amount ≤ remaining (else "Invalid refund amount."),
 * the gateway called unless `api_refund: false`, managed stock restocked per line unless
 * `api_restock: false`, a full refund moving the order to `refunded`, and `order.updated` fired.
 */
import type { StoreContext } from './context.js';
import { link, restUrl } from './context.js';
import { WcError } from './errors.js';
import { applyMeta } from './meta.js';
import { D, fmt, sum, trimmed } from './money.js';
import { addSystemNote } from './notes.js';
import { GATEWAYS, setStatus } from './orders.js';
import { touch } from './products.js';
import { changeStock, stockHolder } from './stock.js';
import type { WcLineItem, WcMeta, WcOrder, WcRefund } from './types.js';

type Body = Record<string, unknown>;

interface RefundLineInput {
  id: number;
  quantity: number;
  refundTotal?: string;
  refundTax: { id: number; total: string }[];
}

function parseLines(raw: unknown): RefundLineInput[] {
  if (!Array.isArray(raw)) return [];
  return (raw as Body[]).map((line) => ({
    id: Number(line.id ?? 0),
    quantity: Number(line.quantity ?? line.qty ?? 0),
    ...(line.refund_total === undefined || line.refund_total === ''
      ? {}
      : { refundTotal: String(line.refund_total) }),
    refundTax: Array.isArray(line.refund_tax)
      ? (line.refund_tax as Body[]).map((t) => ({
          id: Number(t.id ?? 0),
          total: String(t.refund_total ?? t.total ?? '0'),
        }))
      : [],
  }));
}

const cannotRefund = (message: string): WcError =>
  new WcError(500, 'woocommerce_rest_cannot_create_order_refund', message);

export function remainingRefundable(ctx: StoreContext, order: WcOrder): string {
  return fmt(D(order.total).minus(sum(ctx.state.refundsOf(order.id).map((r) => D(r.amount)))), ctx.dp);
}

export interface RefundOptions {
  apiRefund: boolean;
  apiRestock: boolean;
  refundedBy?: number;
}

export function createRefundFor(
  ctx: StoreContext,
  order: WcOrder,
  body: Body,
  options: RefundOptions,
): WcRefund {
  const lines = parseLines(body.line_items);
  let amount: string;
  if (body.amount !== undefined && body.amount !== null && body.amount !== '') {
    amount = String(body.amount);
  } else if (lines.length > 0 && lines.every((l) => l.refundTotal !== undefined)) {
    amount = fmt(
      sum(lines.map((l) => D(l.refundTotal).plus(sum(l.refundTax.map((t) => D(t.total)))))),
      ctx.dp,
    );
  } else {
    amount = '0';
  }
  if (!/^-?\d*(\.\d+)?$/.test(amount))
    throw new WcError(400, 'rest_invalid_param', 'Invalid parameter(s): amount', {
      params: { amount: 'amount is not of type string.' },
    });
  if (D(amount).lt(0))
    throw new WcError(
      400,
      'woocommerce_rest_invalid_order_refund',
      'Refund amount must be greater than zero.',
    );
  const remaining = D(remainingRefundable(ctx, order));
  if (D(amount).gt(remaining)) throw cannotRefund('Invalid refund amount.');

  if (options.apiRefund && D(amount).gt(0)) {
    const gateway = GATEWAYS[order.payment_method];
    if (!gateway) throw cannotRefund('The payment gateway for this order does not exist.');
    if (!gateway.refunds)
      throw cannotRefund('The payment gateway for this order does not support automatic refunds.');
  }

  const now = ctx.now();
  const refundLines: WcLineItem[] = [];
  for (const input of lines) {
    const original = order.line_items.find((l) => l.id === input.id);
    if (!original) continue;
    const total = D(input.refundTotal ?? '0');
    const tax = sum(input.refundTax.map((t) => D(t.total)));
    const meta: WcMeta[] = [
      { id: ctx.state.next('meta'), key: '_refunded_item_id', value: String(original.id) },
    ];
    refundLines.push({
      id: ctx.state.next('item'),
      name: original.name,
      product_id: original.product_id,
      variation_id: original.variation_id,
      quantity: -input.quantity,
      tax_class: original.tax_class,
      subtotal: fmt(total.neg(), ctx.dp),
      subtotal_tax: fmt(tax.neg(), ctx.dp),
      total: fmt(total.neg(), ctx.dp),
      total_tax: fmt(tax.neg(), ctx.dp),
      taxes: input.refundTax.map((t) => ({
        id: t.id,
        total: trimmed(D(t.total).neg()),
        subtotal: trimmed(D(t.total).neg()),
      })),
      meta_data: meta,
      sku: original.sku,
      price: input.quantity ? Number(total.neg().div(input.quantity).toString()) : 0,
      image: original.image ?? { id: '', src: '' },
      parent_name: original.parent_name ?? null,
    });
  }
  const refund: WcRefund = {
    id: ctx.state.next('post'),
    date_created: now.local,
    date_created_gmt: now.gmt,
    amount: fmt(D(amount), ctx.dp),
    reason: typeof body.reason === 'string' ? body.reason : '',
    refunded_by: options.refundedBy ?? 1,
    refunded_payment: options.apiRefund && D(amount).gt(0),
    meta_data: [],
    line_items: refundLines,
    shipping_lines: [],
    tax_lines: [],
    fee_lines: [],
  };
  if (Array.isArray(body.meta_data)) applyMeta(ctx, refund.meta_data, body.meta_data as Body[]);
  ctx.state.refunds.set(refund.id, refund);
  ctx.state.refundOrder.set(refund.id, order.id);

  if (options.apiRestock) {
    for (const input of lines) {
      const original = order.line_items.find((l) => l.id === input.id);
      const item = original ? stockHolder(ctx, original) : undefined;
      if (!original || !item || item.manage_stock !== true || input.quantity <= 0) continue;
      const { from, to } = changeStock(ctx, item, 'increase', input.quantity);
      addSystemNote(ctx, order.id, `Item #${item.id} stock increased from ${from} to ${to}.`);
    }
  }
  touch(ctx, order);
  if (remaining.minus(D(amount)).lte(0) && order.status !== 'refunded') setStatus(ctx, order, 'refunded');
  ctx.emit('order', 'updated', order.id);
  return refund;
}

/** `wc_order_fully_refunded`: setting `refunded` records a refund of whatever remains. */
export function autoRefundRemainder(ctx: StoreContext, order: WcOrder): void {
  const remaining = remainingRefundable(ctx, order);
  if (D(remaining).lte(0)) return;
  createRefundFor(
    ctx,
    order,
    { amount: remaining, reason: 'Order fully refunded.' },
    { apiRefund: false, apiRestock: false },
  );
}

export function deleteRefund(ctx: StoreContext, order: WcOrder, refund: WcRefund): void {
  ctx.state.refunds.delete(refund.id);
  ctx.state.refundOrder.delete(refund.id);
  touch(ctx, order);
  ctx.emit('order', 'updated', order.id);
}

export function refundResponse(
  ctx: StoreContext,
  orderId: number,
  refund: WcRefund,
): Record<string, unknown> {
  return {
    ...refund,
    _links: {
      self: link(restUrl(ctx, `/wc/v3/orders/${orderId}/refunds/${refund.id}`)),
      collection: link(restUrl(ctx, `/wc/v3/orders/${orderId}/refunds`)),
      up: link(restUrl(ctx, `/wc/v3/orders/${orderId}`)),
    },
  };
}
