/**
 * A drop-ship supplier's stock feed: reads its stock-level changes (`GET /v1/stock-levels`) from a
 * durable cursor and publishes each SKU's latest level as `stock.changed` at the supplier's
 * location, so the inventory flow counts it for the stores the supplier serves. The cursor moves
 * after the events are published; a crash in between republishes positions the projector already
 * has, which it ignores (it keeps the newer `asOf`).
 *
 * @example
 * ```ts
 * const poller = createSupplierStockPoller({ supplierId: 'acme', client: connectors.wms('acme'), cursors, publish });
 * await poller.pollOnce(); // { published: 12, cursor: 40 }
 * ```
 */
import { makeEvent, skuPartitionKey, skuSubject, type StockPosition } from '../../canonical/index.js';
import type { Cursors, Publish } from '../../runtime/contracts.js';
import type { WmsClient } from './client.js';

export interface SupplierStockPollerOptions {
  supplierId: string;
  client: Pick<WmsClient, 'listStockLevels'>;
  cursors: Cursors;
  publish: Publish;
  pageSize?: number;
  /** Pages per run at most, so one run cannot monopolise the worker after a long outage. */
  maxPages?: number;
}

export function createSupplierStockPoller(options: SupplierStockPollerOptions): {
  pollOnce(): Promise<{ published: number; cursor: number }>;
} {
  const cursorName = `wms:${options.supplierId}:stock`;
  const source = `supplier:${options.supplierId}`;
  return {
    async pollOnce() {
      let after = Number((await options.cursors.get(cursorName)) ?? '0');
      let published = 0;
      for (let page = 0; page < (options.maxPages ?? 20); page += 1) {
        const { data, next, hasMore } = await options.client.listStockLevels(after, options.pageSize ?? 500);
        // Only the latest level of a SKU matters.
        const latest = new Map<string, (typeof data)[number]>();
        for (const change of data) latest.set(change.sku, change);
        const events = [...latest.values()].map((change) => {
          const position: StockPosition = {
            sku: change.sku,
            location: options.supplierId,
            onHand: change.onHand,
            reserved: 0,
            available: change.onHand,
            asOf: change.changedAt,
            source,
          };
          return makeEvent(
            'stock.changed',
            skuSubject(change.sku),
            skuPartitionKey(change.sku),
            { position, changedAt: change.changedAt },
            { source },
          );
        });
        if (events.length > 0) await options.publish(events);
        published += events.length;
        if (next !== after) await options.cursors.set(cursorName, String(next));
        after = next;
        if (!hasMore) break;
      }
      return { published, cursor: after };
    },
  };
}
