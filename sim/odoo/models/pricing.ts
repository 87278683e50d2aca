/**
 * Pricelists (`product.pricelist` + `.item`: fixed or percentage prices per product, template,
 * category or globally, with quantity breaks and date windows) and taxes (`account.tax`). In 18+
 * `price_include` became computed from `price_include_override` (`tax_included`/`tax_excluded`).
 */
import type { Env, FieldDef, ModelDef, OdooVersion, Row } from '../orm/types.js';
import { computeLine, type LineAmounts, type TaxSpec } from './tax-engine.js';
import { active, bool, char, company, constant, datetime, float, int, m2o, o2m, sel } from './fields.js';

export function pricingModels(version: OdooVersion): ModelDef[] {
  const includeFields: Record<string, FieldDef> =
    version >= 18
      ? {
          price_include_override: sel(
            [
              ['tax_included', 'Tax Included'],
              ['tax_excluded', 'Tax Excluded'],
            ],
            { string: 'Included in Price' },
          ),
          price_include: bool('Included in Price', {
            compute: (_env: Env, row: Row) => row.price_include_override === 'tax_included',
          }),
        }
      : { price_include: bool('Included in Price') };
  return [
    {
      name: 'product.pricelist',
      description: 'Pricelist',
      order: 'sequence, id',
      fields: {
        name: char('Pricelist Name', { required: true }),
        currency_id: m2o('res.currency', { required: true, default: constant(1) }),
        item_ids: o2m('product.pricelist.item', 'pricelist_id', { string: 'Pricelist Rules' }),
        sequence: int('Sequence', { default: constant(16) }),
        company_id: m2o('res.company'),
        active: active(),
      },
      recName: 'name',
    },
    {
      name: 'product.pricelist.item',
      description: 'Pricelist Rule',
      order: 'applied_on, min_quantity desc, categ_id desc, id desc',
      fields: {
        pricelist_id: m2o('product.pricelist', { required: true, ondelete: 'cascade' }),
        applied_on: sel(
          [
            ['3_global', 'All Products'],
            ['2_product_category', 'Product Category'],
            ['1_product', 'Product'],
            ['0_product_variant', 'Product Variant'],
          ],
          {
            required: true,
            default: (_env, vals) =>
              vals.product_id
                ? '0_product_variant'
                : vals.product_tmpl_id
                  ? '1_product'
                  : vals.categ_id
                    ? '2_product_category'
                    : '3_global',
          },
        ),
        product_tmpl_id: m2o('product.template', { ondelete: 'cascade' }),
        product_id: m2o('product.product', { ondelete: 'cascade' }),
        categ_id: m2o('product.category', { ondelete: 'cascade' }),
        min_quantity: float('Min. Quantity'),
        compute_price: sel(
          [
            ['fixed', 'Fixed Price'],
            ['percentage', 'Discount'],
            ['formula', 'Formula'],
          ],
          { default: constant('fixed') },
        ),
        fixed_price: float('Fixed Price'),
        percent_price: float('Percentage Price'),
        price_discount: float('Price Discount'),
        price_surcharge: float('Price Surcharge'),
        date_start: datetime('Start Date'),
        date_end: datetime('End Date'),
        currency_id: m2o('res.currency', {
          compute: (env, row) =>
            env.store.row('product.pricelist', row.pricelist_id as number)?.currency_id ?? false,
        }),
        company_id: m2o('res.company'),
        active: active(),
      },
    },
    {
      name: 'account.tax',
      description: 'Tax',
      order: 'sequence, id',
      fields: {
        name: char('Tax Name', { required: true }),
        amount: float('Amount'),
        amount_type: sel(
          [
            ['group', 'Group of Taxes'],
            ['fixed', 'Fixed'],
            ['percent', 'Percentage of Price'],
            ['division', 'Percentage of Price Tax Included'],
          ],
          {
            required: true,
            default: constant('percent'),
          },
        ),
        type_tax_use: sel(
          [
            ['sale', 'Sales'],
            ['purchase', 'Purchases'],
            ['none', 'None'],
          ],
          { required: true, default: constant('sale') },
        ),
        ...includeFields,
        include_base_amount: bool('Affect Base of Subsequent Taxes'),
        description: char('Label on Invoices'),
        sequence: int('Sequence', { default: constant(1) }),
        country_id: m2o('res.country'),
        company_id: company(),
        active: active(),
      },
    },
  ];
}

export function taxSpecs(env: Env, ids: number[]): TaxSpec[] {
  return ids
    .map((id) => env.store.row('account.tax', id))
    .filter((t): t is Row => t !== undefined)
    .map((t) => ({
      id: t.id,
      amountType: (t.amount_type as TaxSpec['amountType']) ?? 'percent',
      amount: Number(t.amount ?? 0),
      priceInclude: env.store.get(env, 'account.tax', t, 'price_include') === true,
    }));
}

/** The unit price a pricelist gives a product for a quantity at a date (`YYYY-MM-DD HH:MM:SS`). */
export function pricelistPrice(
  env: Env,
  pricelistId: number | false,
  product: Row,
  quantity: number,
  at: string,
): number {
  const listPrice = Number(env.store.get(env, 'product.product', product, 'lst_price'));
  if (pricelistId === false) return listPrice;
  const template = product.product_tmpl_id as number;
  const categ = env.store.get(env, 'product.product', product, 'categ_id') as number | false;
  const categs = categ === false ? new Set<number>() : env.store.ancestors(env, 'product.category', [categ]);
  const itemIds = env.store.search(env, 'product.pricelist.item', [['pricelist_id', '=', pricelistId]]);
  for (const item of env.store.browse(env, 'product.pricelist.item', itemIds)) {
    if (Number(item.min_quantity ?? 0) > quantity) continue;
    if (typeof item.date_start === 'string' && item.date_start > at) continue;
    if (typeof item.date_end === 'string' && item.date_end < at) continue;
    const applies =
      item.applied_on === '3_global' ||
      (item.applied_on === '2_product_category' && categs.has(item.categ_id as number)) ||
      (item.applied_on === '1_product' && item.product_tmpl_id === template) ||
      (item.applied_on === '0_product_variant' && item.product_id === product.id);
    if (!applies) continue;
    if (item.compute_price === 'fixed') return Number(item.fixed_price ?? 0);
    if (item.compute_price === 'percentage') return listPrice * (1 - Number(item.percent_price ?? 0) / 100);
    return listPrice * (1 - Number(item.price_discount ?? 0) / 100) + Number(item.price_surcharge ?? 0);
  }
  return listPrice;
}

export function currencyDecimals(env: Env, currencyId: unknown): number {
  const currency = typeof currencyId === 'number' ? env.store.row('res.currency', currencyId) : undefined;
  return currency ? Number(env.store.get(env, 'res.currency', currency, 'decimal_places')) : 2;
}

/** Amounts of one priced line (sale or invoice) in its document's currency. */
export function priceLine(
  env: Env,
  line: { priceUnit: unknown; quantity: unknown; discount: unknown; taxIds: unknown; currencyId: unknown },
): LineAmounts {
  return computeLine({
    priceUnit: Number(line.priceUnit ?? 0),
    quantity: Number(line.quantity ?? 0),
    discount: Number(line.discount ?? 0),
    taxes: taxSpecs(env, Array.isArray(line.taxIds) ? (line.taxIds as number[]) : []),
    decimals: currencyDecimals(env, line.currencyId),
  });
}
