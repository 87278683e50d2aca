/**
 * Product master and price feeds. Products: `product.product` rows with a SKU (archived ones
 * included, they become `archived`). Prices: `product.pricelist.item` fixed prices per variant or
 * template, each change re-read as the variant's whole price in that pricelist (see `priceOf`).
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

/** Whether a fixed item applies to a variant: its own, else its template's. */
const appliesTo = (item: OdooRecord, variant: OdooRecord) =>
  m2oId(item.product_id) !== undefined
    ? m2oId(item.product_id) === variant.id
    : m2oId(item.product_tmpl_id) === m2oId(variant.product_tmpl_id);

/**
 * One variant's price in one pricelist, from all of that pricelist's fixed items for it: the
 * undated item is the regular price (a variant's own before its template's); a dated one is the
 * sale. Without an undated item the regular price is the product's list price,
 * in the company's currency — which, for a pricelist in another currency, the catalogue flow
 * replaces with the store's own regular price rather than sell at a foreign amount.
 */
function priceOf(
  variant: OdooRecord,
  items: readonly OdooRecord[],
  listCurrency: string,
  companyCurrency: string,
  now: string,
): Price {
  const mine = items
    .filter((i) => appliesTo(i, variant) && (Number(i.min_quantity) || 0) <= 1)
    .sort((a, b) => Number(m2oId(a.product_id) === undefined) - Number(m2oId(b.product_id) === undefined));
  const amount = (item: OdooRecord) => dec(Number(item.fixed_price) || 0).toFixed(2);
  const regularItem = mine.find((i) => !odooDateTimeToIso(i.date_start) && !odooDateTimeToIso(i.date_end));
  // The promotion running now or next; else the last one (its schedule keeps it from applying).
  const dated = mine.filter((i) => odooDateTimeToIso(i.date_start) || odooDateTimeToIso(i.date_end));
  const end = (i: OdooRecord) => odooDateTimeToIso(i.date_end) ?? '9999';
  const start = (i: OdooRecord) => odooDateTimeToIso(i.date_start) ?? '';
  const saleItem =
    dated.filter((i) => end(i) > now).sort((a, b) => start(a).localeCompare(start(b)))[0] ??
    dated.sort((a, b) => end(b).localeCompare(end(a)))[0];
  const price: Price = {
    sku: String(variant.default_code),
    priceList: String(m2oId(mine[0]?.pricelist_id) ?? m2oName(mine[0]?.pricelist_id)),
    regular: regularItem
      ? { currency: listCurrency, amount: amount(regularItem) }
      : { currency: companyCurrency, amount: dec(Number(variant.lst_price) || 0).toFixed(2) },
    includesTax: false,
  };
  if (saleItem) {
    price.sale = { currency: listCurrency, amount: amount(saleItem) };
    const from = odooDateTimeToIso(saleItem.date_start);
    const to = odooDateTimeToIso(saleItem.date_end);
    if (from) price.saleFrom = from;
    if (to) price.saleTo = to;
  }
  const modified = mine
    .map((i) => odooDateTimeToIso(i.write_date))
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
  if (modified) price.modifiedAt = modified;
  return price;
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
  // A changed item changes its variant's whole price in its pricelist: read that pricelist's other
  // fixed items (a regular price change keeps a running promotion; a promotion keeps the regular).
  const pricelistIds = [
    ...new Set(page.rows.map((r) => m2oId(r.pricelist_id)).filter((id) => id !== undefined)),
  ];
  const [siblings, templates] = await Promise.all([
    ctx.client.searchRead(
      'product.pricelist.item',
      [
        ['compute_price', '=', 'fixed'],
        ['pricelist_id', 'in', pricelistIds],
      ],
      ITEM_FIELDS,
    ),
    ctx.client.searchRead(
      'product.template',
      [['id', 'in', [...new Set(variants.map((v) => m2oId(v.product_tmpl_id)))]]],
      ['currency_id'],
    ),
  ]);
  const companyCurrency = m2oName(templates[0]?.currency_id) ?? 'EUR';
  const now = new Date().toISOString();
  const changes = new Map<string, Price>();
  for (const item of page.rows) {
    const listId = m2oId(item.pricelist_id);
    const items = siblings.filter((i) => m2oId(i.pricelist_id) === listId);
    const currency = m2oName(item.currency_id) ?? companyCurrency;
    for (const variant of variants.filter((v) => appliesTo(item, v))) {
      const price = priceOf(variant, items.length > 0 ? items : [item], currency, companyCurrency, now);
      // A foreign-currency list with neither a fixed price nor a promotion left says nothing.
      if (price.sale === undefined && price.regular.currency !== currency) continue;
      changes.set(`${price.priceList}|${price.sku}`, price);
    }
  }
  return { changes: [...changes.values()], cursor: page.cursor };
}
