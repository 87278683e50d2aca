/**
 * Canonical → WooCommerce request bodies: order status, the customer-visible tracking note, and
 * batch items for stock and prices (simple products and variations take the same item shape; the
 * caller picks `products/batch` or `products/<parent>/variations/batch`).
 *
 * @example
 * ```ts
 * await client.update(`orders/${id}`, orderStatusUpdate('completed'));
 * await client.createOrderNote(id, trackingNote({ carrier: 'DHL', trackingNumber: 'JD0123' }));
 * await client.batch('products', { update: [stockUpdateItem({ wooId: 10, quantity: 4 })] });
 * ```
 */
import type { OrderStatus } from '../../../canonical/models/order.js';
import type { Price } from '../../../canonical/models/price.js';
import { PermanentError } from '../../../runtime/errors.js';
import { toWooGmt } from './common.js';
import { wooStatus } from './status.js';

export function orderStatusUpdate(status: OrderStatus): { status: string } {
  return { status: wooStatus(status) };
}

export interface TrackingInfo {
  carrier: string;
  trackingNumber: string;
  trackingUrl?: string;
  /** Lines shipped in this parcel, for split shipments. */
  items?: readonly { name: string; quantity: number }[];
}

/** A note the customer sees and is e-mailed (`customer_note: true`). */
export function trackingNote(tracking: TrackingInfo): { note: string; customer_note: true } {
  const parts = [
    `Your order has shipped with ${tracking.carrier}. Tracking number: ${tracking.trackingNumber}.`,
  ];
  if (tracking.trackingUrl) parts.push(`Track it at ${tracking.trackingUrl}`);
  if (tracking.items?.length)
    parts.push(`In this parcel: ${tracking.items.map((i) => `${i.quantity} × ${i.name}`).join(', ')}.`);
  return { note: parts.join(' '), customer_note: true };
}

export interface StockUpdateItem {
  id: number;
  stock_quantity: number;
  manage_stock: true;
  stock_status?: 'instock' | 'outofstock' | 'onbackorder';
  backorders?: 'no' | 'notify' | 'yes';
}

/**
 * Sets an absolute quantity (safe to resend). `stock_status` is only sent when policy sets it:
 * with managed stock WooCommerce recalculates it from the quantity and backorder setting.
 */
export function stockUpdateItem(input: {
  wooId: number;
  quantity: number;
  stockStatus?: StockUpdateItem['stock_status'];
  backorders?: StockUpdateItem['backorders'];
}): StockUpdateItem {
  if (!Number.isInteger(input.quantity)) {
    throw new PermanentError(
      `stock quantity ${input.quantity} for WooCommerce product ${input.wooId} is not a whole number`,
      { code: 'invalid_quantity', system: 'woocommerce' },
    );
  }
  return {
    id: input.wooId,
    stock_quantity: input.quantity,
    manage_stock: true,
    ...(input.stockStatus ? { stock_status: input.stockStatus } : {}),
    ...(input.backorders ? { backorders: input.backorders } : {}),
  };
}

export interface PriceUpdateItem {
  id: number;
  regular_price: string;
  sale_price: string;
  date_on_sale_from_gmt: string | null;
  date_on_sale_to_gmt: string | null;
}

/**
 * Regular and sale price with its schedule; no sale clears the sale price and the schedule.
 * Refuses a price in another currency than the store's: WooCommerce prices carry no currency.
 */
export function priceUpdateItem(input: {
  wooId: number;
  price: Price;
  storeCurrency: string;
}): PriceUpdateItem {
  const { price } = input;
  for (const m of [price.regular, price.sale]) {
    if (m && m.currency !== input.storeCurrency) {
      throw new PermanentError(
        `price for ${price.sku} is in ${m.currency}, the store sells in ${input.storeCurrency}`,
        { code: 'currency_mismatch', system: 'woocommerce' },
      );
    }
  }
  return {
    id: input.wooId,
    regular_price: price.regular.amount,
    sale_price: price.sale?.amount ?? '',
    date_on_sale_from_gmt: price.sale && price.saleFrom ? toWooGmt(price.saleFrom) : null,
    date_on_sale_to_gmt: price.sale && price.saleTo ? toWooGmt(price.saleTo) : null,
  };
}
