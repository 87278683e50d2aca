/**
 * The canonical language of Retail Hub: models, money, ids, events, integrity and governance.
 * Import everything from here.
 *
 * @example
 * ```ts
 * import { OrderSchema, type Order, makeEvent, orderSubject, orderPartitionKey, money, add } from '../canonical/index.js';
 * ```
 */
export * from './money/money-schema.js';
export * from './money/money.js';
export { minorUnits, isKnownCurrency } from './money/currencies.js';

export * from './models/common.js';
export * from './models/address.js';
export * from './models/customer.js';
export * from './models/product.js';
export * from './models/price.js';
export * from './models/stock.js';
export * from './models/order-lines.js';
export * from './models/order.js';
export * from './models/fulfilment.js';
export * from './models/refund.js';
export * from './models/invoice.js';
export * from './models/catalogue.js';

export * from './ids.js';
export * from './validate.js';

export * from './events/envelope.js';
export * from './events/catalogue.js';
export * from './events/validate-event.js';
export * from './events/make-event.js';

export * from './integrity/check-order-integrity.js';
export * from './integrity/rounding-adjustment.js';
