/**
 * The fulfilment `reference` the hub gives the WMS carries the order's partition key, so a webhook
 * can be put in its order's queue without a database lookup: `<partitionKey>/<fulfilmentRequestId>`,
 * e.g. `orders.eu.727/ff-eu-727-main-1`. Partition keys never contain `/` (store ids are
 * `[a-z0-9-]+`), so the first `/` separates the two parts.
 *
 * @example
 * ```ts
 * wmsReference('orders.eu.727', 'ff-1');          // 'orders.eu.727/ff-1'
 * parseWmsReference('orders.eu.727/ff-1');         // { partitionKey: 'orders.eu.727', fulfilmentRequestId: 'ff-1', orderSubject: 'order:eu:727' }
 * ```
 */
import { orderSubject } from '../../canonical/ids.js';

export interface ParsedReference {
  partitionKey: string;
  fulfilmentRequestId: string | undefined;
  /** `order:<store>:<id>` when the partition key is an order's; undefined for foreign references. */
  orderSubject: string | undefined;
}

export function wmsReference(partitionKey: string, fulfilmentRequestId: string): string {
  return `${partitionKey}/${fulfilmentRequestId}`;
}

const ORDER_KEY = /^orders\.([a-z0-9-]+)\.([^/]+)$/;

/**
 * Reads a reference back. A reference the hub did not write (an order keyed in by hand in the WMS)
 * gets its own partition `wms.<warehouse>.<reference>` so it is still stored and ordered.
 */
export function parseWmsReference(reference: string, warehouseId: string): ParsedReference {
  const slash = reference.indexOf('/');
  const key = slash === -1 ? reference : reference.slice(0, slash);
  const match = ORDER_KEY.exec(key);
  if (!match) return { partitionKey: `wms.${warehouseId}.${reference}`, fulfilmentRequestId: undefined, orderSubject: undefined };
  return {
    partitionKey: key,
    fulfilmentRequestId: slash === -1 ? undefined : reference.slice(slash + 1),
    orderSubject: orderSubject(match[1] as string, match[2] as string),
  };
}
