/**
 * WooCommerce order status ↔ canonical status, and the payment status the hub derives from the
 * status, `date_paid` and the refunds. WooCommerce has no state machine: any status can follow any
 * other, so nothing here assumes an order.
 *
 * @example
 * ```ts
 * canonicalStatus('on-hold');                      // 'on_hold'
 * wooStatus('on_hold');                            // 'on-hold'
 * paymentStatus({ status: 'on-hold', date_paid_gmt: null, total: '17.70', refunds: [] }); // 'pending'
 * ```
 */
import type { OrderStatus, PaymentStatus } from '../../../canonical/models/order.js';
import { compare, money, sum, abs } from '../../../canonical/money/money.js';

const TO_CANONICAL: Record<string, OrderStatus> = {
  pending: 'pending',
  processing: 'processing',
  'on-hold': 'on_hold',
  completed: 'completed',
  cancelled: 'cancelled',
  refunded: 'refunded',
  failed: 'failed',
  'checkout-draft': 'draft',
  'auto-draft': 'draft',
  draft: 'draft',
  trash: 'cancelled',
};

/** WooCommerce's paid statuses (`wc_get_is_paid_statuses`). */
export const PAID_STATUSES: ReadonlySet<string> = new Set(['processing', 'completed']);

/**
 * Canonical status for a WooCommerce status (with or without the `wc-` prefix). Custom statuses
 * from plugins map to `processing` when the order is paid, else `pending`.
 */
export function canonicalStatus(status: string, paid = false): OrderStatus {
  const bare = status.startsWith('wc-') ? status.slice(3) : status;
  return TO_CANONICAL[bare] ?? (paid ? 'processing' : 'pending');
}

export function wooStatus(status: OrderStatus): string {
  return status === 'on_hold' ? 'on-hold' : status === 'draft' ? 'checkout-draft' : status;
}

export interface PaymentFacts {
  status: string;
  currency: string;
  date_paid_gmt?: string | null | undefined;
  total: string;
  refunds: readonly { total: string }[];
}

/**
 * `refunded` / `partially_refunded` from the refunds against the total; `paid` for WooCommerce's
 * paid statuses or a recorded `date_paid`; `voided` for failed orders and unpaid cancellations; else
 * `pending` (on-hold bank transfer, cash on delivery). A transaction id alone does not make an order
 * paid: gateways set it for authorisations that may never be captured.
 */
export function paymentStatus(order: PaymentFacts): PaymentStatus {
  const currency = order.currency;
  const refunded =
    order.refunds.length === 0
      ? undefined
      : sum(
          currency,
          order.refunds.map((r) => abs(money(currency, r.total))),
        );
  const total = money(currency, order.total);
  if (
    order.status === 'refunded' ||
    (refunded !== undefined && compare(refunded, total) >= 0 && compare(total, money(currency, '0')) > 0)
  )
    return 'refunded';
  if (refunded !== undefined && compare(refunded, money(currency, '0')) > 0) return 'partially_refunded';
  const paid =
    PAID_STATUSES.has(order.status) ||
    (order.date_paid_gmt !== null && order.date_paid_gmt !== undefined && order.date_paid_gmt !== '');
  if (paid) return 'paid';
  if (order.status === 'failed' || order.status === 'cancelled') return 'voided';
  return 'pending';
}
