/**
 * Exact decimal helpers with WooCommerce's formatting: `wc_format_decimal(v, dp)` pads to `dp`
 * places (half away from zero, like PHP `round`), and `wc_format_decimal(v)` without dp trims.
 */
import { Decimal } from 'decimal.js';

export type Dec = Decimal;
export const D = (value: Decimal.Value | null | undefined): Decimal => {
  if (value === null || value === undefined || value === '') return new Decimal(0);
  try {
    return new Decimal(value);
  } catch {
    return new Decimal(0);
  }
};

export const roundTo = (value: Decimal, dp: number): Decimal =>
  value.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
export const fmt = (value: Decimal, dp: number): string => roundTo(value, dp).toFixed(dp);
/** Unpadded, as WooCommerce prints per-rate tax amounts (`"2.7"`, `"38.115"`). */
export const trimmed = (value: Decimal): string => {
  const text = value.toFixed();
  return text === '-0' ? '0' : text;
};
export const sum = (values: Decimal[]): Decimal => values.reduce((acc, v) => acc.plus(v), new Decimal(0));
export const isDecimalString = (value: unknown): boolean =>
  (typeof value === 'string' && /^-?\d*(\.\d+)?$/.test(value.trim()) && value.trim() !== '') ||
  typeof value === 'number';
