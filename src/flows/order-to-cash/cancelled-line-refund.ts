/**
 * The channel refund for lines the hub cancels (no location can serve them), whether at the first
 * routing or after a warehouse failed them: each line's total and tax pro rata, recorded in
 * WooCommerce without a gateway refund, once per reason (the effect ledger's key, and the lookup
 * after a crash). The reason carries a marker so the returns flow knows the ERP order already lost
 * these units and issues no credit note for them.
 *
 * @example
 * ```ts
 * const { refundId, amount } = await refundCancelledLines(saga, io, lines, 'at routing', `woo:refund:route:${saga.subject}`);
 * isCancelledLineRefund(`WooCommerce refund 7: ${CANCELLED_LINES_MARKER} 2 at routing`); // true
 * ```
 */
import { add, money, type Money } from '../../canonical/index.js';
import type { StepIO } from './define-step.js';
import { lineRefund } from './line-refund.js';
import type { Amounts, PlannedLine, SagaOrder } from './saga-state.js';

export const CANCELLED_LINES_MARKER = 'Hub: cancelled unfulfillable line(s)';

export function isCancelledLineRefund(reason: string | undefined): boolean {
  return reason?.includes(CANCELLED_LINES_MARKER) ?? false;
}

export async function refundCancelledLines(
  saga: SagaOrder,
  io: StepIO,
  lines: readonly PlannedLine[],
  where: string,
  key: string,
): Promise<{ refundId: string; amount: Money }> {
  const refund = lineRefund(saga.order, lines);
  const reason = `${CANCELLED_LINES_MARKER} ${lines.map((l) => l.lineId).join(',')} ${where}`;
  const channel = io.deps.woo(saga.storeId);
  const refundId = await io.effects.run(key, {
    perform: () =>
      channel.createRefund(saga.orderId, {
        amount: refund.amount,
        reason,
        lines: refund.lines,
        restock: false,
      }),
    lookup: async () => (await channel.listRefunds(saga.orderId)).find((r) => r.reason === reason)?.id,
  });
  return { refundId, amount: refund.amount };
}

/** Amounts after a hub refund: `refunded` is what the ERP order no longer carries. */
export function withRefund(amounts: Amounts, amount: Money): Amounts {
  return { ...amounts, refunded: add(money(amount.currency, amounts.refunded ?? '0'), amount).amount };
}
