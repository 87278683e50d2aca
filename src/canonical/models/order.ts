/**
 * The canonical Order: what a channel sold, with the channel's own figures kept exactly (the
 * channel `total` is what finance reconciles against) and its raw status kept beside the
 * canonical one.
 *
 * @example
 * ```ts
 * import { Compile } from 'typebox/compile';
 * import { OrderSchema, type Order } from '../index.js';
 * const check = Compile(OrderSchema);
 * declare const order: Order;
 * check.Check(order); // true
 * ```
 */
import { Type, type Static } from 'typebox';
import { CurrencyCodeSchema, MoneyOf } from '../money/money-schema.js';
import { AddressSchema } from './address.js';
import { ChannelSchema, MetaSchema, StoreIdSchema, StringEnum, TimestampSchema } from './common.js';
import {
  CouponLineSchema,
  FeeLineSchema,
  OrderLineSchema,
  OrderTotalsSchema,
  ShippingLineSchema,
  TaxLineSchema,
} from './order-lines.js';

export const OrderStatusSchema = StringEnum(
  ['draft', 'pending', 'on_hold', 'processing', 'completed', 'cancelled', 'refunded', 'failed'],
  {
    description:
      'Canonical order status (WooCommerce `on-hold` → `on_hold`; custom statuses map to the nearest).',
  },
);
export type OrderStatus = Static<typeof OrderStatusSchema>;

export const PaymentStatusSchema = StringEnum(
  ['pending', 'paid', 'voided', 'refunded', 'partially_refunded'],
  {
    description: 'Where the money stands, independent of fulfilment.',
  },
);
export type PaymentStatus = Static<typeof PaymentStatusSchema>;

export const PaymentSchema = Type.Object(
  {
    status: PaymentStatusSchema,
    method: Type.Optional(
      Type.String({ description: 'Channel payment method id, e.g. `bacs`, `cod`, `stripe`.' }),
    ),
    methodTitle: Type.Optional(Type.String()),
    transactionId: Type.Optional(Type.String({ description: 'Payment gateway transaction id.' })),
    paidAt: Type.Optional(TimestampSchema),
  },
  { title: 'Payment', description: 'Payment state of an order.' },
);
export type Payment = Static<typeof PaymentSchema>;

export const OrderCustomerSchema = Type.Object(
  {
    externalId: Type.Optional(Type.String({ description: 'Channel customer id; absent for guests.' })),
    email: Type.Optional(Type.String({ format: 'email' })),
    firstName: Type.Optional(Type.String()),
    lastName: Type.Optional(Type.String()),
    phone: Type.Optional(Type.String()),
  },
  { title: 'OrderCustomer', description: 'Who placed the order, as the channel knows them.' },
);
export type OrderCustomer = Static<typeof OrderCustomerSchema>;

export const RefundSummarySchema = Type.Object(
  {
    refundId: Type.String(),
    amount: MoneyOf('Refunded amount, positive.'),
    reason: Type.Optional(Type.String()),
  },
  { title: 'RefundSummary', description: 'A refund already recorded on the channel order.' },
);
export type RefundSummary = Static<typeof RefundSummarySchema>;

export const OrderSchema = Type.Object(
  {
    channel: ChannelSchema,
    storeId: StoreIdSchema,
    externalId: Type.String({ minLength: 1, description: 'The channel order id, as a string.' }),
    number: Type.String({ description: 'The order number shown to the customer (may differ from the id).' }),
    status: OrderStatusSchema,
    channelStatus: Type.String({ description: 'The channel status exactly as received, e.g. `on-hold`.' }),
    currency: CurrencyCodeSchema,
    pricesIncludeTax: Type.Boolean({ description: 'Catalogue prices were entered including tax.' }),
    lines: Type.Array(OrderLineSchema),
    shippingLines: Type.Array(ShippingLineSchema),
    feeLines: Type.Array(FeeLineSchema),
    couponLines: Type.Array(CouponLineSchema),
    taxLines: Type.Array(TaxLineSchema),
    totals: OrderTotalsSchema,
    payment: PaymentSchema,
    customer: OrderCustomerSchema,
    billing: Type.Optional(AddressSchema),
    shipping: Type.Optional(AddressSchema),
    customerNote: Type.Optional(Type.String()),
    refunds: Type.Array(RefundSummarySchema),
    meta: Type.Optional(MetaSchema),
    checkoutHoldId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          'The hub checkout hold (`holdId` of `POST /v1/checkout/validate`) the storefront took for this basket; its reservation gives the hold back.',
      }),
    ),
    createdAt: TimestampSchema,
    modifiedAt: TimestampSchema,
    paidAt: Type.Optional(TimestampSchema),
    completedAt: Type.Optional(TimestampSchema),
  },
  { title: 'Order', description: 'A sales order from a channel, in canonical form.' },
);
export type Order = Static<typeof OrderSchema>;
