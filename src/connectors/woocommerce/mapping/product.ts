/**
 * WooCommerce products and variations → canonical Product, Prices and the store's stock fields.
 * SKU is the cross-system key: a product or variation without one cannot be matched anywhere and
 * is reported in `issues` instead of being invented.
 *
 * @example
 * ```ts
 * const { product, prices, stock, issues } = wooProductToCanonical(parent, variations, { storeId: 'eu', currency: 'EUR' });
 * ```
 */
import type { Product, Variant } from '../../../canonical/models/product.js';
import type { Price } from '../../../canonical/models/price.js';
import type { WooProduct, WooVariation } from '../wc-schema.js';
import { decodeEntities, gmt, wooMoney } from './common.js';

export interface ProductMappingOptions {
  storeId: string;
  currency: string;
  /** Price list id for this store's prices; defaults to `woocommerce:<store>`. */
  priceList?: string;
  pricesIncludeTax?: boolean;
}

/** The store-side stock fields of one SKU, as WooCommerce reports them. */
export interface ChannelStock {
  storeId: string;
  sku: string;
  wooId: number;
  parentId?: number;
  manageStock: boolean | 'parent';
  quantity: number | null;
  status: string;
  backorders?: string;
}

export interface ProductMapping {
  product: Product | undefined;
  prices: Price[];
  stock: ChannelStock[];
  issues: string[];
}

const STATUS: Record<string, Product['status']> = {
  publish: 'active',
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
  trash: 'archived',
};

export function priceOf(
  item: WooProduct | WooVariation,
  sku: string,
  options: ProductMappingOptions,
): Price | undefined {
  if (item.regular_price === '') return undefined;
  const saleFrom = gmt(item.date_on_sale_from_gmt);
  const saleTo = gmt(item.date_on_sale_to_gmt);
  const modifiedAt = gmt(item.date_modified_gmt);
  return {
    sku,
    priceList: options.priceList ?? `woocommerce:${options.storeId}`,
    regular: wooMoney(options.currency, item.regular_price),
    ...(item.sale_price === '' ? {} : { sale: wooMoney(options.currency, item.sale_price) }),
    ...(saleFrom ? { saleFrom } : {}),
    ...(saleTo ? { saleTo } : {}),
    includesTax: options.pricesIncludeTax ?? false,
    ...(modifiedAt ? { modifiedAt } : {}),
  };
}

function stockOf(
  item: WooProduct | WooVariation,
  sku: string,
  storeId: string,
  parentId?: number,
): ChannelStock {
  return {
    storeId,
    sku,
    wooId: item.id,
    ...(parentId === undefined ? {} : { parentId }),
    manageStock: item.manage_stock,
    quantity: item.stock_quantity,
    status: item.stock_status,
    ...(item.backorders ? { backorders: item.backorders } : {}),
  };
}

export function wooProductToCanonical(
  item: WooProduct,
  variations: readonly WooVariation[],
  options: ProductMappingOptions,
): ProductMapping {
  const system = `woocommerce:${options.storeId}`;
  const issues: string[] = [];
  const prices: Price[] = [];
  const stock: ChannelStock[] = [];
  const variants: Variant[] = [];

  for (const variation of variations) {
    if (variation.sku === '') {
      issues.push(`variation ${variation.id} of product ${item.id} has no SKU`);
      continue;
    }
    variants.push({
      sku: variation.sku,
      ...(variation.name ? { name: decodeEntities(variation.name) } : {}),
      attributes: variation.attributes.map((a) => ({ name: a.name, value: a.option })),
      ...(variation.status && STATUS[variation.status] ? { status: STATUS[variation.status] } : {}),
      ...(variation.weight ? { weight: variation.weight } : {}),
      refs: [{ system, id: String(variation.id) }],
    });
    const price = priceOf(variation, variation.sku, options);
    if (price) prices.push(price);
    stock.push(stockOf(variation, variation.sku, options.storeId, item.id));
  }

  if (item.sku === '') {
    issues.push(`product ${item.id} has no SKU`);
    return { product: undefined, prices, stock, issues };
  }
  if (item.type !== 'variable') {
    const price = priceOf(item, item.sku, options);
    if (price) prices.push(price);
    stock.push(stockOf(item, item.sku, options.storeId));
  }
  const modifiedAt = gmt(item.date_modified_gmt);
  const product: Product = {
    sku: item.sku,
    name: decodeEntities(item.name),
    kind: item.type === 'variable' ? 'variable' : 'simple',
    status: STATUS[item.status ?? 'publish'] ?? 'draft',
    ...(item.categories?.length ? { categories: item.categories.map((c) => decodeEntities(c.name)) } : {}),
    ...(item.tax_class !== undefined ? { taxClass: item.tax_class } : {}),
    ...(item.weight ? { weight: item.weight } : {}),
    ...(item.attributes?.length
      ? { attributes: item.attributes.map((a) => ({ name: a.name, values: a.options })) }
      : {}),
    ...(item.type === 'variable' ? { variants } : {}),
    refs: [{ system, id: String(item.id) }],
    ...(modifiedAt ? { modifiedAt } : {}),
  };
  return { product, prices, stock, issues };
}
