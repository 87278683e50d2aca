/**
 * Decimal arithmetic for the Odoo mapping, with Odoo's own rounding (float_round: half away from
 * zero at the field's precision). Kept local because the mapping divides (unit prices, discount %),
 * which the canonical Money helpers deliberately do not offer.
 *
 * @example
 * ```ts
 * odooRound(dec('2.675'), 2).toFixed(2); // '2.68' (half away from zero, as Odoo)
 * sumDec(['1.10', '2.20']).toFixed(2); // '3.30'
 * ```
 */
import { Decimal } from 'decimal.js';

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export function dec(value: string | number | Dec): Dec {
  return new D(value);
}

/** Rounds like Odoo's float_round (half away from zero). */
export function odooRound(value: Dec, digits: number): Dec {
  return value.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
}

export function sumDec(values: readonly (string | Dec)[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(v), new D(0));
}

/** A JSON number for Odoo's float fields, from an already rounded decimal. */
export function toFloat(value: Dec): number {
  return Number(value.toFixed());
}
