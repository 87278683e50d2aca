/**
 * WooCommerce refunds → canonical. Refunds reach the hub only as `order.updated` (the order's
 * `refunds[]` gains an entry `{ id, reason, total: "-10.00" }`), so the ingest handler diffs that
 * list against the refund ids it has seen; when the itemised refund (`GET /orders/{id}/refunds`)
 * is available, its negative line quantities give the lines and the restock flag.
 *
 * @example
 * ```ts
 * const fresh = newRefunds(order, new Set(['724']));          // [{ id: 726, ... }]
 * const data = refundRequested('eu', order, fresh[0]!);        // refund.requested event data
 * ```
 */
import type { Refund } from '../../../canonical/models/refund.js';
import { abs, add, isZero, zero } from '../../../canonical/money/money.js';
import type { WooOrder, WooRefund } from '../wc-schema.js';
import { gmt, wooMoney } from './common.js';
import type { Money } from '../../../canonical/money/money-schema.js';

export type WooRefundRef = WooOrder['refunds'][number];

/** Data of the canonical `refund.requested` event. */
export interface RefundRequestedData {
  storeId: string;
  orderId: string;
  amount: Money;
  reason: string;
  restock: boolean;
  lines: { lineId: string; sku?: string; quantity: number }[];
}

/** Refund entries of the payload whose ids are not in `seen`, oldest (lowest id) first. */
export function newRefunds(order: Pick<WooOrder, 'refunds'>, seen: ReadonlySet<string>): WooRefundRef[] {
  return order.refunds.filter((r) => !seen.has(String(r.id))).sort((a, b) => a.id - b.id);
}

function refundedItemId(meta: readonly { key: string; value: unknown }[]): string | undefined {
  const entry = meta.find((m) => m.key === '_refunded_item_id');
  return entry === undefined ? undefined : String(entry.value);
}

/**
 * `refund.requested` for one refund. With the itemised refund, lines carry the refunded quantities
 * and `restock` is true when any quantity was refunded (WooCommerce does not record the restock
 * choice on the refund; quantities are only recorded when items are returned). Without it, the
 * refund is amount-only.
 */
export function refundRequested(
  storeId: string,
  order: Pick<WooOrder, 'id' | 'currency' | 'line_items'>,
  ref: WooRefundRef,
  detail?: WooRefund,
): RefundRequestedData {
  const skuOf = new Map(order.line_items.map((l) => [String(l.id), l.sku ?? undefined] as const));
  const lines = (detail?.line_items ?? [])
    .map((item) => {
      const lineId = refundedItemId(item.meta_data) ?? String(item.id);
      const sku = skuOf.get(lineId) ?? item.sku ?? undefined;
      return { lineId, ...(sku ? { sku } : {}), quantity: Math.abs(item.quantity) };
    })
    .filter((l) => l.quantity > 0);
  const reason = (detail?.reason ?? ref.reason ?? '').trim();
  return {
    storeId,
    orderId: String(order.id),
    amount: abs(wooMoney(order.currency, detail?.amount ?? ref.total)),
    reason: `WooCommerce refund ${ref.id}${reason ? `: ${reason}` : ''}`,
    restock: lines.length > 0,
    lines,
  };
}

/** The itemised refund as a canonical Refund (positive amounts). */
export function wooRefundToCanonical(
  storeId: string,
  order: Pick<WooOrder, 'id' | 'currency' | 'line_items'>,
  refund: WooRefund,
): Refund {
  const currency = order.currency;
  const skuOf = new Map(order.line_items.map((l) => [String(l.id), l.sku ?? undefined] as const));
  const shipping = (refund.shipping_lines ?? []).reduce(
    (acc, s) => add(acc, abs(wooMoney(currency, s.total))),
    zero(currency),
  );
  return {
    id: `woocommerce:${storeId}:${refund.id}`,
    orderSubject: `order:${storeId}:${order.id}`,
    storeId,
    externalId: String(refund.id),
    amount: abs(wooMoney(currency, refund.amount)),
    ...(refund.reason ? { reason: refund.reason } : {}),
    restock: refund.line_items.some((l) => l.quantity !== 0),
    lines: refund.line_items.map((item) => {
      const lineId = refundedItemId(item.meta_data) ?? String(item.id);
      const sku = skuOf.get(lineId) ?? item.sku ?? undefined;
      return {
        lineId,
        ...(sku ? { sku } : {}),
        quantity: Math.abs(item.quantity),
        amount: abs(wooMoney(currency, item.total)),
        tax: abs(wooMoney(currency, item.total_tax)),
      };
    }),
    ...(isZero(shipping) ? {} : { shipping }),
    createdAt: gmt(refund.date_created_gmt) ?? new Date(0).toISOString(),
  };
}
