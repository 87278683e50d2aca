/**
 * One poll of each ERP change feed: read since the durable cursor, publish canonical events
 * through the runtime, then move the cursor. Publishing first means a crash in between repeats
 * the page (delivered twice, never lost); consumers key on SKU/order and are idempotent.
 * Works with any ErpPort — the Odoo specifics live in the port's `read*Changes`.
 *
 * @example
 * ```ts
 * const { published } = await pollStockOnce({ erp, cursors: runtime.cursors, publish: runtime.publish, locations: ['main'] });
 * ```
 */
import {
  makeEvent,
  orderSubject,
  productPartitionKey,
  productSubject,
  skuPartitionKey,
  skuSubject,
  orderPartitionKey,
  type Shipment,
} from '../../../canonical/index.js';
import type { Cursors, EventInput, Publish } from '../../../runtime/contracts.js';
import type { ChangePage, ErpDelivery, ErpPort } from '../../erp.js';

export interface FeedDeps {
  erp: ErpPort;
  cursors: Cursors;
  publish: Publish;
}

export interface PollResult {
  /** Events published by this poll. */
  published: number;
  cursor: string;
}

async function pollOnce<T>(
  deps: FeedDeps,
  feed: string,
  read: (cursor: string | undefined) => Promise<ChangePage<T>>,
  toEvents: (change: T) => EventInput[],
): Promise<PollResult> {
  const name = `${deps.erp.system}:${feed}`;
  const page = await read(await deps.cursors.get(name));
  const events = page.changes.flatMap(toEvents);
  if (events.length > 0) await deps.publish(events);
  await deps.cursors.set(name, page.cursor);
  return { published: events.length, cursor: page.cursor };
}

/** `stock.changed` per (SKU, location) whose quants changed at `locations` (hub location ids). */
export function pollStockOnce(deps: FeedDeps & { locations: readonly string[] }): Promise<PollResult> {
  const source = deps.erp.system;
  return pollOnce(
    deps,
    'stock',
    (c) => deps.erp.readStockChanges(c, deps.locations),
    (position) => [
      makeEvent(
        'stock.changed',
        skuSubject(position.sku),
        skuPartitionKey(position.sku),
        { position, changedAt: position.asOf },
        { source },
      ),
    ],
  );
}

/** `price.changed` per SKU and price list. */
export function pollPricesOnce(deps: FeedDeps): Promise<PollResult> {
  const source = deps.erp.system;
  return pollOnce(
    deps,
    'prices',
    (c) => deps.erp.readPriceChanges(c),
    (price) => [
      makeEvent(
        'price.changed',
        productSubject(price.sku),
        productPartitionKey(price.sku),
        { source, price },
        { source },
      ),
    ],
  );
}

/** `product.changed` per SKU. */
export function pollProductsOnce(deps: FeedDeps): Promise<PollResult> {
  const source = deps.erp.system;
  return pollOnce(
    deps,
    'products',
    (c) => deps.erp.readProductChanges(c),
    (product) => [
      makeEvent(
        'product.changed',
        productSubject(product.sku),
        productPartitionKey(product.sku),
        { source, product },
        { source },
      ),
    ],
  );
}

/** The shipment a done ERP delivery of a hub order stands for; undefined for anything else. */
export function shipmentOfDelivery(delivery: ErpDelivery, source: string): Shipment | undefined {
  if (delivery.state !== 'done' || !delivery.channelOrder) return undefined;
  const lines = delivery.lines
    .filter((l) => l.done >= 1 && l.sku)
    .map((l) => ({ sku: l.sku, quantity: Math.floor(l.done) }));
  if (lines.length === 0) return undefined;
  const shipment: Shipment = {
    id: `${source}:picking:${delivery.erpPickingId}`,
    orderSubject: orderSubject(delivery.channelOrder.storeId, delivery.channelOrder.orderId),
    location: delivery.location ?? 'unknown',
    carrier: delivery.carrier ?? 'unknown',
    lines,
    shippedAt: delivery.doneAt ?? new Date().toISOString(),
  };
  if (delivery.trackingNumber) shipment.trackingNumber = delivery.trackingNumber;
  return shipment;
}

/** `shipment.confirmed` for each delivery of a hub order that Odoo marked done. */
export function pollDeliveriesOnce(deps: FeedDeps): Promise<PollResult> {
  const source = deps.erp.system;
  return pollOnce(
    deps,
    'deliveries',
    (c) => deps.erp.readDeliveryChanges(c),
    (delivery) => {
      const shipment = shipmentOfDelivery(delivery, source);
      if (!shipment || !delivery.channelOrder) return [];
      const { storeId, orderId } = delivery.channelOrder;
      return [
        makeEvent(
          'shipment.confirmed',
          shipment.orderSubject,
          orderPartitionKey(storeId, orderId),
          { storeId, orderId, shipment },
          { source },
        ),
      ];
    },
  );
}
