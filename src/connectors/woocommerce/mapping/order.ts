/**
 * WooCommerce order → canonical Order. Every figure is taken from WooCommerce's own decimal
 * strings — never recomputed, never the float `price` — because the channel `total` is what finance
 * reconciles against. Line `subtotal`/`total` exclude tax even in tax-inclusive stores (that is how
 * WooCommerce stores them), so no conversion is needed for `prices_include_tax`.
 *
 * @example
 * ```ts
 * const order = wooOrderToCanonical(JSON.parse(body) as WooOrder, { storeId: 'eu' });
 * order.totals.total; // { currency: 'USD', amount: '29.35' }
 * ```
 */
import { Decimal } from 'decimal.js';
import type { Order } from '../../../canonical/models/order.js';
import type {
  CouponLine,
  FeeLine,
  OrderLine,
  ShippingLine,
  TaxAmount,
  TaxLine,
} from '../../../canonical/models/order-lines.js';
import type { Money } from '../../../canonical/money/money-schema.js';
import { abs, money, sub, sum } from '../../../canonical/money/money.js';
import type { WooLineItem, WooOrder, WooTaxLine } from '../wc-schema.js';
import { decodeEntities, gmt, visibleMeta, wooAddress, wooMoney } from './common.js';
import { canonicalStatus, paymentStatus } from './status.js';

/** The hidden order meta in which the storefront passes the hub's checkout `holdId` on. */
export const HOLD_ID_META = '_retail_hub_hold_id';

/** The checkout hold id the storefront put in the order's meta, when it is a usable string. */
function checkoutHoldId(meta: readonly { key: string; value: unknown }[] | undefined): string | undefined {
  const value = (meta ?? []).find((m) => m.key === HOLD_ID_META)?.value;
  const id = typeof value === 'string' ? value.trim() : '';
  return id.length > 0 && id.length <= 100 ? id : undefined;
}

export interface OrderMappingOptions {
  storeId: string;
}

type RateTaxes = readonly { id: number; total: string; subtotal?: string }[];

/** Per-rate taxes of one line, labelled from the order's tax lines. */
function rateTaxes(currency: string, taxes: RateTaxes, rates: ReadonlyMap<number, WooTaxLine>): TaxAmount[] {
  return taxes.map((tax) => {
    const rate = rates.get(tax.id);
    return {
      rateId: String(tax.id),
      label: rate?.label ?? `rate ${tax.id}`,
      ...(rate?.rate_percent === undefined ? {} : { rate: String(rate.rate_percent) }),
      amount: wooMoney(currency, tax.total),
      ...(tax.subtotal === undefined || tax.subtotal === ''
        ? {}
        : { subtotalAmount: wooMoney(currency, tax.subtotal) }),
    };
  });
}

/**
 * Unit price = subtotal / quantity, exact when it divides (10.00 / 4 = 2.50), otherwise to six
 * decimals: the line subtotal stays the figure of record.
 */
export function unitPrice(subtotal: Money, quantity: number): Money {
  if (quantity <= 0) return subtotal;
  const exact = new Decimal(subtotal.amount).div(quantity);
  const value = exact.mul(quantity).eq(subtotal.amount)
    ? exact
    : exact.toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
  return money(subtotal.currency, value.toFixed());
}

function line(currency: string, item: WooLineItem, rates: ReadonlyMap<number, WooTaxLine>): OrderLine {
  const subtotal = wooMoney(currency, item.subtotal);
  const total = wooMoney(currency, item.total);
  const meta = visibleMeta(item.meta_data);
  return {
    lineId: String(item.id),
    ...(item.sku ? { sku: item.sku } : {}),
    name: decodeEntities(item.name),
    ...(item.product_id > 0 ? { productRef: String(item.product_id) } : {}),
    ...(item.variation_id > 0 ? { variantRef: String(item.variation_id) } : {}),
    quantity: item.quantity,
    unitPrice: unitPrice(subtotal, item.quantity),
    subtotal,
    subtotalTax: wooMoney(currency, item.subtotal_tax),
    discount: sub(subtotal, total),
    total,
    totalTax: wooMoney(currency, item.total_tax),
    taxes: rateTaxes(currency, item.taxes, rates),
    ...(meta ? { meta } : {}),
  };
}

export function wooOrderToCanonical(order: WooOrder, options: OrderMappingOptions): Order {
  const currency = order.currency;
  const rates = new Map(order.tax_lines.map((t) => [t.rate_id, t] as const));
  const lines = order.line_items.map((item) => line(currency, item, rates));

  const shippingLines: ShippingLine[] = order.shipping_lines.map((s) => {
    const meta = visibleMeta(s.meta_data);
    return {
      lineId: String(s.id),
      methodId: s.method_id,
      methodTitle: decodeEntities(s.method_title),
      total: wooMoney(currency, s.total),
      totalTax: wooMoney(currency, s.total_tax),
      taxes: rateTaxes(currency, s.taxes, rates),
      ...(meta ? { meta } : {}),
    };
  });
  const feeLines: FeeLine[] = order.fee_lines.map((f) => {
    const meta = visibleMeta(f.meta_data);
    return {
      lineId: String(f.id),
      name: decodeEntities(f.name),
      taxable: f.tax_status !== 'none',
      total: wooMoney(currency, f.total),
      totalTax: wooMoney(currency, f.total_tax),
      taxes: rateTaxes(currency, f.taxes, rates),
      ...(meta ? { meta } : {}),
    };
  });
  const couponLines: CouponLine[] = order.coupon_lines.map((c) => ({
    lineId: String(c.id),
    code: c.code,
    discount: wooMoney(currency, c.discount),
    discountTax: wooMoney(currency, c.discount_tax),
    ...(c.discount_type ? { discountType: c.discount_type } : {}),
  }));
  const taxLines: TaxLine[] = order.tax_lines.map((t) => ({
    lineId: String(t.id),
    rateId: String(t.rate_id),
    ...(t.rate_code ? { rateCode: t.rate_code } : {}),
    label: t.label,
    ...(t.rate_percent === undefined ? {} : { rate: String(t.rate_percent) }),
    compound: t.compound,
    taxTotal: wooMoney(currency, t.tax_total),
    shippingTaxTotal: wooMoney(currency, t.shipping_tax_total),
  }));

  const billing = wooAddress(order.billing);
  const shipping = wooAddress(order.shipping);
  const email = order.billing.email?.trim();
  const paidAt = gmt(order.date_paid_gmt);
  const completedAt = gmt(order.date_completed_gmt);
  const meta = visibleMeta(order.meta_data);
  // A hidden key, so `visibleMeta` drops it: read on purpose.
  const holdId = checkoutHoldId(order.meta_data);
  const payment = paymentStatus(order);

  return {
    channel: 'woocommerce',
    storeId: options.storeId,
    externalId: String(order.id),
    number: order.number,
    status: canonicalStatus(order.status, payment === 'paid'),
    channelStatus: order.status,
    currency,
    pricesIncludeTax: order.prices_include_tax,
    lines,
    shippingLines,
    feeLines,
    couponLines,
    taxLines,
    totals: {
      subtotal: sum(
        currency,
        lines.map((l) => l.subtotal),
      ),
      discountTotal: wooMoney(currency, order.discount_total),
      discountTax: wooMoney(currency, order.discount_tax),
      shippingTotal: wooMoney(currency, order.shipping_total),
      shippingTax: wooMoney(currency, order.shipping_tax),
      feeTotal: sum(
        currency,
        feeLines.map((f) => f.total),
      ),
      taxTotal: wooMoney(currency, order.total_tax),
      total: wooMoney(currency, order.total),
    },
    payment: {
      status: payment,
      ...(order.payment_method ? { method: order.payment_method } : {}),
      ...(order.payment_method_title ? { methodTitle: order.payment_method_title } : {}),
      ...(order.transaction_id ? { transactionId: order.transaction_id } : {}),
      ...(paidAt ? { paidAt } : {}),
    },
    customer: {
      ...(order.customer_id > 0 ? { externalId: String(order.customer_id) } : {}),
      ...(email ? { email } : {}),
      ...(order.billing.first_name ? { firstName: order.billing.first_name } : {}),
      ...(order.billing.last_name ? { lastName: order.billing.last_name } : {}),
      ...(order.billing.phone ? { phone: order.billing.phone } : {}),
    },
    ...(billing ? { billing } : {}),
    ...(shipping ? { shipping } : {}),
    ...(order.customer_note ? { customerNote: order.customer_note } : {}),
    refunds: order.refunds.map((r) => ({
      refundId: String(r.id),
      amount: abs(wooMoney(currency, r.total)),
      ...(r.reason ? { reason: r.reason } : {}),
    })),
    ...(meta ? { meta } : {}),
    ...(holdId ? { checkoutHoldId: holdId } : {}),
    createdAt: gmt(order.date_created_gmt) ?? new Date(0).toISOString(),
    modifiedAt: gmt(order.date_modified_gmt) ?? new Date(0).toISOString(),
    ...(paidAt ? { paidAt } : {}),
    ...(completedAt ? { completedAt } : {}),
  };
}
