/**
 * SKU → Odoo product variant (`product.product.default_code`), in batches of 200 per call.
 *
 * @example
 * ```ts
 * const found = await resolveSkus(ctx, ['TSHIRT-RED-M', 'MUG']);
 * found.get('MUG')?.productId; // "12"
 * ```
 */
import type { ErpProductRef } from '../erp.js';
import type { OdooClient } from './client.js';

const BATCH = 200;

export async function resolveSkus(
  client: OdooClient,
  skus: readonly string[],
): Promise<Map<string, ErpProductRef>> {
  const unique = [...new Set(skus)];
  const found = new Map<string, ErpProductRef>();
  for (let i = 0; i < unique.length; i += BATCH) {
    const chunk = unique.slice(i, i + BATCH);
    const rows = await client.searchRead(
      'product.product',
      [['default_code', 'in', chunk]],
      ['default_code', 'name'],
      { order: 'id asc' },
    );
    for (const row of rows) {
      const sku = String(row.default_code);
      // Two variants sharing a SKU: the oldest wins, deterministically.
      if (!found.has(sku)) found.set(sku, { productId: String(row.id), sku, name: String(row.name) });
    }
  }
  return found;
}

/** Odoo product ids → SKU, for records that only carry `product_id`. */
export async function skusOf(
  client: OdooClient,
  productIds: readonly number[],
): Promise<Map<number, string>> {
  const unique = [...new Set(productIds)];
  const result = new Map<number, string>();
  for (let i = 0; i < unique.length; i += BATCH) {
    const rows = await client.read('product.product', unique.slice(i, i + BATCH), ['default_code']);
    for (const row of rows) if (typeof row.default_code === 'string') result.set(row.id, row.default_code);
  }
  return result;
}
