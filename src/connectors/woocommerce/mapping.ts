/**
 * WooCommerce ↔ canonical mapping, one file per entity under `./mapping/`.
 *
 * @example
 * ```ts
 * import { wooOrderToCanonical, stockUpdateItem } from './mapping.js';
 * const order = wooOrderToCanonical(payload, { storeId: 'eu' });
 * const item = stockUpdateItem({ wooId: 10, quantity: 3 });
 * ```
 */
export { wooOrderToCanonical, unitPrice, type OrderMappingOptions } from './mapping/order.js';
export {
  wooProductToCanonical,
  type ChannelStock,
  type ProductMapping,
  type ProductMappingOptions,
} from './mapping/product.js';
export { wooCustomerToCanonical } from './mapping/customer.js';
export {
  newRefunds,
  refundRequested,
  wooRefundToCanonical,
  type RefundRequestedData,
  type WooRefundRef,
} from './mapping/refund.js';
export { canonicalStatus, paymentStatus, wooStatus, PAID_STATUSES } from './mapping/status.js';
export {
  orderStatusUpdate,
  priceUpdateItem,
  stockUpdateItem,
  trackingNote,
  type PriceUpdateItem,
  type StockUpdateItem,
  type TrackingInfo,
} from './mapping/outbound.js';
