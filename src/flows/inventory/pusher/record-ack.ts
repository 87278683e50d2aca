import type { Kysely } from 'kysely';
import { skuSubject } from '../../../canonical/index.js';
import { recordTimelineEntries, type TimelineEntryInput } from '../../../ops/timeline/index.js';
import type { Database } from '../../../store/schema.js';
import { deletePending } from './delete-pending.js';
import type { PropagationHistogram } from './lag-metrics.js';

export interface AckedPush {
  sku: string;
  quantity: number;
  changedAt: string;
  /** The pending row's `queued_at` that was sent: a newer value queued meanwhile stays queued. */
  queuedAt: string;
}

/**
 * Records that a store acknowledged pushed quantities: the acked table (what the store now shows),
 * the lag histogram, a SKU timeline entry each, and removes the pending rows that were sent
 * unless a newer value replaced them meanwhile.
 *
 * @example
 * ```ts
 * await recordAcks(db, lag, 'eu', [{ sku: 'MUG', quantity: 7, changedAt, queuedAt }]);
 * ```
 */
export async function recordAcks(
  db: Kysely<Database>,
  lag: PropagationHistogram,
  storeId: string,
  acks: readonly AckedPush[],
  now = new Date(),
): Promise<void> {
  if (acks.length === 0) return;
  const at = now.toISOString();
  const timeline: TimelineEntryInput[] = [];
  await db.transaction().execute(async (trx) => {
    for (const ack of acks) {
      await trx
        .insertInto('stock_push_acked')
        .values({
          store_id: storeId,
          sku: ack.sku,
          quantity: ack.quantity,
          changed_at: ack.changedAt,
          acked_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['store_id', 'sku'])
            .doUpdateSet({ quantity: ack.quantity, changed_at: ack.changedAt, acked_at: at }),
        )
        .execute();
      await deletePending(trx, storeId, ack.sku, ack.queuedAt);
      const seconds = Math.max(0, (now.getTime() - Date.parse(ack.changedAt)) / 1000);
      lag.observe({ store: storeId }, seconds);
      timeline.push({
        subject: skuSubject(ack.sku),
        kind: 'effect',
        system: `woocommerce:${storeId}`,
        summary: `Stock ${ack.quantity} acknowledged by ${storeId} (${seconds.toFixed(2)} s after the ERP change)`,
        data: { storeId, quantity: ack.quantity, changedAt: ack.changedAt, ackedAt: at, lagSeconds: seconds },
        at: now,
      });
    }
    await recordTimelineEntries(trx, timeline);
  });
}
