/**
 * `return.received` (goods back at a warehouse): asks WooCommerce to record the refund for the
 * returned units — line totals and tax pro rata, no gateway refund (`api_refund: false`) — once
 * per warehouse return. WooCommerce's own refund notification then comes back as
 * `refund.requested` and becomes the ERP credit note.
 */
import { orderSubject } from '../../canonical/index.js';
import type { ReturnReceivedData } from '../../connectors/wms/ingest-handler.js';
import { recordTimelineEntries } from '../../ops/timeline/record-entry.js';
import type { HandlerContext } from '../../runtime/contracts.js';
import { BusinessError } from '../../runtime/errors.js';
import { lineRefund } from '../order-to-cash/line-refund.js';
import { loadSaga } from '../order-to-cash/saga-store.js';
import type { ReturnsDeps } from './ports.js';

/** Matches returned SKUs to order lines, never more units than a line had. */
export function returnedLines(
  order: { lines: { lineId: string; sku?: string; quantity: number }[] },
  returned: ReturnReceivedData['lines'],
) {
  const left = new Map(order.lines.map((l) => [l.lineId, l.quantity]));
  const lines: { lineId: string; quantity: number }[] = [];
  const unmatched: string[] = [];
  for (const item of returned) {
    let want = item.quantity;
    for (const line of order.lines.filter((l) => l.sku === item.sku)) {
      const take = Math.min(want, left.get(line.lineId) ?? 0);
      if (take === 0) continue;
      lines.push({ lineId: line.lineId, quantity: take });
      left.set(line.lineId, (left.get(line.lineId) ?? 0) - take);
      want -= take;
    }
    if (want > 0) unmatched.push(`${want}× ${item.sku}`);
  }
  return { lines, unmatched };
}

export async function onReturnReceived(
  ctx: HandlerContext<ReturnReceivedData>,
  deps: ReturnsDeps,
): Promise<void> {
  const data = ctx.message.data;
  const subject = orderSubject(data.storeId, data.orderId);
  const saga = await loadSaga(ctx.db, subject);
  if (saga === undefined)
    throw new BusinessError(`return ${data.wmsReturnId} for an order the hub does not know (${subject})`, {
      code: 'unknown_order',
      system: `wms:${data.location}`,
    });
  const { lines, unmatched } = returnedLines(saga.order, data.lines);
  if (unmatched.length > 0)
    throw new BusinessError(
      `return ${data.wmsReturnId} holds goods not on the order: ${unmatched.join(', ')}`,
      { code: 'return_mismatch', system: `wms:${data.location}` },
    );
  const refund = lineRefund(saga.order, lines);
  const reason = `Return ${data.wmsReturnId} received at ${data.location}`;
  const channel = deps.woo(data.storeId);
  const refundId = await ctx.effects.run(`woo:refund:return:${data.location}:${data.wmsReturnId}`, {
    perform: () =>
      channel.createRefund(data.orderId, {
        amount: refund.amount,
        reason,
        lines: refund.lines,
        restock: false,
      }),
    lookup: async () => (await channel.listRefunds(data.orderId)).find((r) => r.reason === reason)?.id,
  });
  const at = (deps.clock ?? (() => new Date()))();
  await recordTimelineEntries(ctx.db, [
    {
      subject,
      kind: 'message',
      system: `wms:${data.location}`,
      summary: `Return ${data.wmsReturnId} received: ${data.lines.map((l) => `${l.quantity}× ${l.sku} (${l.condition})`).join(', ')}`,
      correlationId: ctx.message.correlationId,
      at,
    },
    {
      subject,
      kind: 'effect',
      system: `woocommerce:${data.storeId}`,
      summary: `Refund ${refundId} of ${refund.amount.amount} ${refund.amount.currency} requested`,
      correlationId: ctx.message.correlationId,
      at,
    },
  ]);
}
