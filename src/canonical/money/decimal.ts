/**
 * Exact fixed-point decimals as `units / 10^scale` with bigint units. The one place where decimal
 * strings are turned into integers and back, so Money never touches a float.
 *
 * @example
 * ```ts
 * const d = parseDecimal('-12.30'); // { units: -1230n, scale: 2 }
 * formatDecimal(rescale(d, 3));     // '-12.300'
 * ```
 */
import { PermanentError } from '../../runtime/errors.js';

export interface Decimal {
  units: bigint;
  scale: number;
}

export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

const DECIMAL = /^([+-])?([0-9]+)(?:\.([0-9]+))?$/;

/** Parses `"12.30"`, `"-0.5"`, `"+7"`; rejects exponents, separators and blanks. */
export function parseDecimal(text: string): Decimal {
  const match = DECIMAL.exec(text.trim());
  if (match === null) {
    throw new PermanentError(`not an exact decimal amount: ${JSON.stringify(text)}`, {
      code: 'invalid_amount',
      system: 'canonical',
    });
  }
  const [, sign, whole = '0', fraction = ''] = match;
  const magnitude = BigInt(whole + fraction);
  return { units: sign === '-' ? -magnitude : magnitude, scale: fraction.length };
}

export function formatDecimal({ units, scale }: Decimal): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Same value at a larger scale (exact). For a smaller scale use `roundDecimal`. */
export function rescale(value: Decimal, scale: number): Decimal {
  if (scale < value.scale) return roundDecimal(value, scale, 'half-up');
  return { units: value.units * 10n ** BigInt(scale - value.scale), scale };
}

/** Brings two decimals to their common (larger) scale. */
export function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [rescale(a, scale).units, rescale(b, scale).units, scale];
}

/**
 * Rounds to `scale` digits. `half-up` rounds halves away from zero (commercial rounding, PHP's
 * `round()` as WooCommerce uses it); `half-even` is banker's rounding (IEEE 754 default, some ERPs).
 */
export function roundDecimal(value: Decimal, scale: number, mode: RoundingMode): Decimal {
  if (scale >= value.scale) return rescale(value, scale);
  const divisor = 10n ** BigInt(value.scale - scale);
  const negative = value.units < 0n;
  const magnitude = negative ? -value.units : value.units;
  let quotient = magnitude / divisor;
  const remainder = magnitude % divisor;
  if (remainder !== 0n) {
    const twice = remainder * 2n;
    const roundAway =
      mode === 'up' ||
      (mode === 'half-up' && twice >= divisor) ||
      (mode === 'half-even' && (twice > divisor || (twice === divisor && quotient % 2n === 1n)));
    if (roundAway) quotient += 1n;
  }
  return { units: negative ? -quotient : quotient, scale };
}
