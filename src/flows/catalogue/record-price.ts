import type { Kysely } from 'kysely';
import type { Price } from '../../canonical/index.js';
import type { Database } from '../../store/schema.js';
import type { CataloguePricesTable } from './tables.js';

/**
 * Stores the owner's price of a SKU in one price list (the value store-side edits are compared
 * with and checkout validation answers from). Returns the stored row.
 *
 * @example
 * ```ts
 * const row = await recordPrice(db, price, 'odoo');
 * ```
 */
export async function recordPrice(
  db: Kysely<Database>,
  price: Price,
  source: string,
  now = new Date(),
): Promise<CataloguePricesTable> {
  const row: CataloguePricesTable = {
    sku: price.sku,
    price_list: price.priceList,
    currency: price.regular.currency,
    regular: price.regular.amount,
    sale: price.sale?.amount ?? null,
    sale_from: price.sale ? (price.saleFrom ?? null) : null,
    sale_to: price.sale ? (price.saleTo ?? null) : null,
    source,
    updated_at: now.toISOString(),
  };
  const { sku: _sku, price_list: _list, ...update } = row;
  await db
    .insertInto('catalogue_prices')
    .values(row)
    .onConflict((oc) => oc.columns(['sku', 'price_list']).doUpdateSet(update))
    .execute();
  return row;
}
