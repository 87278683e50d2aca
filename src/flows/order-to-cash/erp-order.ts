/**
 * The order as the ERP should hold it: the channel order less the units the hub cancelled and
 * refunded (lines no location can serve). Each cut line loses the same pro-rata share of its
 * totals and tax that its refund gave back (`lineRefund`), so the ERP total is the channel total
 * minus the hub's refunds to the cent; a line cancelled entirely is left out.
 *
 * @example
 * ```ts
 * const erpOrder = erpOrderOf(order, [{ lineId: '2', quantity: 2 }]);
 * erpOrder.totals.total; // channel total − the 2 units' total and tax
 * ```
 */
import { add, money, sub, sum, type Money, type Order } from '../../canonical/index.js';
import { lineRefund, prorate } from './line-refund.js';

type Line = Order['lines'][number];
type Cut = { lineId: string; quantity: number };

/** Cancelled units per line, at most the line's quantity. */
function cutsOf(order: Order, cancelled: readonly Cut[]): Map<string, number> {
  const cuts = new Map<string, number>();
  for (const c of cancelled) cuts.set(c.lineId, (cuts.get(c.lineId) ?? 0) + c.quantity);
  for (const line of order.lines) {
    const cut = cuts.get(line.lineId);
    if (cut !== undefined) cuts.set(line.lineId, Math.min(cut, line.quantity));
  }
  return cuts;
}

function share(m: Money, part: number, whole: number): Money {
  return money(m.currency, prorate(m.amount, part, whole, m.currency));
}

/** The line less `units`, with its per-rate taxes adding up to its remaining tax. */
function reduceLine(line: Line, units: number, totalCut: Money, taxCut: Money): Line {
  const totalTax = sub(line.totalTax, taxCut);
  const taxes = line.taxes.map((t) => ({
    ...t,
    amount: sub(t.amount, share(t.amount, units, line.quantity)),
  }));
  const last = taxes.at(-1);
  if (last !== undefined) {
    const others = sum(
      totalTax.currency,
      taxes.slice(0, -1).map((t) => t.amount),
    );
    last.amount = sub(totalTax, others);
  }
  return {
    ...line,
    quantity: line.quantity - units,
    subtotal: sub(line.subtotal, share(line.subtotal, units, line.quantity)),
    subtotalTax: sub(line.subtotalTax, share(line.subtotalTax, units, line.quantity)),
    total: sub(line.total, totalCut),
    totalTax,
    taxes,
  };
}

export function erpOrderOf(order: Order, cancelled: readonly Cut[]): Order {
  const cuts = cutsOf(order, cancelled);
  if (cuts.size === 0) return order;
  const refund = lineRefund(
    order,
    [...cuts].map(([lineId, quantity]) => ({ lineId, quantity })),
  );
  const zero = money(order.currency, '0');
  let subtotalCut = zero;
  let discountCut = zero;
  let discountTaxCut = zero;
  const rateCuts = new Map<string, Money>();
  const lines: Line[] = [];
  for (const line of order.lines) {
    const r = refund.lines.find((l) => l.lineId === line.lineId);
    if (r === undefined || r.quantity === 0) {
      lines.push(line);
      continue;
    }
    const reduced = reduceLine(line, r.quantity, r.total, r.tax);
    const lineSubtotalCut = sub(line.subtotal, reduced.subtotal);
    const lineSubtotalTaxCut = sub(line.subtotalTax, reduced.subtotalTax);
    subtotalCut = add(subtotalCut, lineSubtotalCut);
    discountCut = add(discountCut, sub(lineSubtotalCut, r.total));
    discountTaxCut = add(discountTaxCut, sub(lineSubtotalTaxCut, r.tax));
    for (const [index, tax] of line.taxes.entries()) {
      const left = reduced.taxes[index]?.amount ?? zero;
      rateCuts.set(tax.rateId, add(rateCuts.get(tax.rateId) ?? zero, sub(tax.amount, left)));
    }
    if (reduced.quantity > 0) lines.push(reduced);
  }
  const taxCut = sum(
    order.currency,
    refund.lines.map((l) => l.tax),
  );
  const { totals } = order;
  return {
    ...order,
    lines,
    taxLines: order.taxLines.map((t) => {
      const cut = rateCuts.get(t.rateId);
      return cut === undefined ? t : { ...t, taxTotal: sub(t.taxTotal, cut) };
    }),
    totals: {
      ...totals,
      subtotal: sub(totals.subtotal, subtotalCut),
      discountTotal: sub(totals.discountTotal, discountCut),
      discountTax: sub(totals.discountTax, discountTaxCut),
      taxTotal: sub(totals.taxTotal, taxCut),
      total: sub(totals.total, refund.amount),
    },
  };
}
