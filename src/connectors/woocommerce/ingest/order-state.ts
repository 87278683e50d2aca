/**
 * What the connector remembers per order: the last published state's per-field hashes (to list
 * what an update changed) and the refund ids already requested. Read and written inside the
 * handler's transaction, so the memory and the events it caused commit together.
 *
 * @example
 * ```ts
 * const { state, refunds } = await readOrderState(trx, 'eu', '727');
 * await writeOrderState(trx, 'eu', '727', { status: 'processing', fields: fieldHashes(order), modifiedGmt }, ['726'], now);
 * ```
 */
import { createHash } from 'node:crypto';
import type { Order } from '../../../canonical/models/order.js';
import type { Db, Trx } from '../../../runtime/contracts.js';

export interface OrderState {
  status: string;
  fields: Record<string, string>;
  modifiedGmt: string;
}

/** A short hash per top-level Order field; `modifiedAt` is left out (it changes with everything). */
export function fieldHashes(order: Order): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const [key, value] of Object.entries(order)) {
    if (key === 'modifiedAt') continue;
    hashes[key] = createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
  }
  return hashes;
}

/** Fields whose hash differs (or that appeared / disappeared), sorted. */
export function changedFields(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).sort();
}

export async function readOrderState(
  db: Db | Trx,
  storeId: string,
  orderId: string,
): Promise<{ state: OrderState | undefined; refunds: Set<string> }> {
  const row = await db
    .selectFrom('woo_orders_seen')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  const refunds = await db
    .selectFrom('woo_order_refunds_seen')
    .select('refund_id')
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .execute();
  return {
    state: row
      ? {
          status: row.status,
          fields: JSON.parse(row.fields_json) as Record<string, string>,
          modifiedGmt: row.modified_gmt,
        }
      : undefined,
    refunds: new Set(refunds.map((r) => r.refund_id)),
  };
}

export async function writeOrderState(
  trx: Trx,
  storeId: string,
  orderId: string,
  state: OrderState,
  newRefundIds: readonly string[],
  now: string,
): Promise<void> {
  const values = {
    status: state.status,
    fields_json: JSON.stringify(state.fields),
    modified_gmt: state.modifiedGmt,
    updated_at: now,
  };
  await trx
    .insertInto('woo_orders_seen')
    .values({ store_id: storeId, order_id: orderId, ...values })
    .onConflict((oc) => oc.columns(['store_id', 'order_id']).doUpdateSet(values))
    .execute();
  if (newRefundIds.length > 0) {
    await trx
      .insertInto('woo_order_refunds_seen')
      .values(
        newRefundIds.map((refundId) => ({
          store_id: storeId,
          order_id: orderId,
          refund_id: refundId,
          seen_at: now,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
