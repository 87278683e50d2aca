/**
 * The order as the Odoo mapping needs it: channel figures as exact decimal strings, already split
 * into product lines, charges (shipping, fees), coupons and per-rate tax totals. `from-order.ts`
 * derives it from the canonical Order; the line builders turn it into sale.order.line values.
 * Amounts follow WooCommerce's convention: line `subtotal`/`total` EXCLUDE tax even when the
 * store's prices include it (the `*Tax` figures carry the tax).
 *
 * @example
 * ```ts
 * const draft: SaleDraft = saleDraftFromOrder(order);
 * planLines(draft, 'line', refs).predictedTotal.toFixed(2) === draft.total; // true
 * ```
 */
export interface RateAmount {
  /** The channel's tax rate id (WooCommerce `rate_id`), as a string. */
  rateId: string;
  amount: string;
}

export interface TaxRateInfo {
  rateId: string;
  label: string;
  /** Percentage, e.g. "21" — what `map` mode matches Odoo taxes on when no explicit map entry exists. */
  percent?: string;
  /** The order's total for this rate (items + shipping + fees), rounded as the channel shows it. */
  amount: string;
}

export interface DraftLine {
  sku: string;
  name: string;
  quantity: number;
  /** Before coupons, excluding tax. */
  subtotal: string;
  subtotalTax: string;
  /** After coupons, excluding tax. */
  total: string;
  taxes: RateAmount[];
}

export interface DraftCharge {
  kind: 'shipping' | 'fee';
  name: string;
  /** Excluding tax (negative for a discount fee). */
  total: string;
  taxes: RateAmount[];
}

export interface DraftCoupon {
  code: string;
  /** Discount excluding tax, positive. */
  discount: string;
  discountTax: string;
}

export interface SaleDraft {
  currency: string;
  pricesIncludeTax: boolean;
  lines: DraftLine[];
  charges: DraftCharge[];
  coupons: DraftCoupon[];
  taxRates: TaxRateInfo[];
  /** The channel's grand total: the ERP order must end up exactly here. */
  total: string;
}
