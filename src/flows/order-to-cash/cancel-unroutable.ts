/**
 * When the first routing can serve nothing (every unit of every line cancelled under policy
 * `cancel-line`), the order does not go on with no goods: the paid amount is refunded in full —
 * lines, shipping and fees — then the channel order is cancelled (WooCommerce puts back the stock
 * it took at payment) and the customer told why. Each effect once, under its own key; the refund
 * carries the cancelled-lines marker so the returns flow asks no credit note of an ERP order that
 * never existed. The ERP never hears of the order. The basket's checkout hold, if the storefront
 * took one (`order.checkoutHoldId`), is given back once the order is cancelled, rather than after
 * its TTL; the reservation sweep recomputes its SKUs.
 *
 * @example
 * ```ts
 * if (cancelsEverything(saga.order, plan)) await cancelUnroutable(saga, io, plan.cancelledLines ?? []);
 * ```
 */
import { add, money, sum, type Money, type Order } from '../../canonical/index.js';
import { lapseBasketHolds } from '../inventory/checkout-holds.js';
import { CANCELLED_LINES_MARKER } from './cancelled-line-refund.js';
import type { StepIO } from './define-step.js';
import { lineRefund } from './line-refund.js';
import type { ChannelRefundRequest } from './ports.js';
import type { PlannedLine, SagaOrder } from './saga-state.js';

/** True when the plan ships and backorders nothing and cancels every unit the order has. */
export function cancelsEverything(
  order: Order,
  plan: { assignments: readonly unknown[]; backorders: readonly unknown[]; cancelledLines?: PlannedLine[] },
): boolean {
  if (plan.assignments.length > 0 || plan.backorders.length > 0 || order.lines.length === 0) return false;
  const cut = new Map<string, number>();
  for (const l of plan.cancelledLines ?? []) cut.set(l.lineId, (cut.get(l.lineId) ?? 0) + l.quantity);
  return order.lines.every((line) => (cut.get(line.lineId) ?? 0) >= line.quantity);
}

/** Every line, shipping and fee charge at its full total and tax; the amount is the order's total. */
export function fullRefund(order: Order): { amount: Money; lines: ChannelRefundRequest['lines'] } {
  const goods = lineRefund(
    order,
    order.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
  ).lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity, total: l.total, tax: l.tax }));
  const charges = [...order.shippingLines, ...order.feeLines].flatMap((c) =>
    c.lineId === undefined ? [] : [{ lineId: c.lineId, quantity: 0, total: c.total, tax: c.totalTax }],
  );
  const lines = [...goods, ...charges];
  const itemised = sum(
    order.currency,
    lines.map((l) => add(l.total, l.tax)),
  );
  // The order's own total is what was paid; the itemised sum can only differ by rounding.
  return { amount: itemised.amount === order.totals.total.amount ? itemised : order.totals.total, lines };
}

export const cancellationNote = (order: Order): string =>
  `We are sorry: none of the items in order ${order.number} can be shipped, so the order has been cancelled${order.payment.status === 'paid' ? ' and refunded in full' : ''}.`;

export interface UnroutableCancellation {
  refund?: { refundId: string; amount: Money };
  noteId: string;
}

export async function cancelUnroutable(
  saga: SagaOrder,
  io: StepIO,
  cancelled: readonly PlannedLine[],
): Promise<UnroutableCancellation> {
  const channel = io.deps.woo(saga.storeId);
  const { order } = saga;
  let refund: UnroutableCancellation['refund'];
  if (order.payment.status === 'paid') {
    const { amount, lines } = fullRefund(order);
    const reason = `${CANCELLED_LINES_MARKER} ${cancelled.map((l) => l.lineId).join(',')} at routing: order cancelled`;
    const refundId = await io.effects.run(`woo:refund:route:${saga.subject}`, {
      perform: () => channel.createRefund(saga.orderId, { amount, reason, lines, restock: false }),
      lookup: async () => (await channel.listRefunds(saga.orderId)).find((r) => r.reason === reason)?.id,
    });
    refund = { refundId, amount: money(amount.currency, amount.amount) };
  }
  // After the refund: a full refund moves a WooCommerce order to `refunded`; the order ends cancelled.
  await io.effects.run(`woo:cancel:${saga.subject}`, {
    perform: async () => {
      await channel.setOrderStatus(saga.orderId, 'cancelled');
      return true;
    },
  });
  // Idempotent: a retry finds the rows lapsed already.
  if (order.checkoutHoldId !== undefined)
    await lapseBasketHolds(io.db, saga.storeId, order.checkoutHoldId, io.deps.now());
  const note = cancellationNote(order);
  const noteId = await io.effects.run(`woo:note:${saga.subject}:cancelled`, {
    perform: () => channel.addOrderNote(saga.orderId, note, true),
    lookup: async () => (await channel.listOrderNotes(saga.orderId)).find((n) => n.note === note)?.id,
  });
  return { ...(refund === undefined ? {} : { refund }), noteId };
}
