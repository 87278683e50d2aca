/**
 * Decides whether an order may proceed on its payment status: paid orders go, orders paid by a
 * configured method that settles later (cash on delivery, invoice) go, voided ones stop, the
 * rest wait for the `order.updated` that shows the payment.
 *
 * @example
 * ```ts
 * paymentDecision(order, ['cod']); // 'proceed' | 'wait' | 'voided'
 * ```
 */
import type { Order } from '../../canonical/index.js';

export type PaymentDecision = 'proceed' | 'wait' | 'voided';

export function paymentDecision(order: Order, proceedUnpaid: readonly string[] = []): PaymentDecision {
  const { status, method } = order.payment;
  if (status === 'voided') return 'voided';
  if (status === 'paid' || status === 'partially_refunded' || status === 'refunded') return 'proceed';
  if (method !== undefined && proceedUnpaid.includes(method)) return 'proceed';
  return 'wait';
}
