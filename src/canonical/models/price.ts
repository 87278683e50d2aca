/**
 * Prices per SKU and price list: a regular price and an optional sale price with a schedule.
 *
 * @example
 * ```ts
 * const p: Price = { sku: 'TSHIRT-RED-M', priceList: 'eu-retail', regular: { currency: 'EUR', amount: '19.90' },
 *   sale: { currency: 'EUR', amount: '14.90' }, saleFrom: '2026-11-27T00:00:00Z', saleTo: '2026-11-30T23:59:59Z', includesTax: true };
 * ```
 */
import { Type, type Static } from 'typebox';
import { CurrencyCodeSchema, MoneySchema } from '../money/money-schema.js';
import { SkuSchema, StoreIdSchema, TimestampSchema } from './common.js';

export const PriceListSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, description: 'Price list id, e.g. `eu-retail` (an ERP pricelist).' }),
    name: Type.String(),
    currency: CurrencyCodeSchema,
    includesTax: Type.Boolean({ description: 'True when the prices in this list include tax.' }),
    storeIds: Type.Optional(Type.Array(StoreIdSchema, { description: 'Stores selling at these prices.' })),
  },
  { title: 'PriceList', description: 'A set of prices in one currency, used by one or more stores.' },
);
export type PriceList = Static<typeof PriceListSchema>;

export const PriceSchema = Type.Object(
  {
    sku: SkuSchema,
    priceList: Type.String({ minLength: 1, description: 'The PriceList id.' }),
    regular: MoneySchema,
    sale: Type.Optional(MoneySchema),
    saleFrom: Type.Optional(TimestampSchema),
    saleTo: Type.Optional(TimestampSchema),
    includesTax: Type.Boolean(),
    modifiedAt: Type.Optional(TimestampSchema),
  },
  { title: 'Price', description: 'The regular and sale price of one SKU in one price list.' },
);
export type Price = Static<typeof PriceSchema>;
