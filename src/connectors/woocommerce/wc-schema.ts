/**
 * TypeBox schemas of the WooCommerce REST v3 payload subset the hub reads (orders, products,
 * variations, customers). Only the fields we use are required; unknown fields pass through, since
 * plugins add their own. Money fields are decimal strings; line `price` is deliberately absent
 * (it is a JSON number — never used).
 *
 * @example
 * ```ts
 * import { Compile } from 'typebox/compile';
 * const check = Compile(WooOrderSchema);
 * check.Check(JSON.parse(body)); // true for a real order payload
 * ```
 */
import { Type, type Static } from 'typebox';

/** WooCommerce decimal money string ("12.00", "-10.00", unpadded "0.9"). */
const Dec = Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$' });
/** WooCommerce sends "" for an empty decimal in some places (product prices). */
const DecOrEmpty = Type.String({ pattern: '^(-?[0-9]+(\\.[0-9]+)?)?$' });
const Id = Type.Integer({ minimum: 0 });
const DateGmt = Type.Union([Type.String(), Type.Null()]);
const Meta = Type.Array(
  Type.Object({ id: Type.Optional(Type.Integer()), key: Type.String(), value: Type.Unknown() }),
);
const RateTax = Type.Object({ id: Id, total: DecOrEmpty, subtotal: Type.Optional(DecOrEmpty) });

const AddressFields = {
  first_name: Type.Optional(Type.String()),
  last_name: Type.Optional(Type.String()),
  company: Type.Optional(Type.String()),
  address_1: Type.Optional(Type.String()),
  address_2: Type.Optional(Type.String()),
  city: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  postcode: Type.Optional(Type.String()),
  country: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
};
export const WooAddressSchema = Type.Object({ ...AddressFields, email: Type.Optional(Type.String()) });
export type WooAddress = Static<typeof WooAddressSchema>;

export const WooLineItemSchema = Type.Object({
  id: Id,
  name: Type.String(),
  product_id: Id,
  variation_id: Id,
  quantity: Type.Integer(),
  tax_class: Type.Optional(Type.String()),
  subtotal: Dec,
  subtotal_tax: Dec,
  total: Dec,
  total_tax: Dec,
  taxes: Type.Array(RateTax),
  meta_data: Meta,
  sku: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  parent_name: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type WooLineItem = Static<typeof WooLineItemSchema>;

export const WooTaxLineSchema = Type.Object({
  id: Id,
  rate_code: Type.String(),
  rate_id: Id,
  label: Type.String(),
  compound: Type.Boolean(),
  tax_total: Dec,
  shipping_tax_total: Dec,
  rate_percent: Type.Optional(Type.Number()),
});
export type WooTaxLine = Static<typeof WooTaxLineSchema>;

export const WooShippingLineSchema = Type.Object({
  id: Id,
  method_title: Type.String(),
  method_id: Type.String(),
  total: Dec,
  total_tax: Dec,
  taxes: Type.Array(RateTax),
  meta_data: Type.Optional(Meta),
});

export const WooFeeLineSchema = Type.Object({
  id: Id,
  name: Type.String(),
  tax_status: Type.Optional(Type.String()),
  total: Dec,
  total_tax: Dec,
  taxes: Type.Array(RateTax),
  meta_data: Type.Optional(Meta),
});

export const WooCouponLineSchema = Type.Object({
  id: Id,
  code: Type.String(),
  discount: Dec,
  discount_tax: Dec,
  discount_type: Type.Optional(Type.String()),
});

export const WooOrderRefundRefSchema = Type.Object({
  id: Id,
  reason: Type.Optional(Type.String()),
  total: Dec,
});

export const WooOrderSchema = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  parent_id: Type.Optional(Id),
  number: Type.String(),
  status: Type.String({ minLength: 1 }),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  prices_include_tax: Type.Boolean(),
  date_created_gmt: Type.String(),
  date_modified_gmt: Type.String(),
  date_paid_gmt: Type.Optional(DateGmt),
  date_completed_gmt: Type.Optional(DateGmt),
  discount_total: Dec,
  discount_tax: Dec,
  shipping_total: Dec,
  shipping_tax: Dec,
  cart_tax: Dec,
  total: Dec,
  total_tax: Dec,
  customer_id: Id,
  customer_note: Type.Optional(Type.String()),
  billing: WooAddressSchema,
  shipping: Type.Object(AddressFields),
  payment_method: Type.String(),
  payment_method_title: Type.Optional(Type.String()),
  transaction_id: Type.Optional(Type.String()),
  meta_data: Type.Optional(Meta),
  line_items: Type.Array(WooLineItemSchema),
  tax_lines: Type.Array(WooTaxLineSchema),
  shipping_lines: Type.Array(WooShippingLineSchema),
  fee_lines: Type.Array(WooFeeLineSchema),
  coupon_lines: Type.Array(WooCouponLineSchema),
  refunds: Type.Array(WooOrderRefundRefSchema),
});
export type WooOrder = Static<typeof WooOrderSchema>;

const VariationAttribute = Type.Object({ id: Type.Optional(Id), name: Type.String(), option: Type.String() });

/** Fields products and variations share. */
const SellableFields = {
  id: Type.Integer({ minimum: 1 }),
  sku: Type.String(),
  status: Type.Optional(Type.String()),
  price: Type.Optional(DecOrEmpty),
  regular_price: DecOrEmpty,
  sale_price: DecOrEmpty,
  date_on_sale_from_gmt: Type.Optional(DateGmt),
  date_on_sale_to_gmt: Type.Optional(DateGmt),
  manage_stock: Type.Union([Type.Boolean(), Type.Literal('parent')]),
  stock_quantity: Type.Union([Type.Number(), Type.Null()]),
  stock_status: Type.String(),
  backorders: Type.Optional(Type.String()),
  tax_class: Type.Optional(Type.String()),
  weight: Type.Optional(Type.String()),
  date_modified_gmt: Type.Optional(DateGmt),
};

export const WooVariationSchema = Type.Object({
  ...SellableFields,
  name: Type.Optional(Type.String()),
  attributes: Type.Array(VariationAttribute),
});
export type WooVariation = Static<typeof WooVariationSchema>;

export const WooProductSchema = Type.Object({
  ...SellableFields,
  name: Type.String(),
  type: Type.String(),
  description: Type.Optional(Type.String()),
  categories: Type.Optional(Type.Array(Type.Object({ id: Type.Optional(Id), name: Type.String() }))),
  attributes: Type.Optional(
    Type.Array(
      Type.Object({
        name: Type.String(),
        variation: Type.Optional(Type.Boolean()),
        options: Type.Array(Type.String()),
      }),
    ),
  ),
  variations: Type.Optional(Type.Array(Type.Unknown())),
});
export type WooProduct = Static<typeof WooProductSchema>;

export const WooCustomerSchema = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  email: Type.String(),
  first_name: Type.Optional(Type.String()),
  last_name: Type.Optional(Type.String()),
  date_created_gmt: Type.Optional(DateGmt),
  date_modified_gmt: Type.Optional(DateGmt),
  billing: Type.Optional(WooAddressSchema),
  shipping: Type.Optional(Type.Object(AddressFields)),
});
export type WooCustomer = Static<typeof WooCustomerSchema>;

/** An itemised refund as `GET /orders/{id}/refunds` returns it (negative line quantities). */
export const WooRefundSchema = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  date_created_gmt: Type.String(),
  amount: Dec,
  reason: Type.Optional(Type.String()),
  line_items: Type.Array(
    Type.Object({
      id: Id,
      product_id: Type.Optional(Id),
      quantity: Type.Integer(),
      total: Dec,
      total_tax: Dec,
      sku: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      meta_data: Meta,
    }),
  ),
  shipping_lines: Type.Optional(Type.Array(Type.Object({ total: Dec, total_tax: Dec }))),
});
export type WooRefund = Static<typeof WooRefundSchema>;
