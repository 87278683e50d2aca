/**
 * Exact money arithmetic on the canonical `{ currency, amount }` shape. Every result carries at
 * least the currency's minor-unit digits (`'12.3'` EUR becomes `'12.30'`) and keeps any extra
 * digits its operands had until `round` is asked for; nothing is ever a float.
 *
 * @example
 * ```ts
 * import { money, add, multiply, round, allocate } from './money.js';
 * const line = multiply(money('EUR', '3.33'), 3);          // { currency: 'EUR', amount: '9.99' }
 * add(line, money('EUR', '0.01')).amount;                   // '10.00'
 * round(money('EUR', '2.345'), 'half-even').amount;         // '2.34'
 * allocate(money('EUR', '10.00'), [1, 1, 1]).map((m) => m.amount); // ['3.34', '3.33', '3.33']
 * ```
 */
import { PermanentError } from '../../runtime/errors.js';
import { minorUnits } from './currencies.js';
import {
  align,
  formatDecimal,
  parseDecimal,
  rescale,
  roundDecimal,
  type Decimal,
  type RoundingMode,
} from './decimal.js';
import type { Money } from './money-schema.js';

export type { RoundingMode } from './decimal.js';

function toDecimal(m: Money): Decimal {
  return parseDecimal(m.amount);
}

function fromDecimal(currency: string, value: Decimal): Money {
  return { currency, amount: formatDecimal(rescale(value, Math.max(value.scale, minorUnits(currency)))) };
}

function sameCurrency(a: Money, b: Money): string {
  if (a.currency !== b.currency) {
    throw new PermanentError(`currency mismatch: ${a.currency} and ${b.currency}`, {
      code: 'currency_mismatch',
      system: 'canonical',
    });
  }
  return a.currency;
}

/**
 * Builds a Money from a decimal string or a JSON number as received (WooCommerce sends line `price`
 * as a number: its shortest decimal form is exactly the text that was on the wire). A non-integer
 * number produced by arithmetic is not money: compute with these helpers instead.
 * Throws `PermanentError` with code `invalid_amount` or `unknown_currency`.
 */
export function money(currency: string, amount: string | number | bigint): Money {
  if (typeof amount === 'number' && !Number.isFinite(amount)) {
    throw new PermanentError(`not a finite amount: ${amount}`, {
      code: 'invalid_amount',
      system: 'canonical',
    });
  }
  return fromDecimal(currency, parseDecimal(String(amount)));
}

/** Alias of `money` reading a channel's text, e.g. `parseMoney('USD', '29.35')`. */
export const parseMoney = money;

export function zero(currency: string): Money {
  return fromDecimal(currency, { units: 0n, scale: 0 });
}

/** One minor unit of the currency: `'0.01'` EUR, `'1'` JPY, `'0.001'` KWD. */
export function minorUnit(currency: string): Money {
  return fromDecimal(currency, { units: 1n, scale: minorUnits(currency) });
}

export function add(a: Money, b: Money): Money {
  const currency = sameCurrency(a, b);
  const [x, y, scale] = align(toDecimal(a), toDecimal(b));
  return fromDecimal(currency, { units: x + y, scale });
}

export function sub(a: Money, b: Money): Money {
  const currency = sameCurrency(a, b);
  const [x, y, scale] = align(toDecimal(a), toDecimal(b));
  return fromDecimal(currency, { units: x - y, scale });
}

/** Sum of `items`; the currency is needed for the empty list. */
export function sum(currency: string, items: readonly Money[]): Money {
  return items.reduce((total, item) => add(total, item), zero(currency));
}

export function negate(m: Money): Money {
  const d = toDecimal(m);
  return fromDecimal(m.currency, { units: -d.units, scale: d.scale });
}

export function abs(m: Money): Money {
  return isNegative(m) ? negate(m) : fromDecimal(m.currency, toDecimal(m));
}

/** Exact product with a quantity or rate (`3`, `'1.5'`, `'0.21'`); round afterwards if needed. */
export function multiply(m: Money, factor: number | string | bigint): Money {
  if (typeof factor === 'number' && !Number.isInteger(factor)) {
    throw new PermanentError(`multiply by a non-integer number ${factor}: pass it as a decimal string`, {
      code: 'invalid_amount',
      system: 'canonical',
    });
  }
  const a = toDecimal(m);
  const f = parseDecimal(String(factor));
  return fromDecimal(m.currency, { units: a.units * f.units, scale: a.scale + f.scale });
}

/**
 * `m / divisor` rounded to `scale` digits (default: the currency's minor unit) — a unit price from
 * a line subtotal (`divide(subtotal, quantity, 'half-up', 6)`), a net amount from a gross one.
 */
export function divide(
  m: Money,
  divisor: number | string | bigint,
  mode: RoundingMode = 'half-up',
  scale?: number,
): Money {
  if (typeof divisor === 'number' && !Number.isInteger(divisor)) {
    throw new PermanentError(`divide by a non-integer number ${divisor}: pass it as a decimal string`, {
      code: 'invalid_amount',
      system: 'canonical',
    });
  }
  const digits = scale ?? minorUnits(m.currency);
  const a = toDecimal(m);
  const d = parseDecimal(String(divisor));
  if (d.units === 0n) {
    throw new PermanentError('division by zero', { code: 'invalid_amount', system: 'canonical' });
  }
  // Compute one extra digit beyond `digits` plus a sticky bit, then round once: exact for every mode.
  const shift = digits + 1 + d.scale - a.scale;
  const numerator = shift >= 0 ? a.units * 10n ** BigInt(shift) : a.units;
  const denominator = shift >= 0 ? d.units : d.units * 10n ** BigInt(-shift);
  let quotient = numerator / denominator;
  const inexact = numerator % denominator !== 0n;
  if (inexact)
    quotient =
      quotient * 10n + (quotient < 0n || (quotient === 0n && numerator < 0n !== denominator < 0n) ? -1n : 1n);
  const value = { units: quotient, scale: inexact ? digits + 2 : digits + 1 };
  return { currency: m.currency, amount: formatDecimal(roundDecimal(value, digits, mode)) };
}

/** -1, 0 or 1; throws on different currencies. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  const [x, y] = align(toDecimal(a), toDecimal(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && compare(a, b) === 0;
}

export function isZero(m: Money): boolean {
  return toDecimal(m).units === 0n;
}

export function isNegative(m: Money): boolean {
  return toDecimal(m).units < 0n;
}

/**
 * Rounds to the currency's minor unit (or `scale` digits). `half-up` = halves away from zero, as
 * WooCommerce (PHP `round`) does; `half-even` = banker's rounding.
 */
export function round(m: Money, mode: RoundingMode = 'half-up', scale?: number): Money {
  const digits = scale ?? minorUnits(m.currency);
  return { currency: m.currency, amount: formatDecimal(roundDecimal(toDecimal(m), digits, mode)) };
}

/** Integer minor units (`'12.30'` EUR → 1230n); throws if the amount has sub-minor digits. */
export function toMinorUnits(m: Money): bigint {
  const digits = minorUnits(m.currency);
  const d = toDecimal(m);
  const truncated = roundDecimal(d, digits, 'down');
  if (d.scale > digits && truncated.units * 10n ** BigInt(d.scale - digits) !== d.units) {
    throw new PermanentError(`${m.amount} ${m.currency} has more than ${digits} decimals; round it first`, {
      code: 'sub_minor_amount',
      system: 'canonical',
    });
  }
  return truncated.units;
}

export function fromMinorUnits(currency: string, units: bigint | number): Money {
  return fromDecimal(currency, { units: BigInt(units), scale: minorUnits(currency) });
}

/** Exact amount text at the currency's minor unit (rounded half-up when it has more digits). */
export function formatAmount(m: Money, mode: RoundingMode = 'half-up'): string {
  return round(m, mode).amount;
}

/** Human text such as `€12.30`, formatted from the exact decimal string (no float conversion). */
export function formatMoney(m: Money, locale = 'en'): string {
  const digits = minorUnits(m.currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // A decimal string is formatted exactly (ECMA-402 NumberFormat v3), never through a float.
  return format.format(formatAmount(m) as Intl.StringNumericLiteral);
}

export { allocate } from './allocate.js';
