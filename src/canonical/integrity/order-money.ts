/**
 * Every Money figure of an order with its JSON Pointer, so checks can report exactly where a
 * wrong currency sits.
 *
 * @example
 * ```ts
 * for (const [path, m] of orderMoneyFields(order)) if (m.currency !== order.currency) console.log(path);
 * ```
 */
import type { Money } from '../money/money-schema.js';
import type { Order } from '../models/order.js';
import type { OrderTotals, TaxAmount } from '../models/order-lines.js';

function* taxes(prefix: string, list: readonly TaxAmount[]): Generator<[string, Money]> {
  for (const [j, tax] of list.entries()) {
    yield [`${prefix}/taxes/${j}/amount`, tax.amount];
    if (tax.subtotalAmount) yield [`${prefix}/taxes/${j}/subtotalAmount`, tax.subtotalAmount];
  }
}

export function* orderMoneyFields(order: Order): Generator<[string, Money]> {
  for (const [i, line] of order.lines.entries()) {
    const p = `/lines/${i}`;
    yield* [
      [`${p}/unitPrice`, line.unitPrice],
      [`${p}/subtotal`, line.subtotal],
      [`${p}/subtotalTax`, line.subtotalTax],
      [`${p}/discount`, line.discount],
      [`${p}/total`, line.total],
      [`${p}/totalTax`, line.totalTax],
    ] as [string, Money][];
    yield* taxes(p, line.taxes);
  }
  for (const [i, line] of order.shippingLines.entries()) {
    yield [`/shippingLines/${i}/total`, line.total];
    yield [`/shippingLines/${i}/totalTax`, line.totalTax];
    yield* taxes(`/shippingLines/${i}`, line.taxes);
  }
  for (const [i, line] of order.feeLines.entries()) {
    yield [`/feeLines/${i}/total`, line.total];
    yield [`/feeLines/${i}/totalTax`, line.totalTax];
    yield* taxes(`/feeLines/${i}`, line.taxes);
  }
  for (const [i, line] of order.couponLines.entries()) {
    yield [`/couponLines/${i}/discount`, line.discount];
    yield [`/couponLines/${i}/discountTax`, line.discountTax];
  }
  for (const [i, line] of order.taxLines.entries()) {
    yield [`/taxLines/${i}/taxTotal`, line.taxTotal];
    yield [`/taxLines/${i}/shippingTaxTotal`, line.shippingTaxTotal];
  }
  for (const key of Object.keys(order.totals) as (keyof OrderTotals)[]) {
    yield [`/totals/${key}`, order.totals[key]];
  }
  for (const [i, refund] of order.refunds.entries()) yield [`/refunds/${i}/amount`, refund.amount];
}
