/**
 * Every line of the order waited on backorder past `routing.backorderMaxDays` and nothing was
 * ever shipped: the goods were refunded line by line as they expired (`cancel-lines.ts`), so what
 * the customer still has paid for nothing is the rest — shipping and fees. That is refunded too
 * (with the cancelled-lines marker: no invoice exists, so the returns flow asks no credit note),
 * the channel order is cancelled with a note to the customer, and the warehouse requests and the
 * ERP order are cancelled and the reservations released (`cancel-order.ts`): the order ends
 * cancelled, as one that nothing could serve at routing does (`../cancel-unroutable.ts`). Each
 * effect once, under its own key.
 *
 * @example
 * ```ts
 * if (allShipped(cut.saga) && cut.saga.shipments.length === 0) return cancelExpiredOrder(cut.saga, io, 14);
 * ```
 */
import { add, compare, money, sub, sum } from '../../../canonical/index.js';
import { fullRefund } from '../cancel-unroutable.js';
import { CANCELLED_LINES_MARKER, withRefund } from '../cancelled-line-refund.js';
import type { StepIO, StepOutcome } from '../define-step.js';
import type { SagaOrder } from '../saga-state.js';
import { cancelOrder } from './cancel-order.js';

export const expiredOrderNote = (number: string, maxDays: number): string =>
  `We are sorry: the items in order ${number} could not be supplied within ${maxDays} days, so the order has been cancelled and refunded in full.`;

export async function cancelExpiredOrder(saga: SagaOrder, io: StepIO, maxDays: number): Promise<StepOutcome> {
  const { order } = saga;
  const channel = io.deps.woo(saga.storeId);
  const timeline: StepOutcome['timeline'] = [];
  let current = saga;
  if (order.payment.status === 'paid') {
    // What is left of the total after the lines' refunds; itemised as the charges when they add up
    // to it (they carry line ids in WooCommerce's orders), else refunded as an amount.
    const amount = sub(order.totals.total, money(order.currency, saga.amounts.refunded ?? '0'));
    const charges = fullRefund(order).lines.filter((l) => l.quantity === 0);
    const itemised = sum(
      order.currency,
      charges.map((l) => add(l.total, l.tax)),
    );
    const lines = compare(itemised, amount) === 0 ? charges : [];
    if (compare(amount, money(order.currency, '0')) > 0) {
      const reason = `${CANCELLED_LINES_MARKER} none after waiting ${maxDays} days on backorder: order cancelled`;
      const refundId = await io.effects.run(`woo:refund:expired:${saga.subject}`, {
        perform: () => channel.createRefund(saga.orderId, { amount, reason, lines, restock: false }),
        lookup: async () => (await channel.listRefunds(saga.orderId)).find((r) => r.reason === reason)?.id,
      });
      current = { ...current, amounts: withRefund(current.amounts, amount) };
      timeline.push({
        kind: 'effect',
        system: `woocommerce:${saga.storeId}`,
        summary: `Shipping and fees refunded: ${amount.amount} ${amount.currency} (refund ${refundId})`,
      });
    }
  }
  await io.effects.run(`woo:cancel:${saga.subject}`, {
    perform: async () => {
      await channel.setOrderStatus(saga.orderId, 'cancelled');
      return true;
    },
  });
  const note = expiredOrderNote(order.number, maxDays);
  await io.effects.run(`woo:note:${saga.subject}:cancelled`, {
    perform: () => channel.addOrderNote(saga.orderId, note, true),
    lookup: async () => (await channel.listOrderNotes(saga.orderId)).find((n) => n.note === note)?.id,
  });
  timeline.push({
    kind: 'effect',
    system: `woocommerce:${saga.storeId}`,
    summary: 'Order cancelled in WooCommerce with a note to the customer',
  });
  const cancelled = await cancelOrder(current, io, {
    by: 'system',
    reason: `nothing could be supplied within ${maxDays} days (routing.backorderMaxDays)`,
  });
  return {
    ...cancelled,
    saga:
      cancelled.saga.state === 'cancelled'
        ? {
            ...cancelled.saga,
            order: { ...cancelled.saga.order, status: 'cancelled', channelStatus: 'cancelled' },
          }
        : cancelled.saga,
    timeline: [...timeline, ...cancelled.timeline],
  };
}
