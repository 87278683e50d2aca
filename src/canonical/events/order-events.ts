/**
 * Order lifecycle events, in saga order. Each entry: data schema, version, description.
 *
 * @example
 * ```ts
 * import { Value } from 'typebox/value';
 * Value.Check(orderEvents['order.completed'].schema, { storeId: 'eu', orderId: '727', completedAt: '2026-11-23T15:00:00Z' }); // true
 * ```
 */
import { Type } from 'typebox';
import { MoneySchema } from '../money/money-schema.js';
import { LocationIdSchema, StringEnum, TimestampSchema } from '../models/common.js';
import { OrderSchema, PaymentStatusSchema } from '../models/order.js';
import { LineQuantitySchema, orderRef } from './shared.js';

export const orderEvents = {
  'order.received': {
    version: 1,
    description: 'A channel order arrived (webhook or poll), translated to canonical.',
    schema: Type.Object({
      order: OrderSchema,
      via: StringEnum(['webhook', 'poll', 'replay'], { description: 'How the hub learnt of it.' }),
    }),
  },
  'order.updated': {
    version: 1,
    description: 'The channel order changed after it was received (edit, status, refund).',
    schema: Type.Object({
      order: OrderSchema,
      changed: Type.Array(Type.String(), {
        description: 'Top-level Order fields that differ, e.g. `lines`.',
      }),
    }),
  },
  'order.validated': {
    version: 1,
    description: 'Schema, integrity and payment checks passed; the order may be routed.',
    schema: Type.Object({
      ...orderRef,
      total: MoneySchema,
      paymentStatus: PaymentStatusSchema,
      paymentMethod: Type.Optional(Type.String()),
    }),
  },
  'order.payment_pending': {
    version: 1,
    description: 'The order is valid but waits for payment (or a configured method such as COD).',
    schema: Type.Object({
      ...orderRef,
      paymentStatus: PaymentStatusSchema,
      paymentMethod: Type.Optional(Type.String()),
    }),
  },
  'order.routed': {
    version: 1,
    description: 'Each line has a fulfilment location, or is backordered; reasons for the timeline.',
    schema: Type.Object({
      ...orderRef,
      assignments: Type.Array(
        Type.Object({
          location: LocationIdSchema,
          kind: StringEnum(['warehouse', 'dropship']),
          lines: Type.Array(LineQuantitySchema, { minItems: 1 }),
        }),
      ),
      backorders: Type.Array(LineQuantitySchema),
      reasons: Type.Array(Type.String(), { description: 'Human-readable routing decisions.' }),
    }),
  },
  'order.registered': {
    version: 1,
    description: 'The ERP has the order (created or found by the channel reference).',
    schema: Type.Object({
      ...orderRef,
      system: Type.String({ description: 'The ERP, e.g. `odoo`.' }),
      erpOrderId: Type.String(),
      erpOrderName: Type.Optional(Type.String({ description: 'e.g. `S00042`.' })),
      erpTotal: MoneySchema,
      roundingAdjustment: Type.Optional(MoneySchema),
      created: Type.Boolean({ description: 'False when an existing ERP order was found.' }),
    }),
  },
  'order.completed': {
    version: 1,
    description: 'Every line shipped and the channel order marked completed.',
    schema: Type.Object({ ...orderRef, completedAt: TimestampSchema }),
  },
  'order.cancelled': {
    version: 1,
    description: 'The order (or some lines) was cancelled; compensations follow.',
    schema: Type.Object({
      ...orderRef,
      reason: Type.String(),
      by: StringEnum(['customer', 'merchant', 'payment', 'system']),
      lines: Type.Optional(
        Type.Array(LineQuantitySchema, { description: 'Absent when the whole order is cancelled.' }),
      ),
    }),
  },
  'order.parked': {
    version: 1,
    description: 'A person must decide: the saga stopped with the reason.',
    schema: Type.Object({
      ...orderRef,
      step: Type.String({ description: 'Saga step that parked, e.g. `register`.' }),
      code: Type.String({ description: 'Stable error code.' }),
      reason: Type.String(),
      system: Type.Optional(Type.String()),
    }),
  },
} as const;
