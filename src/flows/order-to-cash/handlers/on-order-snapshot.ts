/**
 * `order.received` / `order.updated`: the channel's latest view of the order. A new order starts
 * the saga; an older snapshot than the one kept is ignored (out-of-order webhooks); a voided
 * payment or a cancelled channel status cancels; a material edit goes to `applyEdit`; anything
 * else refreshes the kept order (a payment arriving releases `awaiting_payment`, a COD payment
 * releases settlement). Then the saga advances.
 */
import type { Order } from '../../../canonical/index.js';
import { orderSubject } from '../../../canonical/index.js';
import type { HandlerContext } from '../../../runtime/contracts.js';
import { recordTimelineEntry } from '../../../ops/timeline/record-entry.js';
import { advance } from '../advance.js';
import { applyEdit, isMaterialEdit } from '../compensations/apply-edit.js';
import { cancelOrder } from '../compensations/cancel-order.js';
import type { StepDeps, StepOutcome } from '../define-step.js';
import { commit, stepIO } from '../run-step.js';
import { insertSaga, loadSaga } from '../saga-store.js';

export async function onOrderSnapshot(ctx: HandlerContext<{ order: Order }>, deps: StepDeps): Promise<void> {
  const incoming = ctx.message.data.order;
  const subject = orderSubject(incoming.storeId, incoming.externalId);
  const now = deps.now();
  let saga = await loadSaga(ctx.db, subject);
  const system = `woocommerce:${incoming.storeId}`;
  if (saga === undefined) {
    saga = await ctx.transaction(async (trx) => {
      const created = await insertSaga(
        trx,
        {
          subject,
          storeId: incoming.storeId,
          orderId: incoming.externalId,
          state: 'received',
          since: now.toISOString(),
          order: incoming,
          fulfilments: [],
          shipments: [],
          amounts: { currency: incoming.currency, channelTotal: incoming.totals.total.amount },
        },
        now,
      );
      await recordTimelineEntry(trx, {
        subject,
        kind: 'message',
        system,
        summary: `Order #${incoming.number} received (${incoming.totals.total.amount} ${incoming.currency}, ${incoming.lines.length} line(s), payment ${incoming.payment.status})`,
        correlationId: ctx.message.correlationId,
        at: now,
      });
      return created;
    });
    await advance(ctx, saga, deps);
    return;
  }
  if (incoming.modifiedAt < saga.order.modifiedAt) {
    await recordTimelineEntry(ctx.db, {
      subject,
      kind: 'message',
      system,
      summary: `Ignored an older copy of the order (modified ${incoming.modifiedAt})`,
      correlationId: ctx.message.correlationId,
      at: now,
    });
    return;
  }
  const io = stepIO(ctx, deps);
  let outcome: StepOutcome;
  if (incoming.payment.status === 'voided' && saga.order.payment.status !== 'voided') {
    outcome = await cancelOrder({ ...saga, order: incoming }, io, {
      by: 'payment',
      reason: 'Payment voided',
    });
  } else if (incoming.status === 'cancelled' && saga.state !== 'cancelled') {
    outcome = await cancelOrder({ ...saga, order: incoming }, io, {
      by: 'customer',
      reason: 'Order cancelled in WooCommerce',
    });
  } else if (isMaterialEdit(saga.order, incoming)) {
    outcome = await applyEdit(saga, incoming, io);
  } else {
    const changes = [
      saga.order.payment.status !== incoming.payment.status ? `payment ${incoming.payment.status}` : '',
      saga.order.channelStatus !== incoming.channelStatus ? `status ${incoming.channelStatus}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    outcome = {
      saga: { ...saga, order: incoming },
      timeline:
        changes === ''
          ? []
          : [{ kind: 'message', system, summary: `Order updated in WooCommerce: ${changes}` }],
      events: [],
    };
  }
  saga = await commit(ctx, saga, outcome, now);
  await advance(ctx, saga, deps);
}
