/**
 * A shopper's checkout, as the classic/block checkout produces an order: stock checked (no
 * overselling unless backorders are allowed), coupons validated, totals computed, the gateway's
 * outcome applied (card gateways → paid `processing`; bacs/cheque → `on-hold`; cod → `processing`
 * unpaid), stock reduced and `order.created` + `order.updated` fired.
 *
 * @example
 * ```ts
 * simulateCheckout(ctx, { lineItems: [{ sku: 'TEE-S', quantity: 2 }], paymentMethod: 'stripe' });
 * ```
 */
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { StoreContext } from './context.js';
import { WcError } from './errors.js';
import { GATEWAYS, createOrderFrom, paymentComplete, setStatus } from './orders.js';
import { stockHolder } from './stock.js';
import type { WcOrder } from './types.js';

const Address = Type.Record(Type.String(), Type.String());
export const CheckoutInputSchema = Type.Object({
  lineItems: Type.Array(
    Type.Object({
      sku: Type.Optional(Type.String()),
      productId: Type.Optional(Type.Integer()),
      variationId: Type.Optional(Type.Integer()),
      quantity: Type.Integer({ minimum: 1 }),
    }),
    { minItems: 1 },
  ),
  coupons: Type.Optional(
    Type.Array(
      Type.Object({
        code: Type.String({ minLength: 1 }),
        discountType: Type.Optional(
          Type.Union([Type.Literal('percent'), Type.Literal('fixed_cart'), Type.Literal('fixed_product')]),
        ),
        amount: Type.Optional(Type.String({ pattern: '^\\d+(\\.\\d+)?$' })),
      }),
    ),
  ),
  shipping: Type.Optional(
    Type.Object({
      methodId: Type.Optional(Type.String()),
      methodTitle: Type.Optional(Type.String()),
      total: Type.String({ pattern: '^\\d+(\\.\\d+)?$' }),
    }),
  ),
  fees: Type.Optional(
    Type.Array(
      Type.Object({
        name: Type.String(),
        total: Type.String({ pattern: '^-?\\d+(\\.\\d+)?$' }),
        taxable: Type.Optional(Type.Boolean()),
      }),
    ),
  ),
  billing: Type.Optional(Address),
  shippingAddress: Type.Optional(Address),
  customerId: Type.Optional(Type.Integer({ minimum: 0 })),
  customerNote: Type.Optional(Type.String()),
  paymentMethod: Type.Optional(Type.String()),
  transactionId: Type.Optional(Type.String()),
  /** Overrides the gateway's outcome, e.g. `pending` (awaiting payment) or `failed`. */
  status: Type.Optional(Type.String()),
  metaData: Type.Optional(Type.Array(Type.Object({ key: Type.String(), value: Type.Unknown() }))),
});
export type CheckoutInput = Static<typeof CheckoutInputSchema>;
const checker = Compile(CheckoutInputSchema);

export function validateCheckout(input: unknown): CheckoutInput {
  if (!checker.Check(input)) {
    const problems = [...checker.Errors(input)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new WcError(400, 'invalid_checkout', `Invalid checkout: ${problems.join('; ')}`, {
      errors: problems,
    });
  }
  return input as CheckoutInput;
}

const DEFAULT_BILLING = {
  first_name: 'Test',
  last_name: 'Shopper',
  email: 'shopper@example.com',
  country: 'US',
};

export function simulateCheckout(ctx: StoreContext, rawInput: unknown): WcOrder {
  const input = validateCheckout(rawInput);
  for (const coupon of input.coupons ?? []) {
    const code = coupon.code.toLowerCase();
    if (!ctx.state.coupons.has(code) && coupon.discountType && coupon.amount)
      ctx.state.coupons.set(code, { code, discount_type: coupon.discountType, amount: coupon.amount });
  }
  const lineItems = input.lineItems.map((l) => ({
    sku: l.sku,
    product_id: l.productId,
    variation_id: l.variationId,
    quantity: l.quantity,
  }));
  const method = input.paymentMethod ?? 'stripe';
  const gateway = GATEWAYS[method];
  const body: Record<string, unknown> = {
    status: 'pending',
    line_items: lineItems.map((l) =>
      Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)),
    ),
    coupon_lines: (input.coupons ?? []).map((c) => ({ code: c.code })),
    shipping_lines: input.shipping
      ? [
          {
            method_id: input.shipping.methodId ?? 'flat_rate',
            method_title: input.shipping.methodTitle ?? 'Flat rate',
            total: input.shipping.total,
          },
        ]
      : [],
    fee_lines: (input.fees ?? []).map((f) => ({
      name: f.name,
      total: f.total,
      tax_status: f.taxable === false ? 'none' : 'taxable',
    })),
    billing: { ...DEFAULT_BILLING, ...(input.billing ?? {}) },
    shipping: input.shippingAddress ?? {},
    customer_id: input.customerId ?? 0,
    customer_note: input.customerNote ?? '',
    payment_method: method,
    payment_method_title: gateway?.title ?? method,
    customer_ip_address: '127.0.0.1',
    customer_user_agent: 'Mozilla/5.0 (retail-hub emulator)',
    meta_data: input.metaData ?? [],
  };
  assertInStock(ctx, input);
  const order = createOrderFrom(ctx, body, 'checkout');
  if (input.status) setStatus(ctx, order, input.status);
  else if (gateway && gateway.offline && method !== 'cod')
    setStatus(ctx, order, 'on-hold', 'Awaiting payment.');
  else if (method === 'cod') setStatus(ctx, order, 'processing', 'Payment to be made upon delivery.');
  else paymentComplete(ctx, order, input.transactionId ?? `txn_${order.id}`);
  ctx.emit('order', 'updated', order.id);
  return order;
}

/** `wc_reserve_stock_for_order` / cart checks: refuse what the store cannot sell. */
function assertInStock(ctx: StoreContext, input: CheckoutInput): void {
  const wanted = new Map<number, number>();
  for (const line of input.lineItems) {
    const found = line.sku ? ctx.state.findBySku(line.sku) : undefined;
    const variationId = line.variationId ?? (found?.kind === 'variation' ? found.item.id : 0);
    const productId =
      line.productId ??
      (found?.kind === 'product' ? found.item.id : (ctx.state.variationParent.get(variationId) ?? 0));
    const holder = stockHolder(ctx, { product_id: productId, variation_id: variationId });
    if (!holder) continue;
    const name = 'name' in holder && typeof holder.name === 'string' ? holder.name : holder.sku;
    if (holder.stock_status === 'outofstock')
      throw new WcError(
        409,
        'woocommerce_rest_product_out_of_stock',
        `"${name}" is out of stock and cannot be purchased.`,
      );
    if (holder.manage_stock !== true || holder.backorders !== 'no') continue;
    const total = (wanted.get(holder.id) ?? 0) + line.quantity;
    wanted.set(holder.id, total);
    if (total > (holder.stock_quantity ?? 0)) {
      throw new WcError(
        409,
        'woocommerce_rest_product_partially_out_of_stock',
        `There is not enough "${name}" in stock. Please reduce the quantity (${holder.stock_quantity ?? 0} available).`,
      );
    }
  }
}
