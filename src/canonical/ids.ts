/**
 * Subject keys (the entity an event or timeline entry is about) and partition keys (what must be
 * handled in order). One builder per entity so no one formats them by hand.
 *
 * @example
 * ```ts
 * orderSubject('eu', 727);        // 'order:eu:727'
 * orderPartitionKey('eu', '727'); // 'orders.eu.727'
 * skuSubject('TSHIRT-RED-M');     // 'sku:TSHIRT-RED-M'
 * parseOrderSubject('order:eu:727'); // { storeId: 'eu', orderId: '727' }
 * ```
 */
export const orderSubject = (storeId: string, orderId: string | number): string =>
  `order:${storeId}:${orderId}`;
export const orderPartitionKey = (storeId: string, orderId: string | number): string =>
  `orders.${storeId}.${orderId}`;

/**
 * One NATS subject token: partition keys become JetStream subjects, where `.` separates tokens,
 * `*` and `>` are wildcards and whitespace is forbidden. Percent-encoding keeps keys distinct.
 */
export const subjectToken = (value: string): string =>
  encodeURIComponent(value).replace(/\./g, '%2E').replace(/\*/g, '%2A');

export const skuSubject = (sku: string): string => `sku:${sku}`;
/** Stock and availability changes of one SKU are handled in order. */
export const skuPartitionKey = (sku: string): string => `stock.${subjectToken(sku)}`;

export const customerSubject = (email: string): string => `customer:${email.toLowerCase()}`;
export const customerPartitionKey = (email: string): string =>
  `customers.${subjectToken(email.toLowerCase())}`;

export const productSubject = skuSubject;
export const productPartitionKey = (sku: string): string => `products.${subjectToken(sku)}`;

export const shipmentSubject = (id: string): string => `shipment:${id}`;
export const invoiceSubject = (id: string): string => `invoice:${id}`;

/** Inverse of `orderSubject`; undefined for anything else. Store ids cannot contain `:`. */
export function parseOrderSubject(subject: string): { storeId: string; orderId: string } | undefined {
  const match = /^order:([a-z0-9-]+):(.+)$/.exec(subject);
  return match ? { storeId: match[1] as string, orderId: match[2] as string } : undefined;
}
