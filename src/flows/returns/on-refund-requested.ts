/**
 * `refund.requested` (a refund created in WooCommerce, full or partial): becomes an ERP credit note
 * against the order's ERP sales order, once per refund; when the refund restocks goods, their
 * stock return follows (through `StockReturnPort`, when one is configured). Publishes
 * `refund.posted` and writes both effects on the order's timeline. A refund the saga made for lines
 * it cancelled gets no credit note: those units already left the ERP order.
 */
import { orderSubject, type EventData, type Refund } from '../../canonical/index.js';
import { recordTimelineEntries, type TimelineEntryInput } from '../../ops/timeline/record-entry.js';
import type { HandlerContext } from '../../runtime/contracts.js';
import { makeEvent } from '../../canonical/index.js';
import { isCancelledLineRefund } from '../order-to-cash/cancelled-line-refund.js';
import { lineRefund } from '../order-to-cash/line-refund.js';
import { loadSaga } from '../order-to-cash/saga-store.js';
import type { ReturnsDeps } from './ports.js';

/** The channel refund id from the Woo ingest's reason (`WooCommerce refund 726: …`), else the event id. */
export function refundIdOf(reason: string, fallback: string): string {
  return /^WooCommerce refund (\d+)/.exec(reason)?.[1] ?? fallback;
}

export async function onRefundRequested(
  ctx: HandlerContext<EventData<'refund.requested'>>,
  deps: ReturnsDeps,
): Promise<void> {
  const data = ctx.message.data;
  const subject = orderSubject(data.storeId, data.orderId);
  const now = (deps.clock ?? (() => new Date()))();
  const saga = await loadSaga(ctx.db, subject);
  const entry = (e: Omit<TimelineEntryInput, 'subject' | 'correlationId' | 'at'>): TimelineEntryInput => ({
    ...e,
    subject,
    correlationId: ctx.message.correlationId,
    at: now,
  });
  if (saga?.erp === undefined) {
    // Nothing was registered in the ERP (cancelled or never accepted): there is no invoice to credit.
    await recordTimelineEntries(ctx.db, [
      entry({
        kind: 'message',
        system: `woocommerce:${data.storeId}`,
        summary: `Refund of ${data.amount.amount} ${data.amount.currency} recorded; no ERP order to credit`,
      }),
    ]);
    return;
  }
  const erpOrderId = saga.erp.id;
  const refundId = refundIdOf(data.reason, ctx.message.id);
  if (isCancelledLineRefund(data.reason)) {
    // The saga took these units off the ERP order, so no invoice ever bills them: a credit note would credit them twice.
    await recordTimelineEntries(ctx.db, [
      entry({
        kind: 'decision',
        system: 'hub',
        summary: `Refund ${refundId} of ${data.amount.amount} ${data.amount.currency} is for lines the hub cancelled and took off the ERP order; no credit note`,
      }),
    ]);
    return;
  }
  const amounts = lineRefund(saga.order, data.lines);
  const refund: Refund = {
    id: `woocommerce:${data.storeId}:${refundId}`,
    orderSubject: subject,
    storeId: data.storeId,
    externalId: refundId,
    amount: data.amount,
    reason: data.reason,
    restock: data.restock,
    lines: amounts.lines.map((l) => ({
      lineId: l.lineId,
      ...(l.sku === undefined ? {} : { sku: l.sku }),
      quantity: l.quantity,
      amount: l.total,
      tax: l.tax,
    })),
    createdAt: ctx.message.occurredAt,
  };
  const creditNote = await ctx.effects.run(`erp:credit-note:${refund.id}`, {
    perform: () => deps.erp.createCreditNote(refund, erpOrderId),
  });
  const entries = [
    entry({
      kind: 'effect',
      system: deps.erp.system,
      summary: `Credit note ${creditNote.number} for refund ${refundId}: ${creditNote.total.amount} ${creditNote.total.currency}`,
    }),
  ];
  const restocked = data.lines.flatMap((l) =>
    l.sku === undefined ? [] : [{ sku: l.sku, quantity: l.quantity }],
  );
  if (data.restock && restocked.length > 0) {
    if (deps.stockReturns) {
      const stockReturn = deps.stockReturns;
      const result = await ctx.effects.run(`erp:stock-return:${refund.id}`, {
        perform: () =>
          stockReturn.returnStock({
            erpOrderId,
            storeId: data.storeId,
            orderId: data.orderId,
            lines: restocked,
            reference: refund.id,
          }),
      });
      entries.push(
        entry({
          kind: 'effect',
          system: deps.erp.system,
          summary: `Stock return ${result.id}: ${restocked.map((l) => `${l.quantity}× ${l.sku}`).join(', ')}`,
        }),
      );
    } else {
      entries.push(
        entry({
          kind: 'decision',
          system: 'hub',
          summary: `Restock of ${restocked.map((l) => `${l.quantity}× ${l.sku}`).join(', ')} needs a stock return in the ERP (no stock-return port configured)`,
        }),
      );
    }
  }
  await ctx.transaction(async (trx, publish) => {
    await recordTimelineEntries(trx, entries);
    await publish([
      makeEvent(
        'refund.posted',
        subject,
        ctx.message.partitionKey,
        { storeId: data.storeId, orderId: data.orderId, refund, creditNote },
        { trusted: true },
      ),
    ]);
  });
}
