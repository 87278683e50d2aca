/**
 * Returns (goods coming back) and refunds (money going back). A refund may restock its lines;
 * amounts are positive.
 *
 * @example
 * ```ts
 * const r: Refund = { id: 'woocommerce:eu:726', orderSubject: 'order:eu:723', storeId: 'eu', externalId: '726',
 *   amount: { currency: 'USD', amount: '10.00' }, restock: false, lines: [], createdAt: '2026-11-23T15:00:00Z' };
 * ```
 */
import { Type, type Static } from 'typebox';
import { MoneyOf, MoneySchema } from '../money/money-schema.js';
import {
  LocationIdSchema,
  QuantitySchema,
  SkuSchema,
  StoreIdSchema,
  StringEnum,
  TimestampSchema,
} from './common.js';

export const ReturnSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    orderSubject: Type.String(),
    location: Type.Optional(LocationIdSchema),
    status: StringEnum(['requested', 'received', 'rejected'], { description: 'Return progress.' }),
    lines: Type.Array(
      Type.Object({
        lineId: Type.Optional(Type.String()),
        sku: SkuSchema,
        quantity: QuantitySchema,
        reason: Type.Optional(Type.String()),
        restock: Type.Boolean({ description: 'The goods go back to sellable stock.' }),
      }),
      { minItems: 1 },
    ),
    receivedAt: Type.Optional(TimestampSchema),
  },
  { title: 'Return', description: 'Goods a customer sends back.' },
);
export type Return = Static<typeof ReturnSchema>;

export const RefundLineSchema = Type.Object(
  {
    lineId: Type.String({ description: 'The refunded order line.' }),
    sku: Type.Optional(SkuSchema),
    quantity: Type.Integer({ minimum: 0, description: '0 for an amount-only refund of the line.' }),
    amount: MoneyOf('Refunded amount for the line, excluding tax, positive.'),
    tax: MoneyOf('Refunded tax for the line, positive.'),
  },
  { title: 'RefundLine' },
);
export type RefundLine = Static<typeof RefundLineSchema>;

export const RefundSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    orderSubject: Type.String(),
    storeId: StoreIdSchema,
    externalId: Type.Optional(Type.String({ description: 'Channel refund id.' })),
    amount: MoneyOf('Total refunded, tax included, positive.'),
    reason: Type.Optional(Type.String()),
    restock: Type.Boolean(),
    lines: Type.Array(RefundLineSchema),
    shipping: Type.Optional(MoneySchema),
    createdAt: TimestampSchema,
  },
  { title: 'Refund', description: 'Money returned to a customer, optionally per line.' },
);
export type Refund = Static<typeof RefundSchema>;
