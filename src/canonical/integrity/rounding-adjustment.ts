/**
 * The explicit line that makes a downstream document (the ERP order) total exactly what the
 * channel charged: finance reconciles on the channel's `total`, so a one-cent difference from the
 * ERP's own tax computation is posted, never left to drift.
 *
 * @example
 * ```ts
 * roundingAdjustment({ currency: 'EUR', amount: '29.35' }, { currency: 'EUR', amount: '29.34' });
 * // { currency: 'EUR', amount: '0.01' }  → add a rounding line of +0.01 to the ERP order
 * roundingAdjustment(channel, erp, { maxMinorUnits: 2 }); // throws BusinessError('total_mismatch') beyond ±0.02
 * ```
 */
import { BusinessError } from '../../runtime/errors.js';
import type { Money } from '../money/money-schema.js';
import { abs, compare, minorUnit, multiply, sub } from '../money/money.js';

export interface RoundingAdjustmentOptions {
  /** Refuse differences larger than this many minor units: beyond rounding, a person must look. */
  maxMinorUnits?: number;
}

/** `channelTotal − erpTotal`: the amount to add to the ERP document (negative to subtract). */
export function roundingAdjustment(
  channelTotal: Money,
  erpTotal: Money,
  options: RoundingAdjustmentOptions = {},
): Money {
  const difference = sub(channelTotal, erpTotal);
  if (options.maxMinorUnits !== undefined) {
    const limit = multiply(minorUnit(channelTotal.currency), options.maxMinorUnits);
    if (compare(abs(difference), limit) > 0) {
      throw new BusinessError(
        `ERP total ${erpTotal.amount} differs from channel total ${channelTotal.amount} ${channelTotal.currency} by more than rounding`,
        {
          code: 'total_mismatch',
          system: 'canonical',
          details: { channelTotal, erpTotal, difference },
        },
      );
    }
  }
  return difference;
}
