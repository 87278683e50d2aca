/**
 * Writes to an order's items as the v2/v3 orders controller does (`id` updates, no `id` adds,
 * `quantity: 0` or a null key field deletes; coupons replaced wholesale) and the recalculation of
 * every item and total from them.
 */
import type { StoreContext } from './context.js';
import { WcError } from './errors.js';
import { applyMeta } from './meta.js';
import { activePrice } from './products.js';
import { D, fmt, trimmed } from './money.js';
import { computeTotals, type CouponInput, type LineInput } from './totals.js';
import type {
  WcCouponLine,
  WcFeeLine,
  WcLineItem,
  WcMeta,
  WcOrder,
  WcProduct,
  WcShippingLine,
  WcVariation,
} from './types.js';

type Body = Record<string, unknown>;
const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** Per-item state WooCommerce keeps in item meta: the unit basis, for repricing on quantity change. */
export interface ItemMemo {
  unitBasis: Map<number, string>;
  fixedTotal: Map<number, string>;
}

interface Resolved {
  product: WcProduct;
  variation?: WcVariation;
}

function resolveProduct(ctx: StoreContext, body: Body): Resolved {
  const sku = typeof body.sku === 'string' ? body.sku : '';
  const productId = Number(body.product_id ?? 0);
  const variationId = Number(body.variation_id ?? 0);
  if (!productId && !variationId && !sku)
    throw new WcError(400, 'woocommerce_rest_required_product_reference', 'Product ID or SKU is required.');
  if (variationId || (sku && !productId)) {
    const variation = variationId ? ctx.state.variations.get(variationId) : undefined;
    const bySku = sku && !variation ? ctx.state.findBySku(sku) : undefined;
    if (variation || bySku?.kind === 'variation') {
      const v = (variation ?? bySku?.item) as WcVariation;
      const parent = ctx.state.products.get(ctx.state.variationParent.get(v.id) ?? -1);
      if (!parent) throw new WcError(400, 'woocommerce_rest_invalid_product_id', 'Invalid product ID.');
      return { product: parent, variation: v };
    }
    if (bySku?.kind === 'product') return { product: bySku.item };
    throw new WcError(400, 'woocommerce_rest_invalid_product_id', 'Invalid product ID.');
  }
  const product = ctx.state.products.get(productId);
  if (!product) throw new WcError(400, 'woocommerce_rest_invalid_product_id', 'Invalid product ID.');
  return { product };
}

function variationMeta(ctx: StoreContext, variation: WcVariation): WcMeta[] {
  return variation.attributes.map((a) => {
    const key = a.id ? `pa_${a.name.toLowerCase().replace(/\s+/g, '-')}` : a.name.toLowerCase();
    return {
      id: ctx.state.next('meta'),
      key,
      value: a.id ? a.option.toLowerCase() : a.option,
      display_key: a.name,
      display_value: a.option,
    };
  });
}

function newLineItem(ctx: StoreContext, order: WcOrder, memo: ItemMemo, body: Body): WcLineItem {
  const { product, variation } = resolveProduct(ctx, body);
  const quantity = Number(body.quantity ?? 1);
  if (!Number.isInteger(quantity) || quantity <= 0)
    throw new WcError(
      400,
      'woocommerce_rest_invalid_quantity',
      'Product quantity must be a positive integer.',
    );
  const sellable = variation ?? product;
  const suffix = variation ? variation.attributes.map((a) => a.option).join(', ') : '';
  const line: WcLineItem = {
    id: ctx.state.next('item'),
    name: typeof body.name === 'string' ? body.name : suffix ? `${product.name} - ${suffix}` : product.name,
    product_id: product.id,
    variation_id: variation?.id ?? 0,
    quantity,
    tax_class: sellable.tax_class,
    subtotal: '0',
    subtotal_tax: '0',
    total: '0',
    total_tax: '0',
    taxes: [],
    meta_data: variation ? variationMeta(ctx, variation) : [],
    sku: sellable.sku,
    price: 0,
    image: { id: '', src: '' },
    parent_name: variation ? product.name : null,
  };
  const active = activePrice(ctx, sellable).price;
  const unit = body.price !== undefined ? str(body.price) : active === '' ? '0' : active;
  memo.unitBasis.set(line.id, unit);
  if (body.subtotal !== undefined)
    memo.unitBasis.set(line.id, D(str(body.subtotal)).div(quantity).toString());
  if (body.total !== undefined) memo.fixedTotal.set(line.id, str(body.total));
  if (Array.isArray(body.meta_data)) applyMeta(ctx, line.meta_data, body.meta_data as Body[]);
  order.line_items.push(line);
  return line;
}

export function applyLineItems(ctx: StoreContext, order: WcOrder, memo: ItemMemo, items: Body[]): void {
  for (const body of items) {
    if (body.id !== undefined && body.id !== null && Number(body.id) !== 0) {
      const index = order.line_items.findIndex((l) => l.id === Number(body.id));
      if (index < 0)
        throw new WcError(
          400,
          'woocommerce_rest_invalid_item_id',
          'Order item ID provided is not associated with order.',
        );
      const line = order.line_items[index] as WcLineItem;
      if (body.quantity === 0 || body.quantity === '0' || body.product_id === null) {
        order.line_items.splice(index, 1);
        continue;
      }
      if (body.quantity !== undefined) line.quantity = Number(body.quantity);
      if (typeof body.name === 'string') line.name = body.name;
      if (body.subtotal !== undefined)
        memo.unitBasis.set(line.id, D(str(body.subtotal)).div(line.quantity).toString());
      if (body.total !== undefined) memo.fixedTotal.set(line.id, str(body.total));
      if (Array.isArray(body.meta_data)) applyMeta(ctx, line.meta_data, body.meta_data as Body[]);
    } else {
      newLineItem(ctx, order, memo, body);
    }
  }
}

export function applyShippingLines(ctx: StoreContext, order: WcOrder, items: Body[]): void {
  for (const body of items) {
    const existing = body.id ? order.shipping_lines.findIndex((l) => l.id === Number(body.id)) : -1;
    if (body.id && existing < 0)
      throw new WcError(
        400,
        'woocommerce_rest_invalid_item_id',
        'Order item ID provided is not associated with order.',
      );
    if (existing >= 0 && body.method_id === null) {
      order.shipping_lines.splice(existing, 1);
      continue;
    }
    const line: WcShippingLine =
      existing >= 0
        ? (order.shipping_lines[existing] as WcShippingLine)
        : {
            id: ctx.state.next('item'),
            method_title: '',
            method_id: '',
            instance_id: '',
            total: '0',
            total_tax: '0',
            taxes: [],
            meta_data: [],
          };
    if (body.method_id !== undefined) line.method_id = str(body.method_id);
    if (body.method_title !== undefined) line.method_title = str(body.method_title);
    if (body.instance_id !== undefined) line.instance_id = str(body.instance_id);
    if (body.total !== undefined) line.total = str(body.total);
    if (existing < 0) order.shipping_lines.push(line);
  }
}

export function applyFeeLines(ctx: StoreContext, order: WcOrder, items: Body[]): void {
  for (const body of items) {
    const existing = body.id ? order.fee_lines.findIndex((l) => l.id === Number(body.id)) : -1;
    if (body.id && existing < 0)
      throw new WcError(
        400,
        'woocommerce_rest_invalid_item_id',
        'Order item ID provided is not associated with order.',
      );
    if (existing >= 0 && body.name === null) {
      order.fee_lines.splice(existing, 1);
      continue;
    }
    const line: WcFeeLine =
      existing >= 0
        ? (order.fee_lines[existing] as WcFeeLine)
        : {
            id: ctx.state.next('item'),
            name: '',
            tax_class: '',
            tax_status: 'taxable',
            amount: '0',
            total: '0',
            total_tax: '0',
            taxes: [],
            meta_data: [],
          };
    if (body.name !== undefined) line.name = str(body.name);
    if (body.tax_status === 'none' || body.tax_status === 'taxable') line.tax_status = body.tax_status;
    if (body.tax_class !== undefined) line.tax_class = str(body.tax_class);
    if (body.total !== undefined) line.total = line.amount = str(body.total);
    if (existing < 0) order.fee_lines.push(line);
  }
}

/** `coupon_lines` on a write replaces every coupon; unknown codes fail like `WC_Discounts`. */
export function applyCouponLines(ctx: StoreContext, order: WcOrder, items: Body[]): void {
  const next: WcCouponLine[] = [];
  for (const body of items) {
    if (body.code === null) continue;
    const code = str(body.code).trim().toLowerCase();
    if (!code) throw new WcError(400, 'woocommerce_rest_invalid_coupon', 'Coupon code is required.');
    const coupon = ctx.state.coupons.get(code);
    if (!coupon)
      throw new WcError(400, 'woocommerce_rest_invalid_coupon', `Coupon "${code}" does not exist!`);
    const kept = order.coupon_lines.find((c) => c.code === code);
    next.push({
      id: kept?.id ?? ctx.state.next('item'),
      code,
      discount: '0',
      discount_tax: '0',
      discount_type: coupon.discount_type,
      nominal_amount: Number(coupon.amount),
      free_shipping: coupon.free_shipping ?? false,
      meta_data: [],
    });
  }
  order.coupon_lines = next;
}

function isTaxable(ctx: StoreContext, line: WcLineItem): boolean {
  const sellable =
    (line.variation_id ? ctx.state.variations.get(line.variation_id) : undefined) ??
    ctx.state.products.get(line.product_id);
  return sellable ? sellable.tax_status === 'taxable' : line.taxes.length > 0 || ctx.tax !== null;
}

/** Recomputes every item and order total from the items, coupons, fees and shipping. */
export function recalculate(ctx: StoreContext, order: WcOrder, memo: ItemMemo): void {
  const inclusive = order.prices_include_tax;
  const lines: LineInput[] = order.line_items.map((line) => {
    const unit = memo.unitBasis.get(line.id);
    const basis =
      unit !== undefined
        ? D(unit).times(line.quantity)
        : inclusive
          ? D(line.subtotal).plus(D(line.subtotal_tax))
          : D(line.subtotal);
    const fixed = memo.fixedTotal.get(line.id);
    return {
      basis,
      taxable: isTaxable(ctx, line),
      quantity: line.quantity,
      ...(fixed === undefined ? {} : { fixedTotal: D(fixed) }),
    };
  });
  memo.fixedTotal.clear();
  const coupons: CouponInput[] = order.coupon_lines.map((c) => ({
    type: c.discount_type ?? 'fixed_cart',
    amount: D(ctx.state.coupons.get(c.code)?.amount ?? c.nominal_amount ?? c.discount),
  }));
  const result = computeTotals(
    { dp: ctx.dp, inclusive, roundAtSubtotal: ctx.taxRoundAtSubtotal, tax: ctx.tax },
    lines,
    coupons,
    order.fee_lines.map((f) => ({ total: D(f.total), taxable: f.tax_status === 'taxable' })),
    order.shipping_lines.map((s) => ({ total: D(s.total) })),
  );
  const dp = ctx.dp;
  const rateId = ctx.tax?.rateId ?? 0;
  order.line_items.forEach((line, i) => {
    const r = result.lines[i];
    if (!r) return;
    line.subtotal = fmt(r.subtotal, dp);
    line.subtotal_tax = fmt(r.subtotalTax, dp);
    line.total = fmt(r.total, dp);
    line.total_tax = fmt(r.totalTax, dp);
    line.taxes =
      ctx.tax && (lines[i] as LineInput).taxable
        ? [{ id: rateId, total: trimmed(r.totalTax), subtotal: trimmed(r.subtotalTax) }]
        : [];
    line.price = line.quantity ? Number(r.total.div(line.quantity).toString()) : 0;
  });
  order.coupon_lines.forEach((c, i) => {
    const r = result.coupons[i];
    if (!r) return;
    c.discount = fmt(r.discount, dp);
    c.discount_tax = fmt(r.discountTax, dp);
  });
  order.fee_lines.forEach((f, i) => {
    const r = result.fees[i];
    if (!r) return;
    f.total = fmt(r.total, dp);
    f.total_tax = fmt(r.tax, dp);
    f.taxes =
      ctx.tax && f.tax_status === 'taxable' ? [{ id: rateId, total: trimmed(r.tax), subtotal: '' }] : [];
  });
  order.shipping_lines.forEach((s, i) => {
    const r = result.shipping[i];
    if (!r) return;
    s.total = fmt(r.total, dp);
    s.total_tax = fmt(r.tax, dp);
    s.taxes = ctx.tax?.shipping ? [{ id: rateId, total: trimmed(r.tax), subtotal: '' }] : [];
  });
  order.discount_total = fmt(result.discountTotal, dp);
  order.discount_tax = fmt(result.discountTax, dp);
  order.shipping_total = fmt(result.shippingTotal, dp);
  order.shipping_tax = fmt(result.shippingTax, dp);
  order.cart_tax = fmt(result.cartTax, dp);
  order.total_tax = fmt(result.totalTax, dp);
  order.total = fmt(result.total, dp);
  if (ctx.tax) {
    const tax = ctx.tax;
    const existing = order.tax_lines.find((t) => t.rate_id === tax.rateId);
    order.tax_lines = [
      {
        id: existing?.id ?? ctx.state.next('item'),
        rate_code: tax.code,
        rate_id: tax.rateId,
        label: tax.label,
        compound: false,
        tax_total: fmt(result.cartTax, dp),
        shipping_tax_total: fmt(result.shippingTax, dp),
        rate_percent: Number(tax.rate),
        meta_data: [],
      },
    ];
  } else {
    order.tax_lines = [];
  }
}
