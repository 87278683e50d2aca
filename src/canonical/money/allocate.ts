/**
 * Splits an amount across weights in whole minor units with the largest-remainder method, so the
 * parts always sum to the amount exactly: spreading a coupon over lines never creates or loses a
 * cent. Ties go to the earlier weight, which keeps the result deterministic.
 *
 * @example
 * ```ts
 * allocate({ currency: 'EUR', amount: '10.00' }, [1, 1, 1]).map((m) => m.amount); // ['3.34', '3.33', '3.33']
 * allocate({ currency: 'JPY', amount: '100' }, ['12.50', '37.50']).map((m) => m.amount); // ['25', '75']
 * ```
 */
import { PermanentError } from '../../runtime/errors.js';
import { minorUnits } from './currencies.js';
import {
  formatDecimal,
  parseDecimal,
  rescale,
  roundDecimal,
  type Decimal,
  type RoundingMode,
} from './decimal.js';
import type { Money } from './money-schema.js';

type Weight = number | string | bigint | Money;

function weightDecimal(weight: Weight): Decimal {
  if (typeof weight === 'number' && !Number.isInteger(weight)) {
    throw new PermanentError(`allocation weight ${weight} is not an integer: pass it as a decimal string`, {
      code: 'invalid_weight',
      system: 'canonical',
    });
  }
  return parseDecimal(typeof weight === 'object' ? weight.amount : String(weight));
}

/**
 * @param amount  what to split; if it has sub-minor digits it is first rounded with `mode`.
 * @param weights non-negative, at least one positive (line subtotals, quantities, ratios).
 */
export function allocate(amount: Money, weights: readonly Weight[], mode: RoundingMode = 'half-up'): Money[] {
  const digits = minorUnits(amount.currency);
  const decimals = weights.map(weightDecimal);
  const scale = decimals.reduce((max, d) => Math.max(max, d.scale), 0);
  const units = decimals.map((d) => rescale(d, scale).units);
  const total = units.reduce((acc, u) => acc + u, 0n);
  if (units.some((u) => u < 0n) || total === 0n) {
    throw new PermanentError('allocation weights must be non-negative with a positive sum', {
      code: 'invalid_weight',
      system: 'canonical',
    });
  }
  const target = roundDecimal(parseDecimal(amount.amount), digits, mode).units;
  const sign = target < 0n ? -1n : 1n;
  const magnitude = target * sign;
  const shares = units.map((u) => (magnitude * u) / total);
  const remainders = units.map((u, index) => ({ index, rest: (magnitude * u) % total }));
  let left = magnitude - shares.reduce((acc, s) => acc + s, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((share) => ({
    currency: amount.currency,
    amount: formatDecimal({ units: share * sign, scale: digits }),
  }));
}
