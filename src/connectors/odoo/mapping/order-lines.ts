/**
 * Plans the sale.order lines for one channel order, in either tax mode, and predicts the total
 * Odoo will compute so a rounding adjustment line can go into the same `create`:
 *
 * - `line` (default, no set-up): products at their tax-exclusive unit price with NO Odoo taxes, one
 *   negative line per coupon, shipping and fees as service lines, and the channel's tax amount per
 *   rate as one service line each — the ERP total is the channel total by construction.
 * - `map`: products carry the Odoo taxes mapped from the channel's rates (gross unit prices with
 *   price-included taxes for tax-inclusive stores), coupons become the line's discount %, and
 *   whatever Odoo's own tax rounding leaves over becomes an explicit rounding line.
 *
 * Odoo rounds a unit price to the "Product Price" precision and a discount to 2 decimals; the
 * prediction applies the same rounding, and the caller still verifies `amount_total` afterwards.
 *
 * @example
 * ```ts
 * const plan = planLines(draft, 'line', { productId: (sku) => ids.get(sku)!, service: (key) => services.get(key)! });
 * plan.lines.length; // products + coupons + shipping + one per tax rate (+ rounding when needed)
 * ```
 */
import { PermanentError } from '../../../runtime/errors.js';
import { SYSTEM } from '../errors.js';
import { D, dec, odooRound, sumDec, type Dec } from './decimal.js';
import type { RateAmount, SaleDraft } from './sale-draft.js';

export type TaxMode = 'line' | 'map';

/** Service products the hub keeps in Odoo under `retail_hub.service_<key>`. */
export type ServiceKey = 'shipping' | 'fee' | 'discount' | 'rounding' | `tax_${string}`;

export interface OdooTaxInfo {
  id: number;
  /** Percentage, e.g. 21. */
  percent: string;
  priceInclude: boolean;
}

export interface LineRefs {
  productId(sku: string): number;
  service(key: ServiceKey): number;
  /** Map mode only: the Odoo taxes for a channel rate id. */
  taxesForRate?(rateId: string): OdooTaxInfo[];
}

export interface PlannedLine {
  kind: 'product' | 'coupon' | 'discount' | 'shipping' | 'fee' | 'tax' | 'rounding';
  productId: number;
  name: string;
  quantity: Dec;
  priceUnit: Dec;
  /** Percent. */
  discount: Dec;
  taxes: OdooTaxInfo[];
}

export interface LinePlan {
  lines: PlannedLine[];
  /** What Odoo should compute for amount_total, rounding line included. */
  predictedTotal: Dec;
}

export interface PlanOptions {
  /** Decimal places Odoo keeps for currency amounts (2 for EUR/USD, 0 for JPY). */
  currencyDigits?: number;
  /** Odoo's "Product Price" precision (2 by default). */
  priceDigits?: number;
}

/** Which service products an order needs, so they can be ensured before planning. */
export function requiredServices(draft: SaleDraft, mode: TaxMode): ServiceKey[] {
  const keys = new Set<ServiceKey>(['rounding', 'discount']);
  for (const charge of draft.charges) keys.add(charge.kind);
  if (mode === 'line') for (const rate of draft.taxRates) keys.add(`tax_${rate.rateId}`);
  return [...keys];
}

export function planLines(
  draft: SaleDraft,
  mode: TaxMode,
  refs: LineRefs,
  options: PlanOptions = {},
): LinePlan {
  const priceDigits = options.priceDigits ?? 2;
  const currencyDigits = options.currencyDigits ?? 2;
  const lines =
    mode === 'line' ? lineModeLines(draft, refs, priceDigits) : mapModeLines(draft, refs, priceDigits);
  const predicted = sumDec(lines.map((line) => predictLineTotal(line, currencyDigits)));
  const gap = odooRound(dec(draft.total).minus(predicted), currencyDigits);
  if (!gap.isZero()) lines.push(roundingLine(refs, gap));
  return { lines, predictedTotal: predicted.plus(gap) };
}

export function roundingLine(refs: LineRefs, amount: Dec): PlannedLine {
  return {
    kind: 'rounding',
    productId: refs.service('rounding'),
    name: 'Rounding adjustment to the channel total',
    quantity: dec(1),
    priceUnit: amount,
    discount: dec(0),
    taxes: [],
  };
}

function unitPrice(amount: Dec, quantity: number, digits: number): Dec {
  return odooRound(amount.div(quantity), digits);
}

function lineModeLines(draft: SaleDraft, refs: LineRefs, priceDigits: number): PlannedLine[] {
  const lines: PlannedLine[] = [];
  for (const line of draft.lines) {
    lines.push({
      kind: 'product',
      productId: refs.productId(line.sku),
      name: line.name,
      quantity: dec(line.quantity),
      priceUnit: unitPrice(dec(line.subtotal), line.quantity, priceDigits),
      discount: dec(0),
      taxes: [],
    });
  }
  for (const coupon of draft.coupons) {
    lines.push(flat('coupon', refs.service('discount'), `Coupon ${coupon.code}`, dec(coupon.discount).neg()));
  }
  // Discounts not explained by a coupon (a manual line discount in the channel).
  const lineDiscounts = sumDec(draft.lines.map((l) => dec(l.subtotal).minus(l.total)));
  const unexplained = lineDiscounts.minus(sumDec(draft.coupons.map((c) => c.discount)));
  if (!unexplained.isZero())
    lines.push(flat('discount', refs.service('discount'), 'Discount', unexplained.neg()));
  for (const charge of draft.charges)
    lines.push(flat(charge.kind, refs.service(charge.kind), charge.name, dec(charge.total)));
  for (const rate of draft.taxRates) {
    if (dec(rate.amount).isZero()) continue;
    lines.push(flat('tax', refs.service(`tax_${rate.rateId}`), `Tax ${rate.label}`, dec(rate.amount)));
  }
  return lines;
}

function mapModeLines(draft: SaleDraft, refs: LineRefs, priceDigits: number): PlannedLine[] {
  const taxesOf = (rates: RateAmount[]): OdooTaxInfo[] => {
    if (!refs.taxesForRate)
      throw new PermanentError('tax mode "map" needs a tax map', { code: 'tax_map_missing', system: SYSTEM });
    const seen = new Map<number, OdooTaxInfo>();
    for (const rate of rates) for (const tax of refs.taxesForRate(rate.rateId)) seen.set(tax.id, tax);
    return [...seen.values()];
  };
  const lines: PlannedLine[] = [];
  for (const line of draft.lines) {
    const gross = draft.pricesIncludeTax;
    const base = gross ? dec(line.subtotal).plus(line.subtotalTax) : dec(line.subtotal);
    const subtotal = dec(line.subtotal);
    const discount = subtotal.isZero()
      ? dec(0)
      : odooRound(subtotal.minus(line.total).div(subtotal).times(100), 2);
    lines.push({
      kind: 'product',
      productId: refs.productId(line.sku),
      name: line.name,
      quantity: dec(line.quantity),
      priceUnit: unitPrice(base, line.quantity, priceDigits),
      discount,
      taxes: taxesOf(line.taxes),
    });
  }
  for (const charge of draft.charges) {
    const taxAmount = sumDec(charge.taxes.map((t) => t.amount));
    const amount = draft.pricesIncludeTax ? dec(charge.total).plus(taxAmount) : dec(charge.total);
    lines.push({
      ...flat(charge.kind, refs.service(charge.kind), charge.name, odooRound(amount, priceDigits)),
      taxes: taxesOf(charge.taxes),
    });
  }
  return lines;
}

function flat(kind: PlannedLine['kind'], productId: number, name: string, amount: Dec): PlannedLine {
  return { kind, productId, name, quantity: dec(1), priceUnit: amount, discount: dec(0), taxes: [] };
}

/**
 * Odoo's per-line computation (company setting "round per line", the default): price after
 * discount × quantity rounded to the currency, then each percentage tax rounded; price-included
 * taxes are extracted from the rounded gross amount.
 */
export function predictLineTotal(line: PlannedLine, currencyDigits: number): Dec {
  const gross = line.priceUnit.times(new D(1).minus(line.discount.div(100))).times(line.quantity);
  const included = line.taxes.filter((t) => t.priceInclude);
  const excluded = line.taxes.filter((t) => !t.priceInclude);
  let base: Dec;
  if (included.length > 0) {
    const totalIncluded = odooRound(gross, currencyDigits);
    const rate = sumDec(included.map((t) => dec(t.percent).div(100)));
    base = odooRound(totalIncluded.div(new D(1).plus(rate)), currencyDigits);
    const includedTaxes = totalIncluded.minus(base);
    const extra = sumDec(excluded.map((t) => odooRound(base.times(t.percent).div(100), currencyDigits)));
    return base.plus(includedTaxes).plus(extra);
  }
  base = odooRound(gross, currencyDigits);
  const taxes = sumDec(excluded.map((t) => odooRound(base.times(t.percent).div(100), currencyDigits)));
  return base.plus(taxes);
}
