/**
 * Stock, reservation and availability events (partitioned per SKU, or per order for reservations).
 *
 * @example
 * ```ts
 * import { Value } from 'typebox/value';
 * Value.Check(stockEvents['stock.released'].schema, { reservationIds: ['r-1'], reason: 'cancelled' }); // true
 * ```
 */
import { Type } from 'typebox';
import { LocationIdSchema, SkuSchema, StoreIdSchema, StringEnum, TimestampSchema } from '../models/common.js';
import { ReservationSchema, StockPositionSchema } from '../models/stock.js';
import { orderRef } from './shared.js';

export const stockEvents = {
  'stock.reserved': {
    version: 1,
    description: 'The hub holds stock for an accepted order until the ERP allocates it.',
    schema: Type.Object({ ...orderRef, reservations: Type.Array(ReservationSchema, { minItems: 1 }) }),
  },
  'stock.released': {
    version: 1,
    description: 'Reservations ended: given back (cancel, reroute, expiry) or consumed by the ERP.',
    schema: Type.Object({
      reservationIds: Type.Array(Type.String(), { minItems: 1 }),
      reason: StringEnum(['cancelled', 'rerouted', 'expired', 'consumed']),
    }),
  },
  'stock.changed': {
    version: 1,
    description: 'The stock owner reported a new position for one SKU at one location.',
    schema: Type.Object({
      position: StockPositionSchema,
      changedAt: Type.Optional(
        Type.String({ format: 'date-time', description: 'When the source changed it (lag start).' }),
      ),
    }),
  },
  'availability.changed': {
    version: 1,
    description: 'Available-to-sell of one SKU in one store changed.',
    schema: Type.Object({
      storeId: StoreIdSchema,
      sku: SkuSchema,
      available: Type.Number(),
      previous: Type.Optional(Type.Number()),
      locations: Type.Array(LocationIdSchema),
      stale: Type.Boolean({ description: 'The stock feed is older than the configured age.' }),
      computedAt: TimestampSchema,
    }),
  },
} as const;
