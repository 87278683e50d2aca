/**
 * Stock as the ERP reports it per location, and the hub's own reservations for orders it accepted
 * but the ERP has not allocated yet.
 *
 * @example
 * ```ts
 * const s: StockPosition = { sku: 'TSHIRT-RED-M', location: 'main', onHand: 12, reserved: 2, available: 10, asOf: '2026-11-23T15:00:00Z' };
 * ```
 */
import { Type, type Static } from 'typebox';
import {
  LocationIdSchema,
  SkuSchema,
  StockQuantitySchema,
  StoreIdSchema,
  StringEnum,
  TimestampSchema,
} from './common.js';

export const StockPositionSchema = Type.Object(
  {
    sku: SkuSchema,
    location: LocationIdSchema,
    onHand: StockQuantitySchema,
    reserved: StockQuantitySchema,
    available: Type.Number({ description: 'onHand − reserved as the source reports it.' }),
    asOf: TimestampSchema,
    source: Type.Optional(Type.String({ description: 'Which system reported it: `odoo`, `supplier:acme`.' })),
  },
  { title: 'StockPosition', description: 'Stock of one SKU at one location at a point in time.' },
);
export type StockPosition = Static<typeof StockPositionSchema>;

export const ReservationStatusSchema = StringEnum(['active', 'released', 'consumed'], {
  description: 'active: holds stock; released: given back; consumed: the ERP now allocates it.',
});

export const ReservationSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    sku: SkuSchema,
    location: Type.Optional(LocationIdSchema),
    storeId: StoreIdSchema,
    orderSubject: Type.String({ description: 'The order it is held for: `order:<store>:<id>`.' }),
    lineId: Type.Optional(Type.String()),
    quantity: Type.Number({ exclusiveMinimum: 0 }),
    status: ReservationStatusSchema,
    createdAt: TimestampSchema,
    expiresAt: Type.Optional(TimestampSchema),
  },
  { title: 'Reservation', description: 'Stock the hub holds for an accepted order.' },
);
export type Reservation = Static<typeof ReservationSchema>;
