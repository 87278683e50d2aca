/**
 * Fields several event data schemas share: which order, and which lines.
 *
 * @example
 * ```ts
 * const data = { ...{ storeId: 'eu', orderId: '727' }, reason: 'customer asked' };
 * ```
 */
import { Type } from 'typebox';
import { QuantitySchema, SkuSchema, StoreIdSchema } from '../models/common.js';

export const orderRef = {
  storeId: StoreIdSchema,
  orderId: Type.String({ minLength: 1, description: 'The channel order id (Order.externalId).' }),
};

export const LineQuantitySchema = Type.Object(
  { lineId: Type.String(), sku: Type.Optional(SkuSchema), quantity: QuantitySchema },
  { title: 'LineQuantity', description: 'A quantity of one order line.' },
);
