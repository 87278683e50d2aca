/**
 * The runtime handler for inbound `woocommerce.order` messages (webhook, poll and backfill alike):
 * validates the raw body, maps it to canonical and publishes, in one transaction with the
 * connector's memory of the order:
 * - `order.received` the first time an order is seen;
 * - `order.updated` with the changed fields when a later state differs;
 * - `order.cancelled` when it moves into `cancelled` (or is trashed: `order.deleted`);
 * - `refund.requested` for each refund id not seen before on that order (refunds only ever arrive
 *   as `order.updated`).
 * The inbox's version rule has already dropped older states, so this never regresses an order.
 *
 * @example
 * ```ts
 * registerWooIngest(runtime, { stores: config.stores, clients: (id) => clients.get(id) });
 * await runtime.start();
 * ```
 */
import { Compile } from 'typebox/compile';
import type { EventInput, Handler, HandlerContext } from '../../runtime/contracts.js';
import { PermanentError, TransientError } from '../../runtime/errors.js';
import { orderPartitionKey, orderSubject } from '../../canonical/ids.js';
import { OrderSchema, type Order } from '../../canonical/models/order.js';
import type { WooClient } from './client.js';
import { wooOrderToCanonical } from './mapping/order.js';
import { newRefunds, refundRequested } from './mapping/refund.js';
import { WooOrderSchema, WooRefundSchema, type WooOrder, type WooRefund } from './wc-schema.js';
import { changedFields, fieldHashes, readOrderState, writeOrderState } from './ingest/order-state.js';
import { inboundData, parseJson, storeIdOf, validate } from './ingest/parse-inbound.js';
import { registerCatalogueIngest } from './ingest/catalogue-handlers.js';
import type { WooStoreConfig } from './types.js';
import { VIA_HEADER } from './inbound.js';

const checkWooOrder = Compile(WooOrderSchema);
const checkOrder = Compile(OrderSchema);
const checkRefund = Compile(WooRefundSchema);

export { VIA_HEADER };

export interface WooIngestOptions {
  stores: readonly Pick<WooStoreConfig, 'id' | 'currency'>[];
  /** When given, itemised refunds are fetched so `refund.requested` carries lines and restock. */
  clients?: (storeId: string) => WooClient | undefined;
}

async function refundDetails(
  ctx: HandlerContext,
  client: WooClient | undefined,
  orderId: number,
): Promise<Map<number, WooRefund>> {
  if (client === undefined) return new Map();
  try {
    const list = await client.listRefunds<unknown>(orderId);
    return new Map(list.filter((r): r is WooRefund => checkRefund.Check(r)).map((r) => [r.id, r]));
  } catch (error) {
    if (error instanceof TransientError) throw error;
    ctx.log.warn({ err: error, orderId }, 'itemised refunds unavailable; requesting amount-only refunds');
    return new Map();
  }
}

function cancellation(
  storeId: string,
  order: Pick<Order, 'externalId' | 'payment'>,
  reason: string,
): EventInput {
  return {
    type: 'order.cancelled',
    subject: orderSubject(storeId, order.externalId),
    partitionKey: orderPartitionKey(storeId, order.externalId),
    data: {
      storeId,
      orderId: order.externalId,
      reason,
      by: order.payment.status === 'voided' ? 'payment' : 'merchant',
    },
  };
}

/** `order.deleted` carries only `{ id }`: the order went to the trash. */
async function handleTrashed(ctx: HandlerContext, storeId: string, payload: unknown): Promise<void> {
  const id = typeof payload === 'object' && payload !== null ? (payload as { id?: unknown }).id : undefined;
  if (typeof id !== 'number')
    throw new PermanentError(`order.deleted without an id in message ${ctx.message.id}`, {
      code: 'invalid_woocommerce_order',
      system: ctx.message.source,
    });
  const orderId = String(id);
  await ctx.transaction(async (trx, publish) => {
    const { state } = await readOrderState(trx, storeId, orderId);
    if (state === undefined || state.status === 'trash' || state.status === 'cancelled') return;
    await writeOrderState(trx, storeId, orderId, { ...state, status: 'trash' }, [], new Date().toISOString());
    await publish([
      cancellation(
        storeId,
        { externalId: orderId, payment: { status: 'pending' } },
        'Order moved to the trash in WooCommerce',
      ),
    ]);
  });
}

export function createWooOrderIngestHandler(options: WooIngestOptions): Handler {
  const stores = new Map(options.stores.map((s) => [s.id, s]));
  return async (ctx) => {
    const storeId = storeIdOf(ctx.message);
    if (!stores.has(storeId))
      throw new PermanentError(`store "${storeId}" is not configured`, {
        code: 'store_not_configured',
        system: ctx.message.source,
      });
    const { body, headers } = inboundData(ctx.message);
    const payload = parseJson(ctx.message, body);
    if (headers['x-wc-webhook-topic'] === 'order.deleted') return handleTrashed(ctx, storeId, payload);

    const woo = validate<WooOrder>(ctx.message, checkWooOrder, payload, 'woocommerce order');
    const order = wooOrderToCanonical(woo, { storeId });
    validate<Order>(ctx.message, checkOrder, order, 'canonical order');
    const orderId = order.externalId;
    const subject = orderSubject(storeId, orderId);
    const partitionKey = orderPartitionKey(storeId, orderId);
    const fields = fieldHashes(order);

    // Network before the transaction: fetch itemised refunds only when there is a new one.
    const before = await readOrderState(ctx.db, storeId, orderId);
    const pending = newRefunds(woo, before.refunds);
    const details =
      pending.length > 0
        ? await refundDetails(ctx, options.clients?.(storeId), woo.id)
        : new Map<number, WooRefund>();

    await ctx.transaction(async (trx, publish) => {
      const { state, refunds } = await readOrderState(trx, storeId, orderId);
      const events: EventInput[] = [];
      if (state === undefined) {
        const via =
          headers[VIA_HEADER] === 'poll' ? 'poll' : headers[VIA_HEADER] === 'replay' ? 'replay' : 'webhook';
        events.push({ type: 'order.received', subject, partitionKey, data: { order, via } });
      } else {
        const changed = changedFields(state.fields, fields);
        // Restored from the trash: the saga saw it cancelled, so say the status changed even if
        // the order is otherwise exactly as before it was trashed.
        if (state.status === 'trash' && !changed.includes('status')) changed.push('status');
        if (changed.length > 0)
          events.push({ type: 'order.updated', subject, partitionKey, data: { order, changed } });
        if (order.status === 'cancelled' && state.status !== 'cancelled' && state.status !== 'trash') {
          events.push(cancellation(storeId, order, `Order cancelled in WooCommerce (was ${state.status})`));
        }
      }
      const fresh = newRefunds(woo, refunds);
      for (const ref of fresh) {
        events.push({
          type: 'refund.requested',
          subject,
          partitionKey,
          data: refundRequested(storeId, woo, ref, details.get(ref.id)),
        });
      }
      await writeOrderState(
        trx,
        storeId,
        orderId,
        { status: woo.status, fields, modifiedGmt: woo.date_modified_gmt },
        fresh.map((r) => String(r.id)),
        new Date().toISOString(),
      );
      if (events.length > 0) await publish(events);
      ctx.log.debug(
        { store: storeId, orderId, events: events.map((e) => e.type) },
        'woocommerce order ingested',
      );
    });
  };
}

/** Consumer names are durable: keep them stable. */
export const WOO_ORDER_CONSUMER = 'woocommerce-order-ingest';

/**
 * Subscribes the WooCommerce ingest handlers: orders (above) and products/customers
 * (`product.changed`, `price.changed`, `customer.changed`).
 */
export function registerWooIngest(
  runtime: { subscribe(consumer: string, types: string[], handler: Handler): void },
  options: WooIngestOptions,
): void {
  runtime.subscribe(WOO_ORDER_CONSUMER, ['woocommerce.order'], createWooOrderIngestHandler(options));
  registerCatalogueIngest(runtime, options);
}
