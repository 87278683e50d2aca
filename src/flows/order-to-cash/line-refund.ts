/**
 * What to refund for some units of some order lines: each line's total and tax pro rata to the
 * quantity (rounded half-up to the currency's minor unit), and their sum. Used when the hub
 * cancels a line and when goods come back to a warehouse.
 *
 * @example
 * ```ts
 * const { amount, lines } = lineRefund(order, [{ lineId: '2', quantity: 1 }]);
 * amount; // { currency: 'EUR', amount: '6.00' } for a 5.00 + 20 % VAT unit
 * ```
 */
import { Decimal } from 'decimal.js';
import { add, minorUnits, money, sum, type Money, type Order } from '../../canonical/index.js';

/** `amount × part ÷ whole`, rounded half-up to the currency's minor unit. */
export function prorate(amount: string, part: number, whole: number, currency: string): string {
  const digits = minorUnits(currency);
  return new Decimal(amount)
    .mul(part)
    .div(whole)
    .toDecimalPlaces(digits, Decimal.ROUND_HALF_UP)
    .toFixed(digits);
}

export interface RefundLineAmount {
  lineId: string;
  sku?: string;
  quantity: number;
  total: Money;
  tax: Money;
}

export function lineRefund(
  order: Order,
  wanted: readonly { lineId: string; quantity: number }[],
): { amount: Money; lines: RefundLineAmount[] } {
  const currency = order.currency;
  const lines = wanted.map((w): RefundLineAmount => {
    const line = order.lines.find((l) => l.lineId === w.lineId);
    const share = (m: Money | undefined) =>
      money(
        currency,
        line === undefined || m === undefined ? '0' : prorate(m.amount, w.quantity, line.quantity, currency),
      );
    return {
      lineId: w.lineId,
      ...(line?.sku === undefined ? {} : { sku: line.sku }),
      quantity: w.quantity,
      total: share(line?.total),
      tax: share(line?.totalTax),
    };
  });
  return {
    amount: sum(
      currency,
      lines.map((l) => add(l.total, l.tax)),
    ),
    lines,
  };
}
