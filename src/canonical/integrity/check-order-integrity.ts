/**
 * Verifies an Order's arithmetic on the figures the channel stored and reports every discrepancy.
 *
 * The identity is `subtotal − discountTotal + shippingTotal + feeTotal + taxTotal = total`, with
 * each total equal to the sum of its lines. It holds for tax-inclusive stores too, because
 * WooCommerce stores ex-tax line totals and the tax beside them whatever the price entry mode.
 *
 * Tolerance exists only where the store's tax rounding allows it: with `subtotal` rounding the
 * per-line tax amounts are unrounded (`"38.115"`) and rounded once per rate, so a rate's lines
 * may differ from its tax line by at most one minor unit (and a line's `totalTax` from its rate
 * amounts likewise). Everything else — totals, the order total — must match exactly.
 *
 * @example
 * ```ts
 * const report = checkOrderIntegrity(order, { taxRounding: 'per-line' });
 * if (!report.ok) for (const d of report.discrepancies) log.warn(d, d.message);
 * // { code: 'order_total_mismatch', path: '/totals/total', expected: { currency: 'USD', amount: '29.35' }, actual: {...}, message }
 * ```
 */
import type { Money } from '../money/money-schema.js';
import { abs, add, compare, minorUnit, multiply, sub, sum, zero } from '../money/money.js';
import type { Order } from '../models/order.js';
import type { TaxAmount } from '../models/order-lines.js';
import { orderMoneyFields } from './order-money.js';

export type TaxRounding = 'per-line' | 'subtotal';

export type DiscrepancyCode =
  | 'currency_mismatch'
  | 'line_discount_mismatch'
  | 'line_tax_mismatch'
  | 'subtotal_mismatch'
  | 'discount_total_mismatch'
  | 'coupon_total_mismatch'
  | 'shipping_total_mismatch'
  | 'shipping_tax_mismatch'
  | 'fee_total_mismatch'
  | 'tax_total_mismatch'
  | 'tax_rate_mismatch'
  | 'tax_rate_missing'
  | 'order_total_mismatch';

export interface Discrepancy {
  code: DiscrepancyCode;
  message: string;
  expected: Money;
  actual: Money;
  /** JSON Pointer into the order of the figure that disagrees. */
  path: string;
}

export interface IntegrityReport {
  ok: boolean;
  discrepancies: Discrepancy[];
}

export interface IntegrityOptions {
  /** The store's "round tax at subtotal level" setting: `subtotal` when on, `per-line` when off. */
  taxRounding: TaxRounding;
}

function ratesOf(list: readonly TaxAmount[], into: Map<string, Money[]>): void {
  for (const tax of list) into.set(tax.rateId, [...(into.get(tax.rateId) ?? []), tax.amount]);
}

export function checkOrderIntegrity(order: Order, options: IntegrityOptions): IntegrityReport {
  const currency = order.currency;
  const found: Discrepancy[] = [];

  for (const [path, figure] of orderMoneyFields(order)) {
    if (figure.currency !== currency) {
      found.push({
        code: 'currency_mismatch',
        path,
        expected: { currency, amount: figure.amount },
        actual: figure,
        message: `${path} is in ${figure.currency}, the order in ${currency}`,
      });
    }
  }
  // Arithmetic across currencies means nothing; report the currencies alone.
  if (found.length > 0) return { ok: false, discrepancies: found };

  const oneUnit = minorUnit(currency);
  const tolerance = options.taxRounding === 'subtotal' ? oneUnit : zero(currency);
  const expect = (
    code: DiscrepancyCode,
    path: string,
    expected: Money,
    actual: Money,
    allowed = zero(currency),
  ) => {
    if (compare(abs(sub(expected, actual)), allowed) > 0) {
      const slack = compare(allowed, zero(currency)) > 0 ? ` (tolerance ${allowed.amount})` : '';
      found.push({
        code,
        path,
        expected,
        actual,
        message: `${path}: expected ${expected.amount} ${currency}, found ${actual.amount}${slack}`,
      });
    }
  };
  const total = (figures: readonly Money[]) => sum(currency, figures);

  for (const [i, line] of order.lines.entries()) {
    expect('line_discount_mismatch', `/lines/${i}/discount`, sub(line.subtotal, line.total), line.discount);
    if (line.taxes.length > 0) {
      const taxes = total(line.taxes.map((t) => t.amount));
      expect('line_tax_mismatch', `/lines/${i}/totalTax`, taxes, line.totalTax, tolerance);
    }
  }

  const t = order.totals;
  expect('subtotal_mismatch', '/totals/subtotal', total(order.lines.map((l) => l.subtotal)), t.subtotal);
  expect(
    'discount_total_mismatch',
    '/totals/discountTotal',
    total(order.lines.map((l) => l.discount)),
    t.discountTotal,
  );
  if (order.couponLines.length > 0) {
    const couponSlack = multiply(tolerance, order.couponLines.length);
    const coupons = total(order.couponLines.map((c) => c.discount));
    expect('coupon_total_mismatch', '/couponLines', t.discountTotal, coupons, couponSlack);
  }
  expect(
    'shipping_total_mismatch',
    '/totals/shippingTotal',
    total(order.shippingLines.map((l) => l.total)),
    t.shippingTotal,
  );
  expect(
    'shipping_tax_mismatch',
    '/totals/shippingTax',
    total(order.shippingLines.map((l) => l.totalTax)),
    t.shippingTax,
  );
  expect('fee_total_mismatch', '/totals/feeTotal', total(order.feeLines.map((l) => l.total)), t.feeTotal);
  const charged = [...order.lines, ...order.feeLines, ...order.shippingLines];
  if (order.taxLines.length > 0) {
    const taxLines = total(order.taxLines.map((l) => add(l.taxTotal, l.shippingTaxTotal)));
    expect('tax_total_mismatch', '/totals/taxTotal', taxLines, t.taxTotal);
  } else {
    // No per-rate totals to compare with: the tax total must come from the lines' rate amounts.
    const amounts = charged.flatMap((line) => line.taxes.map((tax) => tax.amount));
    const rates = new Set(charged.flatMap((line) => line.taxes.map((tax) => tax.rateId))).size;
    expect('tax_total_mismatch', '/totals/taxTotal', total(amounts), t.taxTotal, multiply(tolerance, rates));
  }

  const byRate = new Map<string, Money[]>();
  for (const line of charged) ratesOf(line.taxes, byRate);
  for (const [i, taxLine] of order.taxLines.entries()) {
    const fromLines = total(byRate.get(taxLine.rateId) ?? []);
    byRate.delete(taxLine.rateId);
    expect(
      'tax_rate_mismatch',
      `/taxLines/${i}`,
      fromLines,
      add(taxLine.taxTotal, taxLine.shippingTaxTotal),
      tolerance,
    );
  }
  for (const [rateId, amounts] of byRate) {
    const amount = total(amounts);
    if (compare(abs(amount), tolerance) > 0) {
      found.push({
        code: 'tax_rate_missing',
        path: '/taxLines',
        expected: amount,
        actual: zero(currency),
        message: `lines carry ${amount.amount} ${currency} of tax rate ${rateId} but no tax line has it`,
      });
    }
  }

  const computed = add(sub(t.subtotal, t.discountTotal), add(add(t.shippingTotal, t.feeTotal), t.taxTotal));
  expect('order_total_mismatch', '/totals/total', computed, t.total);

  return { ok: found.length === 0, discrepancies: found };
}
