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
import { LocationIdSchema, StringEnum, TimestampSchema } from '../models/common.js';
import { FulfilmentRequestSchema, ShipmentSchema } from '../models/fulfilment.js';
import { ReturnSchema } from '../models/refund.js';
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
  'fulfilment.progressed': {
    version: 1,
    description: 'A location reported progress on a fulfilment request (accepted, picking, packed, …).',
    schema: Type.Object({
      ...orderRef,
      reference: Type.String({ description: 'The FulfilmentRequest id the hub sent.' }),
      location: LocationIdSchema,
      wmsId: Type.String({ description: "The warehouse's own id for the fulfilment." }),
      status: StringEnum(['requested', 'accepted', 'picking', 'packed', 'shipped', 'exception', 'cancelled']),
      at: TimestampSchema,
    }),
  },
  'shipment.confirmed': {
    version: 1,
    description: 'A parcel left a location with carrier and tracking.',
    schema: Type.Object({ ...orderRef, shipment: ShipmentSchema }),
  },
  'return.received': {
    version: 1,
    description: 'Returned goods arrived at a location; the returns flow requests the refund.',
    schema: Type.Object({ ...orderRef, return: ReturnSchema }),
  },
} as const;
