/**
 * Canonical Order → SaleDraft: the channel figures the Odoo line planner works from. A line
 * without a SKU cannot be matched to an Odoo product, which a person must fix: BusinessError.
 *
 * @example
 * ```ts
 * const draft = saleDraftFromOrder(order);
 * draft.total === order.totals.total.amount; // true
 * ```
 */
import type { Order } from '../../../canonical/models/order.js';
import type { TaxAmount } from '../../../canonical/models/order-lines.js';
import { BusinessError } from '../../../runtime/errors.js';
import { SYSTEM } from '../errors.js';
import { sumDec } from './decimal.js';
import type { RateAmount, SaleDraft } from './sale-draft.js';

const rates = (taxes: TaxAmount[]): RateAmount[] =>
  taxes.map((t) => ({ rateId: t.rateId, amount: t.amount.amount }));

export function saleDraftFromOrder(order: Order): SaleDraft {
  return {
    currency: order.currency,
    pricesIncludeTax: order.pricesIncludeTax,
    lines: order.lines.map((line) => {
      if (!line.sku) {
        throw new BusinessError(
          `Order line ${line.lineId} ("${line.name}") has no SKU; it cannot be matched to an ERP product`,
          {
            code: 'line_without_sku',
            system: SYSTEM,
            details: { lineId: line.lineId },
          },
        );
      }
      return {
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        subtotal: line.subtotal.amount,
        subtotalTax: line.subtotalTax.amount,
        total: line.total.amount,
        taxes: rates(line.taxes),
      };
    }),
    charges: [
      ...order.shippingLines.map((s) => ({
        kind: 'shipping' as const,
        name: s.methodTitle,
        total: s.total.amount,
        taxes: rates(s.taxes),
      })),
      ...order.feeLines.map((f) => ({
        kind: 'fee' as const,
        name: f.name,
        total: f.total.amount,
        taxes: rates(f.taxes),
      })),
    ],
    coupons: order.couponLines.map((c) => ({
      code: c.code,
      discount: c.discount.amount,
      discountTax: c.discountTax.amount,
    })),
    taxRates: order.taxLines.map((t) => {
      const info = {
        rateId: t.rateId,
        label: t.label,
        amount: sumDec([t.taxTotal.amount, t.shippingTaxTotal.amount]).toFixed(),
      };
      return t.rate === undefined ? info : { ...info, percent: t.rate };
    }),
    total: order.totals.total.amount,
  };
}

/** `WC-<storeId>-<order id>`: the sale order's client_order_ref. */
export function clientOrderRef(storeId: string, externalId: string): string {
  return `WC-${storeId}-${externalId}`;
}

/** The ir.model.data name under module `retail_hub` that makes the order unique in Odoo. */
export function orderXmlName(storeId: string, externalId: string): string {
  return `order_${storeId}_${externalId}`.replace(/[^A-Za-z0-9_]/g, '_');
}
