import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';
import type { WooSellable, WooStockPort } from './woo-port.js';

export interface WooRef {
  wooId: number;
  /** 0 for a simple product. */
  parentId: number;
}

const SKUS_PER_LOOKUP = 100;

/**
 * SKU → WooCommerce product/variation id for one store: from the `woo_sku_refs` cache, else one
 * `GET /products?sku=a,b,…` per 100 unknown SKUs (WooCommerce's `sku` filter takes a comma list
 * and matches variations too); found ids are cached. SKUs the store does not list are absent.
 *
 * @example
 * ```ts
 * const refs = await resolveWooIds(db, client, 'eu', ['MUG', 'TSHIRT-RED-M']);
 * refs.get('TSHIRT-RED-M'); // { wooId: 131, parentId: 120 }
 * ```
 */
export async function resolveWooIds(
  db: Kysely<Database>,
  client: Pick<WooStockPort, 'get'>,
  storeId: string,
  skus: readonly string[],
): Promise<Map<string, WooRef>> {
  const refs = new Map<string, WooRef>();
  if (skus.length === 0) return refs;
  const cached = await db
    .selectFrom('woo_sku_refs')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('sku', 'in', [...skus])
    .execute();
  for (const row of cached) refs.set(row.sku, { wooId: Number(row.woo_id), parentId: Number(row.parent_id) });
  // A SKU containing a comma cannot be asked in a list; WooCommerce would split it.
  const missing = skus.filter((sku) => !refs.has(sku) && !sku.includes(','));
  for (let i = 0; i < missing.length; i += SKUS_PER_LOOKUP) {
    const chunk = missing.slice(i, i + SKUS_PER_LOOKUP);
    const found = await client.get<WooSellable[]>('products', { sku: chunk.join(','), per_page: 100 });
    const rows = (Array.isArray(found) ? found : [])
      .filter((item) => chunk.includes(item.sku))
      .map((item) => ({
        store_id: storeId,
        sku: item.sku,
        woo_id: item.id,
        parent_id: item.type === 'variation' ? Number(item.parent_id ?? 0) : 0,
      }));
    if (rows.length === 0) continue;
    await db
      .insertInto('woo_sku_refs')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['store_id', 'sku']).doUpdateSet((eb) => ({
          woo_id: eb.ref('excluded.woo_id'),
          parent_id: eb.ref('excluded.parent_id'),
        })),
      )
      .execute();
    for (const row of rows) refs.set(row.sku, { wooId: row.woo_id, parentId: row.parent_id });
  }
  return refs;
}

/** Forgets a cached id the store no longer knows (a deleted and re-created product). */
export async function forgetWooId(db: Kysely<Database>, storeId: string, sku: string): Promise<void> {
  await db.deleteFrom('woo_sku_refs').where('store_id', '=', storeId).where('sku', '=', sku).execute();
}
