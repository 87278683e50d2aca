/**
 * Product master and price feeds. Products: `product.product` rows with a SKU (archived ones
 * included, they become `archived`). Prices: `product.pricelist.item` fixed prices per variant or
 * template — an item with a date range is a sale price over the product's list price.
 *
 * @example
 * ```ts
 * const { changes, cursor: next } = await readPriceChanges(ctx, cursor);
 * ```
 */
import type { Price, Product } from '../../../canonical/index.js';
import type { ChangePage } from '../../erp.js';
import type { OdooRecord } from '../client.js';
import type { OdooContext } from '../context.js';
import { m2oId, m2oName, text } from '../fields.js';
import { dec } from '../mapping/decimal.js';
import { odooDateTimeToIso } from '../mapping/picking.js';
import { readChanges, type ChangeReadOptions } from './write-date-cursor.js';

const PRODUCT_FIELDS = [
  'default_code',
  'name',
  'active',
  'barcode',
  'lst_price',
  'type',
  'product_tmpl_id',
  'write_date',
];
const ITEM_FIELDS = [
  'pricelist_id',
  'product_id',
  'product_tmpl_id',
  'applied_on',
  'compute_price',
  'fixed_price',
  'min_quantity',
  'date_start',
  'date_end',
  'currency_id',
  'write_date',
];
const ALL = { active_test: false };

export function productFromRow(row: OdooRecord): Product {
  const product: Product = {
    sku: String(row.default_code),
    name: String(row.name),
    kind: row.type === 'service' ? 'service' : 'simple',
    status: row.active === false ? 'archived' : 'active',
    refs: [{ system: 'odoo', id: String(row.id) }],
  };
  const barcode = text(row.barcode);
  if (barcode) product.barcode = barcode;
  const modified = odooDateTimeToIso(row.write_date);
  if (modified) product.modifiedAt = modified;
  return product;
}

export async function readProductChanges(
  ctx: OdooContext,
  cursor: string | undefined,
  options?: ChangeReadOptions,
): Promise<ChangePage<Product>> {
  const page = await readChanges(
    ctx.client,
    'product.product',
    [['default_code', '!=', false]],
    PRODUCT_FIELDS,
    cursor,
    { context: ALL, ...options },
  );
  return { changes: page.rows.map(productFromRow), cursor: page.cursor };
}

export async function readPriceChanges(
  ctx: OdooContext,
  cursor: string | undefined,
  options?: ChangeReadOptions,
): Promise<ChangePage<Price>> {
  const page = await readChanges(
    ctx.client,
    'product.pricelist.item',
    [['compute_price', '=', 'fixed']],
    ITEM_FIELDS,
    cursor,
    options,
  );
  if (page.rows.length === 0) return { changes: [], cursor: page.cursor };
  // Variants of the products and templates the items apply to: one read for SKUs and list prices.
  const productIds = page.rows.map((r) => m2oId(r.product_id)).filter((id): id is number => id !== undefined);
  const templateIds = page.rows
    .filter((r) => m2oId(r.product_id) === undefined)
    .map((r) => m2oId(r.product_tmpl_id))
    .filter((id): id is number => id !== undefined);
  const domain =
    templateIds.length > 0
      ? ['|', ['id', 'in', productIds], ['product_tmpl_id', 'in', templateIds]]
      : [['id', 'in', productIds]];
  const variants = await ctx.client.searchRead(
    'product.product',
    [...domain, ['default_code', '!=', false]],
    ['default_code', 'lst_price', 'product_tmpl_id'],
  );
  const changes: Price[] = [];
  for (const item of page.rows) {
    const productId = m2oId(item.product_id);
    const templateId = m2oId(item.product_tmpl_id);
    const targets = variants.filter((v) =>
      productId !== undefined ? v.id === productId : m2oId(v.product_tmpl_id) === templateId,
    );
    const currency = m2oName(item.currency_id) ?? 'EUR';
    for (const variant of targets) {
      const fixed = { currency, amount: dec(Number(item.fixed_price) || 0).toFixed(2) };
      const from = odooDateTimeToIso(item.date_start);
      const to = odooDateTimeToIso(item.date_end);
      const price: Price = {
        sku: String(variant.default_code),
        priceList: String(m2oId(item.pricelist_id) ?? m2oName(item.pricelist_id)),
        regular: from || to ? { currency, amount: dec(Number(variant.lst_price) || 0).toFixed(2) } : fixed,
        includesTax: false,
      };
      if (from || to) price.sale = fixed;
      if (from) price.saleFrom = from;
      if (to) price.saleTo = to;
      const modified = odooDateTimeToIso(item.write_date);
      if (modified) price.modifiedAt = modified;
      changes.push(price);
    }
  }
  return { changes, cursor: page.cursor };
}
