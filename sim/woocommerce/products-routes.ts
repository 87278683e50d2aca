/** `/wc/v3/products`, `/products/{id}/variations` and their batch endpoints. */
import type { StoreContext } from './context.js';
import { restUrl } from './context.js';
import { runBatch } from './batch.js';
import { WcError, invalidId } from './errors.js';
import { commonFilter } from './filters.js';
import { paginate, sortBy } from './pagination.js';
import { bool, collectionParams, parseList } from './params.js';
import {
  anyProductResponse,
  applyProductInput,
  applyVariationInput,
  deriveSellable,
  newProduct,
  newVariation,
  productResponse,
  touch,
  variationAsProduct,
  variationResponse,
} from './products.js';
import type { Router, RouteRequest } from './router.js';
import { created, ok } from './router.js';
import type { WcProduct, WcSellable, WcVariation } from './types.js';

type Body = Record<string, unknown>;
const ORDERBY = [
  'date',
  'modified',
  'id',
  'include',
  'title',
  'slug',
  'price',
  'popularity',
  'rating',
  'menu_order',
];

export function createProduct(ctx: StoreContext, body: Body): WcProduct {
  if (body.id !== undefined && Number(body.id) !== 0)
    throw new WcError(400, 'woocommerce_rest_product_exists', 'Cannot create existing product.');
  const product = newProduct(ctx, ctx.state.next('post'));
  applyProductInput(ctx, product, body);
  if (!body.slug)
    product.slug =
      product.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || `product-${product.id}`;
  deriveSellable(ctx, product, product.type === 'variable');
  ctx.state.products.set(product.id, product);
  ctx.emit('product', 'created', product.id);
  return product;
}

function getSellable(
  ctx: StoreContext,
  id: number,
  method: string,
): { kind: 'product'; item: WcProduct } | { kind: 'variation'; item: WcVariation } {
  const product = ctx.state.products.get(id);
  if (product) return { kind: 'product', item: product };
  const variation = ctx.state.variations.get(id);
  if (variation) return { kind: 'variation', item: variation };
  throw invalidId('product', method);
}

export function updateProduct(
  ctx: StoreContext,
  id: number,
  body: Body,
  method = 'PUT',
): Record<string, unknown> {
  const found = getSellable(ctx, id, method);
  if (found.kind === 'product') {
    const wasTrashed = found.item.status === 'trash';
    applyProductInput(ctx, found.item, body);
    deriveSellable(ctx, found.item, found.item.type === 'variable');
    touch(ctx, found.item);
    if (wasTrashed && found.item.status !== 'trash') ctx.emit('product', 'restored', id);
    ctx.emit('product', 'updated', id);
    return productResponse(ctx, found.item);
  }
  applyVariationInput(ctx, found.item, body);
  deriveSellable(ctx, found.item);
  touch(ctx, found.item);
  ctx.emit('product', 'updated', id);
  return variationAsProduct(ctx, found.item);
}

export function deleteProduct(ctx: StoreContext, id: number, force: boolean): Record<string, unknown> {
  const found = getSellable(ctx, id, 'DELETE');
  if (found.kind === 'variation') {
    if (!force)
      throw new WcError(
        501,
        'woocommerce_rest_trash_not_supported',
        'The product_variation does not support trashing.',
      );
    const response = variationAsProduct(ctx, found.item);
    removeVariation(ctx, found.item);
    return response;
  }
  const product = found.item;
  if (force) {
    const response = productResponse(ctx, product);
    for (const [vid, parent] of [...ctx.state.variationParent]) {
      const variation = ctx.state.variations.get(vid);
      if (parent === product.id && variation) removeVariation(ctx, variation);
    }
    ctx.state.products.delete(product.id);
    return response;
  }
  if (product.status === 'trash')
    throw new WcError(410, 'woocommerce_rest_already_trashed', 'The product has already been deleted.');
  product.status = 'trash';
  touch(ctx, product);
  ctx.emit('product', 'deleted', product.id);
  return productResponse(ctx, product);
}

function removeVariation(ctx: StoreContext, variation: WcVariation): void {
  ctx.state.variations.delete(variation.id);
  ctx.state.variationParent.delete(variation.id);
}

function parentOf(ctx: StoreContext, request: RouteRequest): WcProduct {
  const parent = ctx.state.products.get(Number(request.params.productId));
  if (!parent) throw new WcError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
  return parent;
}

export function createVariation(ctx: StoreContext, parent: WcProduct, body: Body): WcVariation {
  if (body.id !== undefined && Number(body.id) !== 0)
    throw new WcError(
      400,
      'woocommerce_rest_product_variation_exists',
      'Cannot create existing product_variation.',
    );
  const variation = newVariation(ctx, ctx.state.next('post'), parent.id);
  ctx.state.variationParent.set(variation.id, parent.id);
  try {
    applyVariationInput(ctx, variation, body);
  } catch (error) {
    ctx.state.variationParent.delete(variation.id);
    throw error;
  }
  deriveSellable(ctx, variation);
  ctx.state.variations.set(variation.id, variation);
  ctx.emit('product', 'created', variation.id);
  return variation;
}

function variationOf(ctx: StoreContext, parent: WcProduct, id: number, method: string): WcVariation {
  const variation = ctx.state.variations.get(id);
  if (!variation || ctx.state.variationParent.get(id) !== parent.id)
    throw invalidId('product_variation', method);
  return variation;
}

function updateVariation(ctx: StoreContext, variation: WcVariation, body: Body): WcVariation {
  applyVariationInput(ctx, variation, body);
  deriveSellable(ctx, variation);
  touch(ctx, variation);
  ctx.emit('product', 'updated', variation.id);
  return variation;
}

function sellableFilter(input: Body): (item: WcSellable) => boolean {
  const statuses = parseList(input.status);
  const stockStatus = parseList(input.stock_status);
  const searchSku = typeof input.search_sku === 'string' ? input.search_sku.toLowerCase() : '';
  const skus = parseList(input.sku);
  return (item) => {
    if (
      statuses.length > 0 && !statuses.includes('any')
        ? !statuses.includes(item.status)
        : item.status === 'trash'
    )
      return false;
    if (stockStatus.length > 0 && !stockStatus.includes(item.stock_status)) return false;
    if (skus.length > 0 && !skus.includes(item.sku)) return false;
    if (searchSku && !item.sku.toLowerCase().includes(searchSku)) return false;
    if (input.on_sale !== undefined && bool(input.on_sale) !== item.on_sale) return false;
    return true;
  };
}

const sortKey =
  (orderby: string) =>
  (item: WcSellable & { name?: string; slug?: string }): string | number => {
    switch (orderby) {
      case 'id':
        return item.id;
      case 'modified':
        return item.date_modified_gmt;
      case 'title':
        return item.name ?? '';
      case 'slug':
        return item.slug ?? '';
      case 'price':
        return Number(item.price || 0);
      default:
        return item.date_created_gmt;
    }
  };

export function registerProductRoutes(router: Router): void {
  router.add('GET', '/wc/v3/products', 'list', (ctx, request) => {
    const params = collectionParams(request.input, ORDERBY);
    const input = request.input;
    const common = commonFilter<WcSellable>(input);
    const own = sellableFilter(input);
    const types = parseList(input.type);
    const search = typeof input.search === 'string' ? input.search.toLowerCase() : '';
    const parents = parseList(input.parent).map(Number);
    const matches = (item: WcSellable, name: string): boolean =>
      common(item) && own(item) && (!search || name.toLowerCase().includes(search));
    const products: (WcProduct | WcVariation)[] = [...ctx.state.products.values()].filter(
      (p) =>
        matches(p, p.name) &&
        (types.length === 0 || types.includes(p.type)) &&
        (parents.length === 0 || parents.includes(p.parent_id)),
    );
    // The `sku` filter searches product and product_variation post types alike.
    if (parseList(input.sku).length > 0 && (types.length === 0 || types.includes('variation'))) {
      for (const v of ctx.state.variations.values()) if (matches(v, '')) products.push(v);
    }
    sortBy(products, sortKey(params.orderby), params.order);
    return paginate(
      products,
      params,
      { baseUrl: restUrl(ctx, '/wc/v3/products'), rawQuery: request.rawQuery },
      (item) =>
        ctx.state.variations.has(item.id)
          ? variationAsProduct(ctx, item as WcVariation)
          : productResponse(ctx, item as WcProduct),
    );
  });
  router.add('POST', '/wc/v3/products', 'create', (ctx, request) => {
    const product = createProduct(ctx, request.input);
    return created(productResponse(ctx, product), restUrl(ctx, `/wc/v3/products/${product.id}`));
  });
  router.add(['POST', 'PUT', 'PATCH'], '/wc/v3/products/batch', 'batch', (ctx, request) =>
    runBatch(ctx, request, {
      create: (c, body) => productResponse(c, createProduct(c, body)),
      update: (c, id, body) => updateProduct(c, id, body),
      delete: (c, id) => deleteProduct(c, id, true),
    }),
  );
  router.add('GET', '/wc/v3/products/(?<id>\\d+)', 'view', (ctx, request) => {
    const response = anyProductResponse(ctx, Number(request.params.id));
    if (!response) throw invalidId('product', 'GET');
    return ok(response);
  });
  router.add(['POST', 'PUT', 'PATCH'], '/wc/v3/products/(?<id>\\d+)', 'edit', (ctx, request) =>
    ok(updateProduct(ctx, Number(request.params.id), request.input, request.method)),
  );
  router.add('DELETE', '/wc/v3/products/(?<id>\\d+)', 'delete', (ctx, request) =>
    ok(deleteProduct(ctx, Number(request.params.id), bool(request.input.force))),
  );

  router.add('GET', '/wc/v3/products/(?<productId>\\d+)/variations', 'list', (ctx, request) => {
    const parent = parentOf(ctx, request);
    const params = collectionParams(request.input, ORDERBY, { orderby: 'date', order: 'desc' });
    const common = commonFilter<WcSellable>(request.input);
    const own = sellableFilter(request.input);
    const items = [...ctx.state.variations.values()].filter(
      (v) => ctx.state.variationParent.get(v.id) === parent.id && common(v) && own(v),
    );
    sortBy(items, sortKey(params.orderby), params.order);
    return paginate(
      items,
      params,
      { baseUrl: restUrl(ctx, `/wc/v3/products/${parent.id}/variations`), rawQuery: request.rawQuery },
      (v) => variationResponse(ctx, v),
    );
  });
  router.add('POST', '/wc/v3/products/(?<productId>\\d+)/variations', 'create', (ctx, request) => {
    const parent = parentOf(ctx, request);
    const variation = createVariation(ctx, parent, request.input);
    return created(
      variationResponse(ctx, variation),
      restUrl(ctx, `/wc/v3/products/${parent.id}/variations/${variation.id}`),
    );
  });
  router.add(
    ['POST', 'PUT', 'PATCH'],
    '/wc/v3/products/(?<productId>\\d+)/variations/batch',
    'batch',
    (ctx, request) => {
      const parent = parentOf(ctx, request);
      return runBatch(ctx, request, {
        create: (c, body) => variationResponse(c, createVariation(c, parent, body)),
        update: (c, id, body) =>
          variationResponse(c, updateVariation(c, variationOf(c, parent, id, 'PUT'), body)),
        delete: (c, id) => {
          const variation = variationOf(c, parent, id, 'DELETE');
          const response = variationResponse(c, variation);
          removeVariation(c, variation);
          return response;
        },
      });
    },
  );
  router.add('GET', '/wc/v3/products/(?<productId>\\d+)/variations/(?<id>\\d+)', 'view', (ctx, request) =>
    ok(variationResponse(ctx, variationOf(ctx, parentOf(ctx, request), Number(request.params.id), 'GET'))),
  );
  router.add(
    ['POST', 'PUT', 'PATCH'],
    '/wc/v3/products/(?<productId>\\d+)/variations/(?<id>\\d+)',
    'edit',
    (ctx, request) => {
      const variation = variationOf(ctx, parentOf(ctx, request), Number(request.params.id), request.method);
      return ok(variationResponse(ctx, updateVariation(ctx, variation, request.input)));
    },
  );
  router.add(
    'DELETE',
    '/wc/v3/products/(?<productId>\\d+)/variations/(?<id>\\d+)',
    'delete',
    (ctx, request) => {
      const variation = variationOf(ctx, parentOf(ctx, request), Number(request.params.id), 'DELETE');
      if (!bool(request.input.force))
        throw new WcError(
          501,
          'woocommerce_rest_trash_not_supported',
          'The product_variation does not support trashing.',
        );
      const response = variationResponse(ctx, variation);
      removeVariation(ctx, variation);
      return ok(response);
    },
  );
}
