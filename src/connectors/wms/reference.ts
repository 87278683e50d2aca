/**
 * The fulfilment `reference` the hub gives the WMS carries the order, so a webhook can be put in
 * its order's queue without a database lookup. Two spellings are understood:
 * - the saga's `WC-<store>-<order>[/<location>/<attempt>]` (numeric WooCommerce order ids; the
 *   ERP's `client_order_ref` is the part before the first `/`), the whole string being the
 *   fulfilment request id;
 * - `<partitionKey>/<fulfilmentRequestId>`, e.g. `orders.eu.727/ff-1` (what `toWmsFulfilmentRequest`
 *   writes for a canonical FulfilmentRequest).
 *
 * @example
 * ```ts
 * wmsReference('orders.eu.727', 'ff-1');          // 'orders.eu.727/ff-1'
 * parseWmsReference('orders.eu.727/ff-1', 'main'); // { partitionKey: 'orders.eu.727', fulfilmentRequestId: 'ff-1', orderSubject: 'order:eu:727' }
 * parseWmsReference('WC-eu-727/main/1', 'main');   // { partitionKey: 'orders.eu.727', fulfilmentRequestId: 'WC-eu-727/main/1', orderSubject: 'order:eu:727' }
 * ```
 */
import { orderPartitionKey, orderSubject } from '../../canonical/ids.js';

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
const CHANNEL_REF = /^WC-([a-z0-9-]+)-(\d+)(?:\/.*)?$/;

/**
 * Reads a reference back. A reference the hub did not write (an order keyed in by hand in the WMS)
 * gets its own partition `wms.<warehouse>.<reference>` so it is still stored and ordered.
 */
export function parseWmsReference(reference: string, warehouseId: string): ParsedReference {
  const channel = CHANNEL_REF.exec(reference);
  if (channel) {
    const [storeId, orderId] = [channel[1] as string, channel[2] as string];
    return {
      partitionKey: orderPartitionKey(storeId, orderId),
      fulfilmentRequestId: reference,
      orderSubject: orderSubject(storeId, orderId),
    };
  }
  const slash = reference.indexOf('/');
  const key = slash === -1 ? reference : reference.slice(0, slash);
  const match = ORDER_KEY.exec(key);
  if (!match)
    return {
      partitionKey: `wms.${warehouseId}.${reference}`,
      fulfilmentRequestId: undefined,
      orderSubject: undefined,
    };
  return {
    partitionKey: key,
    fulfilmentRequestId: slash === -1 ? undefined : reference.slice(slash + 1),
    orderSubject: orderSubject(match[1] as string, match[2] as string),
  };
}
