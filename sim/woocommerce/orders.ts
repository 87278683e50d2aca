/**
 * Orders: creation and updates with WooCommerce's side effects (status applied after items and
 * totals; `set_paid` → payment complete; stock reduced once on processing/completed/on-hold and
 * restored on cancelled/pending; `date_paid`/`date_completed`; `refunded` auto-creates a refund of
 * the remainder) and the v3 response shape.
 */
import { randomBytes } from 'node:crypto';
import { emptyAddress } from './address.js';
import type { StoreContext } from './context.js';
import { link, restUrl } from './context.js';
import { WcError } from './errors.js';
import { applyMeta } from './meta.js';
import { addSystemNote } from './notes.js';
import {
  applyCouponLines,
  applyFeeLines,
  applyLineItems,
  applyShippingLines,
  recalculate,
} from './order-items.js';
import { touch } from './products.js';
import { autoRefundRemainder } from './refunds.js';
import { adjustEditedLines, reduceOrderStock, restoreOrderStock } from './stock.js';
import type { WcOrder } from './types.js';
import { D, fmt, sum } from './money.js';

type Body = Record<string, unknown>;

export const ORDER_STATUSES = [
  'pending',
  'processing',
  'on-hold',
  'completed',
  'cancelled',
  'refunded',
  'failed',
  'checkout-draft',
  'auto-draft',
  'trash',
];
const STATUS_LABELS: Record<string, string> = {
  pending: 'Pending payment',
  processing: 'Processing',
  'on-hold': 'On hold',
  completed: 'Completed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  failed: 'Failed',
  'checkout-draft': 'Draft',
  'auto-draft': 'Draft',
  trash: 'Trash',
};
const PAID_STATUSES = ['processing', 'completed'];
const CURRENCY_SYMBOLS: Record<string, string> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  INR: '₹',
  JPY: '¥',
  CHF: 'CHF',
  AUD: '$',
  CAD: '$',
  BRL: 'R$',
  PLN: 'zł',
  SEK: 'kr',
};
const STOCK_REDUCED_STATUSES = ['processing', 'completed', 'on-hold'];
/** Gateways the emulated store has; only some support refunds through the API, as in real stores. */
export const GATEWAYS: Record<string, { title: string; refunds: boolean; offline: boolean }> = {
  bacs: { title: 'Direct bank transfer', refunds: false, offline: true },
  cheque: { title: 'Check payments', refunds: false, offline: true },
  cod: { title: 'Cash on delivery', refunds: false, offline: true },
  stripe: { title: 'Credit Card (Stripe)', refunds: true, offline: false },
  woocommerce_payments: { title: 'WooPayments', refunds: true, offline: false },
  'ppcp-gateway': { title: 'PayPal', refunds: true, offline: false },
};

export function newOrder(ctx: StoreContext, createdVia: string): WcOrder {
  const id = ctx.state.next('post');
  const now = ctx.now();
  return {
    id,
    parent_id: 0,
    status: 'pending',
    currency: ctx.currency,
    version: '9.8.5',
    prices_include_tax: ctx.pricesIncludeTax,
    date_created: now.local,
    date_modified: now.local,
    discount_total: '0.00',
    discount_tax: '0.00',
    shipping_total: '0.00',
    shipping_tax: '0.00',
    cart_tax: '0.00',
    total: '0.00',
    total_tax: '0.00',
    customer_id: 0,
    order_key: `wc_order_${randomBytes(10).toString('base64url').replace(/[-_]/g, 'x').slice(0, 13)}`,
    billing: emptyAddress(true),
    shipping: emptyAddress(false),
    payment_method: '',
    payment_method_title: '',
    transaction_id: '',
    customer_ip_address: '',
    customer_user_agent: '',
    created_via: createdVia,
    customer_note: '',
    date_completed: null,
    date_paid: null,
    cart_hash: '',
    number: String(id),
    meta_data: [],
    line_items: [],
    tax_lines: [],
    shipping_lines: [],
    fee_lines: [],
    coupon_lines: [],
    refunds: [],
    date_created_gmt: now.gmt,
    date_modified_gmt: now.gmt,
    date_completed_gmt: null,
    date_paid_gmt: null,
  };
}

function validateStatus(value: unknown): string {
  const status = String(value).replace(/^wc-/, '');
  if (!ORDER_STATUSES.includes(status) || status === 'trash') {
    throw new WcError(400, 'rest_invalid_param', 'Invalid parameter(s): status', {
      params: { status: `status is not one of ${ORDER_STATUSES.filter((s) => s !== 'trash').join(', ')}.` },
    });
  }
  return status;
}

/** Applies a REST create/update body. Returns what the caller must do after saving. */
export function applyOrderInput(
  ctx: StoreContext,
  order: WcOrder,
  body: Body,
): { status?: string; setPaid: boolean } {
  const status = body.status !== undefined ? validateStatus(body.status) : undefined;
  if (body.customer_id !== undefined) {
    const customerId = Number(body.customer_id);
    if (customerId !== 0 && !ctx.state.customers.has(customerId))
      throw new WcError(400, 'woocommerce_rest_invalid_customer_id', 'Customer ID is invalid.');
    order.customer_id = customerId;
  }
  for (const key of [
    'currency',
    'customer_note',
    'payment_method',
    'payment_method_title',
    'transaction_id',
    'customer_ip_address',
    'customer_user_agent',
    'number',
  ] as const) {
    if (body[key] !== undefined && body[key] !== null) order[key] = String(body[key]);
  }
  if (body.parent_id !== undefined) order.parent_id = Number(body.parent_id);
  if (
    body.payment_method !== undefined &&
    body.payment_method_title === undefined &&
    order.payment_method_title === ''
  ) {
    order.payment_method_title = GATEWAYS[order.payment_method]?.title ?? '';
  }
  for (const key of ['billing', 'shipping'] as const) {
    const value = body[key];
    if (value && typeof value === 'object') {
      const address = order[key] as unknown as Record<string, unknown>;
      for (const [field, text] of Object.entries(value as Body))
        address[field] = text === null ? '' : String(text);
      if (key === 'billing' && address.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(address.email))) {
        throw new WcError(400, 'rest_invalid_param', 'Invalid parameter(s): billing', {
          params: { billing: 'Invalid billing email address.' },
        });
      }
    }
  }
  if (Array.isArray(body.meta_data)) applyMeta(ctx, order.meta_data, body.meta_data as Body[]);
  const memo = ctx.state.itemMemo;
  const writers = [
    ['line_items', (items: Body[]) => applyLineItems(ctx, order, memo, items)],
    ['shipping_lines', (items: Body[]) => applyShippingLines(ctx, order, items)],
    ['fee_lines', (items: Body[]) => applyFeeLines(ctx, order, items)],
    ['coupon_lines', (items: Body[]) => applyCouponLines(ctx, order, items)],
  ] as const;
  let itemsChanged = false;
  for (const [key, write] of writers) {
    const items = body[key];
    if (Array.isArray(items)) {
      write(items as Body[]);
      itemsChanged = true;
    }
  }
  if (itemsChanged || body.billing !== undefined || body.shipping !== undefined)
    recalculate(ctx, order, memo);
  const setPaid = body.set_paid === true || body.set_paid === 'true';
  return { ...(status === undefined ? {} : { status }), setPaid };
}

function setDate(ctx: StoreContext, order: WcOrder, field: 'date_paid' | 'date_completed'): void {
  const now = ctx.now();
  order[field] = now.local;
  order[`${field}_gmt`] = now.gmt;
}

/** `WC_Order::set_status` + `save`: notes, paid/completed dates, stock and full-refund effects. */
export function setStatus(ctx: StoreContext, order: WcOrder, to: string, reason = ''): void {
  const from = order.status;
  if (from === to) return;
  order.status = to;
  if (from !== 'auto-draft' && from !== 'checkout-draft') {
    addSystemNote(
      ctx,
      order.id,
      `${reason ? `${reason} ` : ''}Order status changed from ${STATUS_LABELS[from] ?? from} to ${STATUS_LABELS[to] ?? to}.`,
    );
  }
  if (PAID_STATUSES.includes(to) && order.date_paid === null) setDate(ctx, order, 'date_paid');
  if (to === 'completed') setDate(ctx, order, 'date_completed');
  if (STOCK_REDUCED_STATUSES.includes(to)) reduceOrderStock(ctx, order);
  if (to === 'cancelled' || to === 'pending') restoreOrderStock(ctx, order);
  if (to === 'refunded') autoRefundRemainder(ctx, order);
  touch(ctx, order);
}

/** `WC_Order::payment_complete`: processing (completed when nothing ships), paid date, stock. */
export function paymentComplete(ctx: StoreContext, order: WcOrder, transactionId = ''): void {
  if (!['pending', 'on-hold', 'failed', 'cancelled', 'checkout-draft', 'auto-draft'].includes(order.status))
    return;
  if (transactionId) order.transaction_id = transactionId;
  if (order.date_paid === null) setDate(ctx, order, 'date_paid');
  setStatus(ctx, order, 'processing', 'Payment complete.');
}

export function refundedTotal(ctx: StoreContext, orderId: number): string {
  return fmt(sum(ctx.state.refundsOf(orderId).map((r) => D(r.amount))), ctx.dp);
}

export function orderResponse(ctx: StoreContext, order: WcOrder): Record<string, unknown> {
  const refunds = ctx.state.refundsOf(order.id);
  const links: Record<string, { href: string }[]> = {
    self: link(restUrl(ctx, `/wc/v3/orders/${order.id}`)),
    collection: link(restUrl(ctx, '/wc/v3/orders')),
  };
  if (order.customer_id) links.customer = link(restUrl(ctx, `/wc/v3/customers/${order.customer_id}`));
  return {
    ...order,
    refunds:
      refunds.length > 0
        ? refunds
            .sort((a, b) => b.id - a.id)
            .map((r) => ({ id: r.id, reason: r.reason, total: `-${fmt(D(r.amount), ctx.dp)}` }))
        : order.refunds,
    currency_symbol: order.currency_symbol ?? CURRENCY_SYMBOLS[order.currency] ?? order.currency,
    payment_url: `${ctx.siteUrl}/checkout/order-pay/${order.id}/?pay_for_order=true&key=${order.order_key}`,
    is_editable: ['pending', 'on-hold', 'auto-draft', 'checkout-draft'].includes(order.status),
    needs_payment: ['pending', 'failed'].includes(order.status) && D(order.total).gt(0),
    needs_processing: true,
    _links: links,
  };
}

/** Webhook gating: drafts never fire (`WC_Webhook::should_deliver`). */
export const isDraft = (order: WcOrder): boolean =>
  ['checkout-draft', 'auto-draft', 'draft', 'new'].includes(order.status);

export function createOrderFrom(ctx: StoreContext, body: Body, createdVia: string): WcOrder {
  if (body.id !== undefined && body.id !== null && Number(body.id) !== 0) {
    throw new WcError(400, 'woocommerce_rest_shop_order_exists', 'Cannot create existing shop_order.');
  }
  const order = newOrder(ctx, createdVia);
  const { status, setPaid } = applyOrderInput(ctx, order, body);
  if (!Array.isArray(body.line_items) && !Array.isArray(body.coupon_lines))
    recalculate(ctx, order, ctx.state.itemMemo);
  ctx.state.orders.set(order.id, order);
  ctx.emit('order', 'created', order.id);
  if (setPaid) paymentComplete(ctx, order, order.transaction_id);
  if (status !== undefined && status !== order.status) setStatus(ctx, order, status);
  if (setPaid || status !== undefined) ctx.emit('order', 'updated', order.id);
  return order;
}

export function getOrderOrThrow(ctx: StoreContext, id: number, method: string): WcOrder {
  const order = ctx.state.orders.get(id);
  if (!order)
    throw new WcError(
      method === 'PUT' || method === 'PATCH' || method === 'POST' ? 400 : 404,
      'woocommerce_rest_shop_order_invalid_id',
      'Invalid ID.',
    );
  return order;
}

export function updateOrderWith(ctx: StoreContext, order: WcOrder, body: Body): WcOrder {
  const wasTrashed = order.status === 'trash';
  const previousLines = order.line_items.map(({ id, product_id, variation_id, name }) => ({
    id,
    product_id,
    variation_id,
    name,
  }));
  const { status, setPaid } = applyOrderInput(ctx, order, body);
  if (Array.isArray(body.line_items) && STOCK_REDUCED_STATUSES.includes(order.status))
    adjustEditedLines(ctx, order, previousLines);
  if (setPaid) paymentComplete(ctx, order, order.transaction_id);
  if (status !== undefined) setStatus(ctx, order, status);
  touch(ctx, order);
  if (wasTrashed && order.status !== 'trash') {
    ctx.state.trashedFrom.delete(order.id);
    ctx.emit('order', 'restored', order.id);
  }
  ctx.emit('order', 'updated', order.id);
  return order;
}

/** DELETE: trash (order.deleted fires) or, with force, permanent removal (no webhook). */
export function deleteOrder(ctx: StoreContext, order: WcOrder, force: boolean): Record<string, unknown> {
  if (force) {
    const response = orderResponse(ctx, order);
    ctx.state.orders.delete(order.id);
    return response;
  }
  if (order.status === 'trash')
    throw new WcError(410, 'woocommerce_rest_already_trashed', 'The order has already been deleted.');
  ctx.state.trashedFrom.set(order.id, order.status);
  order.status = 'trash';
  touch(ctx, order);
  ctx.emit('order', 'deleted', order.id);
  return orderResponse(ctx, order);
}
