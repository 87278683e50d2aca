/**
 * Fulfilment and shipment events between the hub and warehouses or drop-ship suppliers.
 *
 * @example
 * ```ts
 * import { Value } from 'typebox/value';
 * Value.Check(fulfilmentEvents['fulfilment.failed'].schema,
 *   { ...{ storeId: 'eu', orderId: '727' }, requestId: 'f-1', location: 'main', code: 'cannot_pick', reason: 'no stock', lines: [] }); // true
 * ```
 */
import { Type } from 'typebox';
import { LocationIdSchema } from '../models/common.js';
import { FulfilmentRequestSchema, ShipmentSchema } from '../models/fulfilment.js';
import { LineQuantitySchema, orderRef } from './shared.js';

export const fulfilmentEvents = {
  'fulfilment.requested': {
    version: 1,
    description: 'A location was asked to ship some lines of an order.',
    schema: Type.Object({ ...orderRef, request: FulfilmentRequestSchema }),
  },
  'fulfilment.failed': {
    version: 1,
    description: 'A location cannot fulfil some lines; the saga reroutes, backorders or cancels them.',
    schema: Type.Object({
      ...orderRef,
      requestId: Type.String(),
      location: LocationIdSchema,
      code: Type.String({ description: 'Stable reason code, e.g. `cannot_pick`.' }),
      reason: Type.String(),
      lines: Type.Array(LineQuantitySchema),
    }),
  },
  'shipment.confirmed': {
    version: 1,
    description: 'A parcel left a location with carrier and tracking.',
    schema: Type.Object({ ...orderRef, shipment: ShipmentSchema }),
  },
} as const;
