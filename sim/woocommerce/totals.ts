/**
 * Order arithmetic the WooCommerce way, as a pure function: line subtotals from catalogue prices
 * (tax-inclusive or exclusive), coupons spread over lines in minor units with the leftover cents
 * handed out one by one (percent, fixed_cart, fixed_product, applied in sequence), per-line or
 * subtotal-level tax rounding, fees, shipping and the order totals.
 *
 * @example
 * ```ts
 * const t = computeTotals({ dp: 2, inclusive: false, roundAtSubtotal: false, tax: { rateId: 1, rate: '20', shipping: true } },
 *   [{ basis: D('10.00'), taxable: true }], [{ type: 'percent', amount: D(10) }], [], [{ total: D(5) }]);
 * t.total.toFixed(2); // "16.80": line 9.00 + tax 1.80, shipping 5.00 + tax 1.00
 * ```
 */
import { Decimal } from 'decimal.js';
import { D, roundTo, sum } from './money.js';

export interface TaxRate {
  rateId: number;
  rate: string;
  shipping: boolean;
}

export interface TotalsSettings {
  dp: number;
  inclusive: boolean;
  roundAtSubtotal: boolean;
  tax: TaxRate | null;
}

/** `basis`: quantity × unit price as the shopper saw it (tax included when the store says so). */
export interface LineInput {
  basis: Decimal;
  taxable: boolean;
  /** An explicit ex-tax total (REST `total`), bypassing coupons for this line. */
  fixedTotal?: Decimal;
  quantity?: number;
}

export interface CouponInput {
  type: 'percent' | 'fixed_cart' | 'fixed_product';
  amount: Decimal;
}

export interface AmountInput {
  total: Decimal;
  taxable?: boolean;
}

export interface LineResult {
  subtotal: Decimal;
  subtotalTax: Decimal;
  total: Decimal;
  totalTax: Decimal;
}

export interface TotalsResult {
  lines: LineResult[];
  coupons: { discount: Decimal; discountTax: Decimal }[];
  fees: { total: Decimal; tax: Decimal }[];
  shipping: { total: Decimal; tax: Decimal }[];
  discountTotal: Decimal;
  discountTax: Decimal;
  shippingTotal: Decimal;
  shippingTax: Decimal;
  cartTax: Decimal;
  totalTax: Decimal;
  total: Decimal;
}

const ZERO = new Decimal(0);

/** Spreads `amountCents` over `weights` proportionally, floor first, leftover cents one at a time. */
export function allocateCents(amountCents: Decimal, weights: Decimal[]): Decimal[] {
  const totalWeight = sum(weights);
  if (totalWeight.lte(0) || amountCents.lte(0)) return weights.map(() => ZERO);
  const amount = Decimal.min(amountCents, totalWeight);
  const shares = weights.map((w) => amount.times(w).div(totalWeight).floor());
  let leftover = amount.minus(sum(shares));
  let progressed = true;
  while (leftover.gt(0) && progressed) {
    progressed = false;
    for (let i = 0; i < shares.length && leftover.gt(0); i += 1) {
      if ((weights[i] as Decimal).gt(shares[i] as Decimal)) {
        shares[i] = (shares[i] as Decimal).plus(1);
        leftover = leftover.minus(1);
        progressed = true;
      }
    }
  }
  return shares;
}

export function computeTotals(
  settings: TotalsSettings,
  lines: LineInput[],
  coupons: CouponInput[],
  fees: AmountInput[],
  shipping: AmountInput[],
): TotalsResult {
  const { dp, inclusive, tax } = settings;
  const unit = new Decimal(10).pow(dp);
  const precision = settings.roundAtSubtotal ? dp + 2 : dp;
  const rate = tax ? D(tax.rate) : ZERO;
  const rnd = (value: Decimal): Decimal => roundTo(value, precision);
  const exclusiveTax = (amount: Decimal, taxable: boolean): Decimal =>
    tax && taxable ? rnd(amount.times(rate).div(100)) : ZERO;
  const inclusiveTax = (gross: Decimal, taxable: boolean): Decimal =>
    tax && taxable ? rnd(gross.times(rate).div(rate.plus(100))) : ZERO;

  // Discounts are computed in minor units on the price the shopper saw.
  const remaining = lines.map((line) => (line.fixedTotal ? ZERO : roundTo(line.basis, dp).times(unit)));
  const perCoupon: Decimal[][] = [];
  for (const coupon of coupons) {
    let shares: Decimal[];
    if (coupon.type === 'percent') {
      const pct = Decimal.min(coupon.amount, 100);
      shares = remaining.map((r) => r.times(pct).div(100).floor());
      const target = roundTo(sum(remaining).times(pct).div(100), 0);
      const extra = allocateCents(
        Decimal.max(target.minus(sum(shares)), 0),
        remaining.map((r, i) => r.minus(shares[i] as Decimal)),
      );
      shares = shares.map((s, i) => s.plus(extra[i] as Decimal));
    } else if (coupon.type === 'fixed_cart') {
      const cents = Decimal.min(roundTo(coupon.amount, dp).times(unit), sum(remaining));
      shares = allocateCents(cents, remaining);
    } else {
      shares = remaining.map((r, i) =>
        Decimal.min(
          r,
          roundTo(coupon.amount, dp)
            .times(unit)
            .times(lines[i]?.quantity ?? 1),
        ),
      );
    }
    shares.forEach((s, i) => (remaining[i] = (remaining[i] as Decimal).minus(s)));
    perCoupon.push(shares.map((s) => s.div(unit)));
  }
  const lineDiscount = lines.map((_, i) => sum(perCoupon.map((c) => c[i] as Decimal)));

  const lineResults: LineResult[] = lines.map((line, i) => {
    const discount = lineDiscount[i] as Decimal;
    if (inclusive) {
      const subtotalTax = inclusiveTax(line.basis, line.taxable);
      const subtotal = line.basis.minus(subtotalTax);
      if (line.fixedTotal)
        return {
          subtotal,
          subtotalTax,
          total: line.fixedTotal,
          totalTax: exclusiveTax(line.fixedTotal, line.taxable),
        };
      const gross = line.basis.minus(discount);
      const totalTax = inclusiveTax(gross, line.taxable);
      return { subtotal, subtotalTax, total: gross.minus(totalTax), totalTax };
    }
    const subtotalTax = exclusiveTax(line.basis, line.taxable);
    const total = line.fixedTotal ?? line.basis.minus(discount);
    return { subtotal: line.basis, subtotalTax, total, totalTax: exclusiveTax(total, line.taxable) };
  });

  const feeResults = fees.map((fee) => ({
    total: fee.total,
    tax: exclusiveTax(fee.total, fee.taxable !== false),
  }));
  const shippingResults = shipping.map((s) => ({
    total: s.total,
    tax: tax?.shipping ? exclusiveTax(s.total, true) : ZERO,
  }));

  const discountTotal = roundTo(sum(lineResults.map((l) => l.subtotal.minus(l.total))), dp);
  const discountTax = roundTo(sum(lineResults.map((l) => l.subtotalTax.minus(l.totalTax))), dp);
  const cartTax = roundTo(sum([...lineResults.map((l) => l.totalTax), ...feeResults.map((f) => f.tax)]), dp);
  const shippingTax = roundTo(sum(shippingResults.map((s) => s.tax)), dp);
  const shippingTotal = roundTo(sum(shippingResults.map((s) => s.total)), dp);
  const itemsTotal = sum([...lineResults.map((l) => l.total), ...feeResults.map((f) => f.total)]);
  const total = roundTo(itemsTotal.plus(shippingTotal).plus(cartTax).plus(shippingTax), dp);

  // Each coupon line gets its share of the order's discount; the last absorbs rounding.
  const allDiscount = sum(lineDiscount);
  let givenDiscount = ZERO;
  let givenTax = ZERO;
  const couponResults = perCoupon.map((shares, index) => {
    if (index === perCoupon.length - 1)
      return { discount: discountTotal.minus(givenDiscount), discountTax: discountTax.minus(givenTax) };
    const fraction = allDiscount.gt(0) ? sum(shares).div(allDiscount) : ZERO;
    const discount = roundTo(discountTotal.times(fraction), dp);
    const discountTaxShare = roundTo(discountTax.times(fraction), dp);
    givenDiscount = givenDiscount.plus(discount);
    givenTax = givenTax.plus(discountTaxShare);
    return { discount, discountTax: discountTaxShare };
  });

  return {
    lines: lineResults,
    coupons: couponResults,
    fees: feeResults,
    shipping: shippingResults,
    discountTotal,
    discountTax,
    shippingTotal,
    shippingTax,
    cartTax,
    totalTax: cartTax.plus(shippingTax),
    total,
  };
}
