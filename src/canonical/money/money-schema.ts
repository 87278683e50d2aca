/**
 * The canonical Money shape: an ISO 4217 currency and an exact decimal string. Amounts may carry
 * more decimals than the currency's minor unit (WooCommerce's per-rate taxes such as `"38.115"`,
 * unit prices); helpers round explicitly when a figure must be posted.
 *
 * @example
 * ```ts
 * import { Compile } from 'typebox/compile';
 * Compile(MoneySchema).Check({ currency: 'EUR', amount: '12.30' }); // true
 * ```
 */
import { Type, type Static } from 'typebox';

export const CurrencyCodeSchema = Type.String({
  pattern: '^[A-Z]{3}$',
  description: 'ISO 4217 alphabetic currency code, e.g. EUR.',
  examples: ['EUR'],
});
export type CurrencyCode = Static<typeof CurrencyCodeSchema>;

export const DecimalStringSchema = Type.String({
  pattern: '^-?[0-9]+(\\.[0-9]+)?$',
  description: 'Exact decimal number as a string (no exponent, no thousands separator), e.g. "-12.30".',
  examples: ['12.30'],
});
export type DecimalString = Static<typeof DecimalStringSchema>;

export const MoneySchema = Type.Object(
  {
    currency: CurrencyCodeSchema,
    amount: DecimalStringSchema,
  },
  {
    title: 'Money',
    description: 'An exact amount of money: ISO 4217 currency and a decimal string. Never a float.',
    examples: [{ currency: 'EUR', amount: '12.30' }],
  },
);
export type Money = Static<typeof MoneySchema>;

/** Money with a field-specific description (the same shape as `MoneySchema`). */
export function MoneyOf(description: string) {
  return Type.Object(MoneySchema.properties, { title: 'Money', description });
}
