/**
 * The parts of an order: product lines, shipping, fees, coupons and per-rate tax lines. Amounts
 * follow WooCommerce's storage even for tax-inclusive stores: `subtotal`/`total` exclude tax and
 * the tax sits beside them, so the integrity identity holds on the stored figures.
 *
 * @example
 * ```ts
 * const tax: TaxAmount = { rateId: '75', label: 'State Tax', rate: '7.5', amount: { currency: 'USD', amount: '0.45' } };
 * ```
 */
import { Type, type Static } from 'typebox';
import { DecimalStringSchema, MoneyOf, MoneySchema } from '../money/money-schema.js';
import { MetaSchema, QuantitySchema, SkuSchema } from './common.js';

export const TaxAmountSchema = Type.Object(
  {
    rateId: Type.String({ description: 'The channel tax rate id, as a string.' }),
    label: Type.String({ description: 'Rate label, e.g. `VAT` or `State Tax`.' }),
    rate: Type.Optional(DecimalStringSchema),
    amount: MoneySchema,
    subtotalAmount: Type.Optional(MoneySchema),
  },
  {
    title: 'TaxAmount',
    description:
      'Tax of one rate on one line. `rate` is a percentage (`"20"`); `amount` is after discounts and may carry ' +
      'sub-cent digits when the store rounds at subtotal level; `subtotalAmount` is before discounts.',
  },
);
export type TaxAmount = Static<typeof TaxAmountSchema>;

export const OrderLineSchema = Type.Object(
  {
    lineId: Type.String({ description: 'The channel line item id.' }),
    sku: Type.Optional(SkuSchema),
    name: Type.String(),
    productRef: Type.Optional(Type.String({ description: 'Channel product id.' })),
    variantRef: Type.Optional(Type.String({ description: 'Channel variation id, for variants.' })),
    quantity: QuantitySchema,
    unitPrice: MoneyOf(
      'Price of one unit before discount, excluding tax (subtotal / quantity as the channel states it).',
    ),
    subtotal: MoneyOf('Before discount, excluding tax.'),
    subtotalTax: MoneySchema,
    discount: MoneyOf('subtotal − total, excluding tax.'),
    total: MoneyOf('After discount, excluding tax.'),
    totalTax: MoneySchema,
    taxes: Type.Array(TaxAmountSchema),
    meta: Type.Optional(MetaSchema),
  },
  { title: 'OrderLine', description: 'One product line of an order.' },
);
export type OrderLine = Static<typeof OrderLineSchema>;

/** The amount fields shipping and fee lines share. */
const taxedCharge = (totalDescription: string) => ({
  total: MoneyOf(totalDescription),
  totalTax: MoneySchema,
  taxes: Type.Array(TaxAmountSchema),
  meta: Type.Optional(MetaSchema),
});

export const ShippingLineSchema = Type.Object(
  {
    lineId: Type.Optional(Type.String()),
    methodId: Type.String({ description: 'Channel shipping method id, e.g. `flat_rate`.' }),
    methodTitle: Type.String(),
    ...taxedCharge('Excluding tax.'),
  },
  { title: 'ShippingLine', description: 'A shipping charge.' },
);
export type ShippingLine = Static<typeof ShippingLineSchema>;

export const FeeLineSchema = Type.Object(
  {
    lineId: Type.Optional(Type.String()),
    name: Type.String(),
    taxable: Type.Boolean(),
    ...taxedCharge('Excluding tax; negative for discount fees.'),
  },
  { title: 'FeeLine', description: 'A fee (or a negative fee used as a discount).' },
);
export type FeeLine = Static<typeof FeeLineSchema>;

export const CouponLineSchema = Type.Object(
  {
    lineId: Type.Optional(Type.String()),
    code: Type.String(),
    discount: MoneyOf('Discount granted, excluding tax.'),
    discountTax: MoneySchema,
    discountType: Type.Optional(Type.String({ description: '`percent`, `fixed_cart`, `fixed_product`, …' })),
  },
  { title: 'CouponLine', description: 'A coupon applied to the order (its effect is already in the lines).' },
);
export type CouponLine = Static<typeof CouponLineSchema>;

export const TaxLineSchema = Type.Object(
  {
    lineId: Type.Optional(Type.String()),
    rateId: Type.String(),
    rateCode: Type.Optional(Type.String({ description: 'e.g. `US-CA-STATE TAX`.' })),
    label: Type.String(),
    rate: Type.Optional(DecimalStringSchema),
    compound: Type.Boolean(),
    taxTotal: MoneyOf('Tax of this rate on lines and fees.'),
    shippingTaxTotal: MoneyOf('Tax of this rate on shipping.'),
  },
  { title: 'TaxLine', description: 'The order-level total of one tax rate.' },
);
export type TaxLine = Static<typeof TaxLineSchema>;

export const OrderTotalsSchema = Type.Object(
  {
    subtotal: MoneyOf('Sum of line subtotals, excluding tax.'),
    discountTotal: MoneyOf('Sum of line discounts, excluding tax.'),
    discountTax: MoneySchema,
    shippingTotal: MoneyOf('Excluding tax.'),
    shippingTax: MoneySchema,
    feeTotal: MoneyOf('Excluding tax.'),
    taxTotal: MoneyOf('All tax: lines, fees and shipping.'),
    total: MoneyOf('What the customer pays; the figure finance reconciles.'),
  },
  { title: 'OrderTotals', description: 'Order totals exactly as the channel reports them.' },
);
export type OrderTotals = Static<typeof OrderTotalsSchema>;
