import type { Kysely } from 'kysely';
import { priceUpdateItem } from '../../connectors/woocommerce/mapping.js';
import type { Database } from '../../store/schema.js';
import { resolveWooIds } from '../inventory/pusher/resolve-woo-ids.js';
import type { WooStockPort } from '../inventory/pusher/woo-port.js';
import type { StoredPrice } from './store-price.js';

export interface WooCataloguePort extends Pick<WooStockPort, 'get'> {
  update<T>(resource: string, body: unknown): Promise<T>;
}

/** The WooCommerce resource of a SKU: `products/<id>` or `products/<parent>/variations/<id>`. */
export async function wooResource(
  db: Kysely<Database>,
  client: WooCataloguePort,
  storeId: string,
  sku: string,
): Promise<string | undefined> {
  const ref = (await resolveWooIds(db, client, storeId, [sku])).get(sku);
  if (!ref) return undefined;
  return ref.parentId > 0 ? `products/${ref.parentId}/variations/${ref.wooId}` : `products/${ref.wooId}`;
}

/** The regular price a store shows for a SKU now; undefined when it does not list it. */
export async function storeRegularPrice(
  db: Kysely<Database>,
  client: WooCataloguePort,
  storeId: string,
  sku: string,
): Promise<string | undefined> {
  const resource = await wooResource(db, client, storeId, sku);
  if (!resource) return undefined;
  const product = await client.get<{ regular_price?: string }>(resource);
  return product.regular_price || undefined;
}

/**
 * Writes the owner's price (regular, sale and its GMT schedule) to one store's product or
 * variation. Absolute values: sending twice is harmless. Returns false when the store does not
 * list the SKU.
 *
 * @example
 * ```ts
 * await pushPrice(db, client, { id: 'eu', currency: 'EUR' }, 'MUG', row);
 * ```
 */
export async function pushPrice(
  db: Kysely<Database>,
  client: WooCataloguePort,
  store: { id: string; currency: string },
  sku: string,
  price: StoredPrice,
): Promise<boolean> {
  const resource = await wooResource(db, client, store.id, sku);
  if (!resource) return false;
  const item = priceUpdateItem({
    wooId: 0,
    storeCurrency: store.currency,
    price: {
      sku,
      priceList: price.price_list,
      regular: { currency: price.currency, amount: price.regular },
      ...(price.sale === null ? {} : { sale: { currency: price.currency, amount: price.sale } }),
      ...(price.sale_from === null ? {} : { saleFrom: price.sale_from }),
      ...(price.sale_to === null ? {} : { saleTo: price.sale_to }),
      includesTax: false,
    },
  });
  const { id: _id, ...body } = item;
  await client.update(resource, body);
  return true;
}
