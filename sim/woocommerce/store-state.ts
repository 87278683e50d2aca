/**
 * The emulated store's data, in memory. IDs follow WordPress: products, variations, orders and
 * refunds share the posts sequence; order items, meta rows, comments (notes), users and webhooks
 * each have their own.
 */
import type { ItemMemo } from './order-items.js';
import type {
  DeliveryLogEntry,
  WcCoupon,
  WcCustomer,
  WcNote,
  WcOrder,
  WcProduct,
  WcRefund,
  WcVariation,
  WcWebhookRecord,
} from './types.js';

type Sequence = 'post' | 'item' | 'meta' | 'comment' | 'user' | 'webhook';

export class StoreState {
  readonly products = new Map<number, WcProduct>();
  readonly variations = new Map<number, WcVariation>();
  /** variation id → parent product id */
  readonly variationParent = new Map<number, number>();
  readonly orders = new Map<number, WcOrder>();
  readonly refunds = new Map<number, WcRefund>();
  /** refund id → order id */
  readonly refundOrder = new Map<number, number>();
  readonly customers = new Map<number, WcCustomer>();
  readonly webhooks = new Map<number, WcWebhookRecord>();
  /** order id → notes, newest last */
  readonly notes = new Map<number, WcNote[]>();
  readonly coupons = new Map<string, WcCoupon>();
  readonly deliveries: DeliveryLogEntry[] = [];
  /** order id → status it had before it was trashed */
  readonly trashedFrom = new Map<number, string>();
  /** order item id → quantity whose stock was reduced (WooCommerce's `_reduced_stock`) */
  readonly reducedStock = new Map<number, number>();
  /** Unit prices and explicit totals of order items, for repricing on quantity change. */
  readonly itemMemo: ItemMemo = { unitBasis: new Map(), fixedTotal: new Map() };
  private readonly counters: Record<Sequence, number> = {
    post: 1000,
    item: 1000,
    meta: 10000,
    comment: 1000,
    user: 100,
    webhook: 0,
  };

  next(sequence: Sequence): number {
    this.counters[sequence] += 1;
    return this.counters[sequence];
  }

  /** Keeps sequences above ids imported from fixtures. */
  bump(sequence: Sequence, seen: number): void {
    if (seen > this.counters[sequence]) this.counters[sequence] = seen;
  }

  /** A product or a variation by SKU (WooCommerce keeps SKUs unique across both). */
  findBySku(
    sku: string,
  ): { kind: 'product'; item: WcProduct } | { kind: 'variation'; item: WcVariation } | undefined {
    if (sku === '') return undefined;
    for (const item of this.products.values()) if (item.sku === sku) return { kind: 'product', item };
    for (const item of this.variations.values()) if (item.sku === sku) return { kind: 'variation', item };
    return undefined;
  }

  notesOf(orderId: number): WcNote[] {
    let list = this.notes.get(orderId);
    if (!list) {
      list = [];
      this.notes.set(orderId, list);
    }
    return list;
  }

  refundsOf(orderId: number): WcRefund[] {
    const list: WcRefund[] = [];
    for (const [refundId, parent] of this.refundOrder) {
      const refund = this.refunds.get(refundId);
      if (parent === orderId && refund) list.push(refund);
    }
    return list;
  }
}
