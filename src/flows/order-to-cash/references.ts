/**
 * The reference the hub gives a fulfilment request, also its idempotency key at the warehouse:
 * `WC-<store>-<order>/<location>/<attempt>`. Returns sent to a warehouse carry the order's own
 * reference `WC-<store>-<order>` (the ERP's `client_order_ref`). Parsing it back is how a
 * warehouse event finds its order.
 *
 * @example
 * ```ts
 * fulfilmentReference('eu', '1001', 'main', 1); // 'WC-eu-1001/main/1'
 * parseWarehouseReference('WC-eu-1001/main/1'); // { storeId: 'eu', orderId: '1001', location: 'main', attempt: 1 }
 * parseWarehouseReference('WC-eu-1001');        // { storeId: 'eu', orderId: '1001' }
 * ```
 */
export const orderReference = (storeId: string, orderId: string): string => `WC-${storeId}-${orderId}`;

export const fulfilmentReference = (
  storeId: string,
  orderId: string,
  location: string,
  attempt: number,
): string => `${orderReference(storeId, orderId)}/${location}/${attempt}`;

export interface WarehouseReference {
  storeId: string;
  orderId: string;
  location?: string;
  attempt?: number;
}

const PATTERN = /^WC-([a-z0-9-]+)-(\d+)(?:\/([^/]+)\/(\d+))?$/;

export function parseWarehouseReference(reference: string): WarehouseReference | undefined {
  const match = PATTERN.exec(reference);
  if (!match) return undefined;
  const [, storeId, orderId, location, attempt] = match;
  if (storeId === undefined || orderId === undefined) return undefined;
  return location === undefined || attempt === undefined
    ? { storeId, orderId }
    : { storeId, orderId, location, attempt: Number(attempt) };
}
