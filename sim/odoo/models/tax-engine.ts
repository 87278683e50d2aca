/**
 * Odoo's tax computation for one line with the default `round_per_line` method: the line base is
 * rounded to the currency, price-included percentage taxes are extracted from it, excluded taxes
 * are added on the excluded base, each tax amount rounded half-up to the currency's decimals.
 * Decimal arithmetic avoids the float noise Odoo's own `float_round` works hard to hide.
 *
 * @example
 * ```ts
 * computeLine({ priceUnit: 119, quantity: 1, discount: 0, taxes: [{ id: 1, amountType: 'percent', amount: 19, priceInclude: true }] });
 * // → { subtotal: 100, tax: 19, total: 119, taxes: [{ id: 1, amount: 19, base: 100 }] }
 * ```
 */
import { Decimal } from 'decimal.js';

export interface TaxSpec {
  id: number;
  amountType: 'percent' | 'fixed' | 'division' | 'group';
  amount: number;
  priceInclude: boolean;
}

export interface LineInput {
  priceUnit: number;
  quantity: number;
  /** Percent, 0–100. */
  discount: number;
  taxes: TaxSpec[];
  decimals?: number;
}

export interface LineAmounts {
  subtotal: number;
  tax: number;
  total: number;
  taxes: { id: number; amount: number; base: number }[];
}

const round = (value: Decimal, decimals: number): Decimal =>
  value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);

export function computeLine(input: LineInput): LineAmounts {
  const decimals = input.decimals ?? 2;
  const price = new Decimal(input.priceUnit).times(
    new Decimal(1).minus(new Decimal(input.discount).dividedBy(100)),
  );
  const base = round(price.times(input.quantity), decimals);
  const included = input.taxes.filter((t) => t.priceInclude);
  const excluded = input.taxes.filter((t) => !t.priceInclude);
  const results: { id: number; amount: Decimal }[] = [];

  // Included fixed taxes come off first, then the percentage ones are extracted together.
  let remaining = base;
  for (const tax of included.filter((t) => t.amountType === 'fixed')) {
    const amount = round(new Decimal(tax.amount).times(input.quantity), decimals);
    results.push({ id: tax.id, amount });
    remaining = remaining.minus(amount);
  }
  const percent = included.filter((t) => t.amountType !== 'fixed');
  const rateSum = percent.reduce((sum, t) => sum.plus(t.amount), new Decimal(0));
  if (rateSum.gt(0)) {
    const totalIncludedTax = round(
      remaining.minus(remaining.dividedBy(rateSum.dividedBy(100).plus(1))),
      decimals,
    );
    let allocated = new Decimal(0);
    percent.forEach((tax, i) => {
      const share =
        i === percent.length - 1
          ? totalIncludedTax.minus(allocated)
          : round(totalIncludedTax.times(tax.amount).dividedBy(rateSum), decimals);
      allocated = allocated.plus(share);
      results.push({ id: tax.id, amount: share });
    });
    remaining = remaining.minus(totalIncludedTax);
  }
  const subtotal = remaining;
  for (const tax of excluded) {
    let amount: Decimal;
    if (tax.amountType === 'fixed') amount = new Decimal(tax.amount).times(input.quantity);
    else if (tax.amountType === 'division') {
      const rate = new Decimal(tax.amount).dividedBy(100);
      amount = rate.gte(1) ? new Decimal(0) : subtotal.dividedBy(new Decimal(1).minus(rate)).minus(subtotal);
    } else amount = subtotal.times(tax.amount).dividedBy(100);
    results.push({ id: tax.id, amount: round(amount, decimals) });
  }
  const tax = results.reduce((sum, r) => sum.plus(r.amount), new Decimal(0));
  return {
    subtotal: subtotal.toNumber(),
    tax: tax.toNumber(),
    total: subtotal.plus(tax).toNumber(),
    taxes: results.map((r) => ({ id: r.id, amount: r.amount.toNumber(), base: subtotal.toNumber() })),
  };
}

/** Sums already-rounded amounts exactly (floats in, float out, no drift). */
export function sumAmounts(values: number[]): number {
  return values.reduce((sum, v) => sum.plus(v), new Decimal(0)).toNumber();
}
