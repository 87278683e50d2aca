/**
 * What the hub asks a warehouse (or drop-ship supplier) to ship, and what it reports back.
 *
 * @example
 * ```ts
 * const s: Shipment = { id: 'wms:main:SH-1', orderSubject: 'order:eu:727', location: 'main', carrier: 'DHL',
 *   trackingNumber: '00340434161234567890', lines: [{ lineId: '316', sku: 'Bar3', quantity: 1 }], shippedAt: '2026-11-23T15:00:00Z' };
 * ```
 */
import { Type, type Static } from 'typebox';
import { AddressSchema } from './address.js';
import {
  LocationIdSchema,
  QuantitySchema,
  SkuSchema,
  StoreIdSchema,
  StringEnum,
  TimestampSchema,
} from './common.js';

export const FulfilmentLineSchema = Type.Object(
  {
    lineId: Type.String({ description: 'The order line it fulfils.' }),
    sku: SkuSchema,
    quantity: QuantitySchema,
  },
  { title: 'FulfilmentLine' },
);
export type FulfilmentLine = Static<typeof FulfilmentLineSchema>;

export const FulfilmentRequestSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, description: 'Hub id, also the idempotency key sent to the warehouse.' }),
    orderSubject: Type.String({ description: '`order:<store>:<id>`.' }),
    storeId: StoreIdSchema,
    orderNumber: Type.String(),
    location: LocationIdSchema,
    kind: StringEnum(['warehouse', 'dropship'], { description: 'Own warehouse or drop-ship supplier.' }),
    lines: Type.Array(FulfilmentLineSchema, { minItems: 1 }),
    shipTo: AddressSchema,
    shippingMethod: Type.Optional(Type.String()),
    customerNote: Type.Optional(Type.String()),
    requestedAt: TimestampSchema,
  },
  { title: 'FulfilmentRequest', description: 'Lines of one order to be shipped from one location.' },
);
export type FulfilmentRequest = Static<typeof FulfilmentRequestSchema>;

export const ShipmentSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    fulfilmentRequestId: Type.Optional(Type.String()),
    orderSubject: Type.String(),
    location: LocationIdSchema,
    carrier: Type.String(),
    service: Type.Optional(Type.String()),
    trackingNumber: Type.Optional(Type.String()),
    trackingUrl: Type.Optional(Type.String({ format: 'uri' })),
    lines: Type.Array(
      Type.Object({ lineId: Type.Optional(Type.String()), sku: SkuSchema, quantity: QuantitySchema }),
      { minItems: 1 },
    ),
    shippedAt: TimestampSchema,
  },
  { title: 'Shipment', description: 'A parcel that left a location, with carrier and tracking.' },
);
export type Shipment = Static<typeof ShipmentSchema>;
