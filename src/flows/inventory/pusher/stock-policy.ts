/**
 * How pushed quantities set WooCommerce's stock fields. The hub sells only what it can promise, so
 * by default stores never take backorders and the status follows the quantity.
 *
 * @example
 * ```ts
 * stockFields(0, DEFAULT_STOCK_POLICY); // { stockStatus: 'outofstock', backorders: 'no' }
 * ```
 */
export interface StockPushPolicy {
  backorders: 'no' | 'notify' | 'yes';
  /** Send `stock_status` explicitly (otherwise WooCommerce derives it from quantity and backorders). */
  setStatus: boolean;
}

export const DEFAULT_STOCK_POLICY: StockPushPolicy = { backorders: 'no', setStatus: true };

export function stockFields(
  quantity: number,
  policy: StockPushPolicy,
): { stockStatus?: 'instock' | 'outofstock' | 'onbackorder'; backorders: StockPushPolicy['backorders'] } {
  if (!policy.setStatus) return { backorders: policy.backorders };
  const stockStatus = quantity > 0 ? 'instock' : policy.backorders === 'no' ? 'outofstock' : 'onbackorder';
  return { stockStatus, backorders: policy.backorders };
}
