/**
 * `map` tax mode: channel rates → Odoo sale taxes. An explicit `taxMap` entry (by channel rate id,
 * or by percentage as `"21%"`) wins; otherwise a sale tax with the rate's percentage and the
 * store's price-inclusion is looked up. No match is a set-up problem for a person: BusinessError.
 *
 * @example
 * ```ts
 * const taxes = await resolveTaxes(ctx, draft); // Map<rateId, OdooTaxInfo[]>
 * ```
 */
import { BusinessError } from '../../runtime/errors.js';
import type { OdooContext } from './context.js';
import { SYSTEM } from './errors.js';
import type { OdooTaxInfo } from './mapping/order-lines.js';
import type { SaleDraft } from './mapping/sale-draft.js';

const TAX_FIELDS = ['amount', 'amount_type', 'price_include', 'type_tax_use'];

function info(row: Record<string, unknown> & { id: number }): OdooTaxInfo {
  return { id: row.id, percent: String(row.amount), priceInclude: row.price_include === true };
}

export async function resolveTaxes(ctx: OdooContext, draft: SaleDraft): Promise<Map<string, OdooTaxInfo[]>> {
  const result = new Map<string, OdooTaxInfo[]>();
  const usedRates = new Set(
    [...draft.lines.flatMap((l) => l.taxes), ...draft.charges.flatMap((c) => c.taxes)].map((t) => t.rateId),
  );
  for (const rateId of usedRates) {
    const rate = draft.taxRates.find((r) => r.rateId === rateId);
    const mapped =
      ctx.settings.taxMap[rateId] ??
      (rate?.percent !== undefined ? ctx.settings.taxMap[`${Number(rate.percent)}%`] : undefined);
    let rows: (Record<string, unknown> & { id: number })[];
    if (mapped !== undefined) {
      rows = await ctx.client.read('account.tax', [Number(mapped)], TAX_FIELDS);
    } else if (rate?.percent !== undefined) {
      const domain: unknown[] = [
        ['type_tax_use', '=', 'sale'],
        ['amount_type', '=', 'percent'],
        ['amount', '=', Number(rate.percent)],
      ];
      if (ctx.settings.companyId !== undefined) domain.push(['company_id', '=', ctx.settings.companyId]);
      const candidates = await ctx.client.searchRead('account.tax', domain, TAX_FIELDS, { order: 'id asc' });
      rows = candidates.filter((row) => (row.price_include === true) === draft.pricesIncludeTax).slice(0, 1);
    } else {
      rows = [];
    }
    if (rows.length === 0) {
      throw new BusinessError(
        `No Odoo sale tax for channel tax rate ${rateId}${rate?.percent ? ` (${rate.percent}%${draft.pricesIncludeTax ? ', price-included' : ''})` : ''}; add it to erp.taxMap`,
        { code: 'tax_not_mapped', system: SYSTEM, details: { rateId } },
      );
    }
    result.set(rateId, rows.map(info));
  }
  return result;
}
