/**
 * Products and variations: defaults, applying a REST body, derived fields (active price, sale
 * status, stock status) and the response shapes, including a variation seen through `/products`.
 */
import type { StoreContext } from './context.js';
import { link, restUrl } from './context.js';
import { WcError } from './errors.js';
import { D } from './money.js';
import type { Json, WcProduct, WcSellable, WcVariation } from './types.js';
import { applyMeta } from './meta.js';
import { parseGmt } from './dates.js';

type Body = Record<string, unknown>;

function sellableDefaults(ctx: StoreContext, id: number): WcSellable {
  const now = ctx.now();
  return {
    id,
    date_created: now.local,
    date_created_gmt: now.gmt,
    date_modified: now.local,
    date_modified_gmt: now.gmt,
    description: '',
    permalink: `${ctx.siteUrl}/?p=${id}`,
    sku: '',
    price: '',
    regular_price: '',
    sale_price: '',
    date_on_sale_from: null,
    date_on_sale_from_gmt: null,
    date_on_sale_to: null,
    date_on_sale_to_gmt: null,
    on_sale: false,
    status: 'publish',
    purchasable: false,
    virtual: false,
    downloadable: false,
    downloads: [],
    download_limit: -1,
    download_expiry: -1,
    tax_status: 'taxable',
    tax_class: '',
    manage_stock: false,
    stock_quantity: null,
    stock_status: 'instock',
    backorders: 'no',
    backorders_allowed: false,
    backordered: false,
    low_stock_amount: null,
    weight: '',
    dimensions: { length: '', width: '', height: '' },
    shipping_class: '',
    shipping_class_id: 0,
    menu_order: 0,
    meta_data: [],
  };
}

export function newProduct(ctx: StoreContext, id: number): WcProduct {
  return {
    ...sellableDefaults(ctx, id),
    name: '',
    slug: `product-${id}`,
    type: 'simple',
    parent_id: 0,
    featured: false,
    catalog_visibility: 'visible',
    short_description: '',
    price_html: '',
    total_sales: 0,
    external_url: '',
    button_text: '',
    sold_individually: false,
    shipping_required: true,
    shipping_taxable: true,
    reviews_allowed: true,
    average_rating: '0.00',
    rating_count: 0,
    related_ids: [],
    upsell_ids: [],
    cross_sell_ids: [],
    purchase_note: '',
    categories: [],
    tags: [],
    images: [],
    attributes: [],
    default_attributes: [],
    variations: [],
    grouped_products: [],
  };
}

export function newVariation(ctx: StoreContext, id: number, parentId: number): WcVariation {
  return {
    ...sellableDefaults(ctx, id),
    permalink: `${ctx.siteUrl}/?p=${parentId}&variation=${id}`,
    image: null,
    attributes: [],
  };
}

const STOCK_STATUSES = ['instock', 'outofstock', 'onbackorder'] as const;
const BACKORDERS = ['no', 'notify', 'yes'] as const;

function assertSkuUnique(ctx: StoreContext, sku: string, selfId: number): void {
  if (sku === '') return;
  const found = ctx.state.findBySku(sku);
  if (found && found.item.id !== selfId)
    throw new WcError(400, 'product_invalid_sku', 'Invalid or duplicated SKU.', {
      resource_id: found.item.id,
      unique_sku: sku,
    });
}

const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** Applies the writable fields of a product or variation body. Throws WcError on invalid input. */
export function applySellableInput(ctx: StoreContext, target: WcSellable, body: Body): void {
  if ('sku' in body) {
    const sku = str(body.sku).trim();
    assertSkuUnique(ctx, sku, target.id);
    target.sku = sku;
  }
  for (const key of ['regular_price', 'sale_price'] as const) {
    if (key in body) {
      const value = str(body[key]);
      if (value !== '' && !/^\d*(\.\d+)?$/.test(value))
        throw new WcError(400, 'rest_invalid_param', `Invalid parameter(s): ${key}`, {
          params: { [key]: `${key} is not a valid price.` },
        });
      target[key] = value;
    }
  }
  for (const key of ['description', 'status', 'tax_status', 'tax_class', 'weight'] as const)
    if (key in body) target[key] = str(body[key]);
  for (const key of ['virtual', 'downloadable'] as const)
    if (key in body) target[key] = body[key] === true || body[key] === 'true';
  for (const key of ['date_on_sale_from', 'date_on_sale_to'] as const) {
    if (key in body || `${key}_gmt` in body) {
      const raw = body[`${key}_gmt`] ?? body[key];
      const ms = typeof raw === 'string' && raw !== '' ? parseGmt(raw) : null;
      const gmt = ms === null ? null : new Date(ms).toISOString().slice(0, 19);
      target[`${key}_gmt`] = gmt;
      target[key] =
        ms === null ? null : new Date(ms + ctx.utcOffsetMinutes * 60_000).toISOString().slice(0, 19);
    }
  }
  if ('manage_stock' in body)
    target.manage_stock =
      body.manage_stock === 'parent' ? 'parent' : body.manage_stock === true || body.manage_stock === 'true';
  if ('stock_quantity' in body) {
    const qty = body.stock_quantity;
    if (qty !== null && !Number.isInteger(Number(qty)))
      throw new WcError(400, 'rest_invalid_param', 'Invalid parameter(s): stock_quantity', {
        params: { stock_quantity: 'stock_quantity is not of type integer.' },
      });
    target.stock_quantity = qty === null ? null : Number(qty);
  }
  if ('stock_status' in body) {
    const value = str(body.stock_status);
    if (!(STOCK_STATUSES as readonly string[]).includes(value))
      throw new WcError(400, 'rest_invalid_param', 'Invalid parameter(s): stock_status', {
        params: { stock_status: 'stock_status is not one of instock, outofstock, and onbackorder.' },
      });
    target.stock_status = value as WcSellable['stock_status'];
  }
  if ('backorders' in body) {
    const value = str(body.backorders);
    if (!(BACKORDERS as readonly string[]).includes(value))
      throw new WcError(400, 'rest_invalid_param', 'Invalid parameter(s): backorders', {
        params: { backorders: 'backorders is not one of no, notify, and yes.' },
      });
    target.backorders = value as WcSellable['backorders'];
  }
  if ('low_stock_amount' in body)
    target.low_stock_amount = body.low_stock_amount === null ? null : Number(body.low_stock_amount);
  if (Array.isArray(body.meta_data)) applyMeta(ctx, target.meta_data, body.meta_data as Body[]);
  for (const [key, value] of Object.entries(body)) {
    if (!(key in target) && !['id', 'date_on_sale_from_gmt', 'date_on_sale_to_gmt'].includes(key))
      target[key] = value as Json;
  }
}

export function applyProductInput(ctx: StoreContext, product: WcProduct, body: Body): void {
  applySellableInput(ctx, product, body);
  if ('name' in body) product.name = str(body.name);
  if ('slug' in body) product.slug = str(body.slug);
  if ('type' in body) {
    const type = str(body.type);
    if (!['simple', 'grouped', 'external', 'variable'].includes(type))
      throw new WcError(400, 'rest_invalid_param', 'Invalid parameter(s): type', {
        params: { type: 'type is not one of simple, grouped, external, and variable.' },
      });
    product.type = type;
  }
  for (const key of [
    'short_description',
    'catalog_visibility',
    'purchase_note',
    'external_url',
    'button_text',
  ] as const)
    if (key in body) product[key] = str(body[key]);
  for (const key of ['categories', 'tags', 'images', 'attributes', 'default_attributes'] as const)
    if (Array.isArray(body[key])) product[key] = body[key] as Json[];
}

export function applyVariationInput(ctx: StoreContext, variation: WcVariation, body: Body): void {
  applySellableInput(ctx, variation, body);
  if (Array.isArray(body.attributes)) {
    variation.attributes = (body.attributes as Body[]).map((a) => ({
      id: Number(a.id ?? 0),
      name: str(a.name),
      option: str(a.option),
    }));
  }
  if ('image' in body) variation.image = (body.image ?? null) as Json;
}

/**
 * The active price and sale flag now: a scheduled sale starts and ends on its dates (WooCommerce's
 * daily `wc_scheduled_sales` job, applied at read time here).
 */
export function activePrice(ctx: StoreContext, item: WcSellable): { price: string; onSale: boolean } {
  const nowMs = parseGmt(ctx.now().gmt) ?? Date.now();
  const from = parseGmt(item.date_on_sale_from_gmt);
  const to = parseGmt(item.date_on_sale_to_gmt);
  const inWindow = (from === null || from <= nowMs) && (to === null || to >= nowMs);
  const onSale =
    item.sale_price !== '' &&
    inWindow &&
    (item.regular_price === '' || D(item.sale_price).lt(D(item.regular_price)));
  return { price: onSale ? item.sale_price : item.regular_price, onSale };
}

function withLivePrice(ctx: StoreContext, item: WcSellable, isVariableParent: boolean): WcSellable {
  if (isVariableParent || (item.date_on_sale_from_gmt === null && item.date_on_sale_to_gmt === null))
    return item;
  const { price, onSale } = activePrice(ctx, item);
  return { ...item, price, on_sale: onSale };
}

/** Recomputes the read-only fields WooCommerce derives on save. */
export function deriveSellable(ctx: StoreContext, item: WcSellable, isVariableParent = false): void {
  if (isVariableParent) {
    item.price = '';
    item.regular_price = '';
    item.sale_price = '';
    item.on_sale = false;
    item.purchasable = false;
  } else {
    const { price, onSale } = activePrice(ctx, item);
    item.price = price;
    item.on_sale = onSale;
    item.purchasable = item.price !== '' && item.status === 'publish';
  }
  if (item.manage_stock === true) {
    const qty = item.stock_quantity ?? 0;
    if (item.stock_quantity === null) item.stock_quantity = 0;
    item.stock_status = qty > 0 ? 'instock' : item.backorders !== 'no' ? 'onbackorder' : 'outofstock';
  } else if (item.manage_stock === false) {
    item.stock_quantity = null;
  }
  item.backorders_allowed = item.backorders !== 'no';
  item.backordered = item.manage_stock === true && (item.stock_quantity ?? 0) < 0 && item.backorders_allowed;
  ctx.state.bump('post', item.id);
}

export function touch(ctx: StoreContext, item: { date_modified: string; date_modified_gmt: string }): void {
  const now = ctx.now();
  item.date_modified = now.local;
  item.date_modified_gmt = now.gmt;
}

export function productResponse(ctx: StoreContext, product: WcProduct): Record<string, unknown> {
  const variations =
    product.type === 'variable'
      ? [...ctx.state.variationParent].filter(([, parent]) => parent === product.id).map(([vid]) => vid)
      : product.variations;
  return {
    ...withLivePrice(ctx, product, product.type === 'variable'),
    variations,
    _links: {
      self: link(restUrl(ctx, `/wc/v3/products/${product.id}`)),
      collection: link(restUrl(ctx, '/wc/v3/products')),
    },
  };
}

export function variationResponse(ctx: StoreContext, variation: WcVariation): Record<string, unknown> {
  const parentId = ctx.state.variationParent.get(variation.id) ?? 0;
  return {
    ...withLivePrice(ctx, variation, false),
    _links: {
      self: link(restUrl(ctx, `/wc/v3/products/${parentId}/variations/${variation.id}`)),
      collection: link(restUrl(ctx, `/wc/v3/products/${parentId}/variations`)),
      up: link(restUrl(ctx, `/wc/v3/products/${parentId}`)),
    },
  };
}

/** A variation as the products endpoint (and product webhooks) show it: `type: "variation"`. */
export function variationAsProduct(ctx: StoreContext, variation: WcVariation): Record<string, unknown> {
  const parentId = ctx.state.variationParent.get(variation.id) ?? 0;
  const parent = ctx.state.products.get(parentId);
  const suffix = variation.attributes.map((a) => a.option).join(', ');
  const { image, attributes, ...rest } = withLivePrice(ctx, variation, false) as WcVariation;
  return {
    ...rest,
    name: parent ? (suffix ? `${parent.name} - ${suffix}` : parent.name) : '',
    slug: parent ? parent.slug : '',
    type: 'variation',
    parent_id: parentId,
    images: image ? [image] : [],
    attributes: attributes.map((a) => ({ id: a.id, name: a.name, option: a.option })),
    variations: [],
    _links: {
      self: link(restUrl(ctx, `/wc/v3/products/${variation.id}`)),
      collection: link(restUrl(ctx, '/wc/v3/products')),
      up: link(restUrl(ctx, `/wc/v3/products/${parentId}`)),
    },
  };
}

/** Any product id (parent or variation) in the products endpoint's shape. */
export function anyProductResponse(ctx: StoreContext, id: number): Record<string, unknown> | undefined {
  const product = ctx.state.products.get(id);
  if (product) return productResponse(ctx, product);
  const variation = ctx.state.variations.get(id);
  return variation ? variationAsProduct(ctx, variation) : undefined;
}
