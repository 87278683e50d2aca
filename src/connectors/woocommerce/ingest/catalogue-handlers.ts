/**
 * Handlers for inbound `woocommerce.product` and `woocommerce.customer` messages: products (and
 * variations, which WooCommerce sends under the product topics) become `product.changed` and one
 * `price.changed` per priced SKU; customers become `customer.changed`. Whether the hub lets a store
 * change product data is the flows' decision (ownership is configuration), not the connector's.
 *
 * @example
 * ```ts
 * registerCatalogueIngest(runtime, { stores: config.stores });
 * ```
 */
import { Compile } from 'typebox/compile';
import {
  customerPartitionKey,
  customerSubject,
  productPartitionKey,
  productSubject,
} from '../../../canonical/ids.js';
import type { EventInput, Handler, HandlerContext } from '../../../runtime/contracts.js';
import type { WooClient } from '../client.js';
import { PermanentError, TransientError } from '../../../runtime/errors.js';
import { wooCustomerToCanonical } from '../mapping/customer.js';
import {
  priceOf,
  wooProductToCanonical,
  type ProductMapping,
  type ProductMappingOptions,
} from '../mapping/product.js';
import {
  WooCustomerSchema,
  WooProductSchema,
  WooVariationSchema,
  type WooCustomer,
  type WooProduct,
  type WooVariation,
} from '../wc-schema.js';
import type { WooStoreConfig } from '../types.js';
import { inboundData, parseJson, storeIdOf, validate } from './parse-inbound.js';
import { publishIfChanged } from './publish-if-changed.js';

const checkProduct = Compile(WooProductSchema);
const checkVariation = Compile(WooVariationSchema);
const checkCustomer = Compile(WooCustomerSchema);

type Stores = readonly Pick<WooStoreConfig, 'id' | 'currency' | 'pricesIncludeTax'>[];

function storeOf(stores: Stores, storeId: string, source: string) {
  const store = stores.find((s) => s.id === storeId);
  if (!store)
    throw new PermanentError(`store "${storeId}" is not configured`, {
      code: 'store_not_configured',
      system: source,
    });
  return store;
}

/** A variation on its own (product topics fire for variations too): only its price is news. */
function variationMapping(variation: WooVariation, options: ProductMappingOptions): ProductMapping {
  if (variation.sku === '')
    return { product: undefined, prices: [], stock: [], issues: [`variation ${variation.id} has no SKU`] };
  const price = priceOf(variation, variation.sku, options);
  return { product: undefined, prices: price ? [price] : [], stock: [], issues: [] };
}

type VariationClient = (storeId: string) => Pick<WooClient, 'listAll'> | undefined;

/** A variable product's variations, when a client is at hand; otherwise none (logged). */
async function variationsOf(
  ctx: HandlerContext,
  client: Pick<WooClient, 'listAll'> | undefined,
  product: WooProduct,
): Promise<WooVariation[]> {
  if (product.type !== 'variable' || client === undefined) return [];
  try {
    const list = await client.listAll<unknown>(`products/${product.id}/variations`);
    return list.filter((v): v is WooVariation => checkVariation.Check(v));
  } catch (error) {
    if (error instanceof TransientError) throw error;
    ctx.log.warn(
      { err: error, productId: product.id },
      'variations unavailable; product published without them',
    );
    return [];
  }
}

export function createWooProductIngestHandler(stores: Stores, clients?: VariationClient): Handler {
  return async (ctx) => {
    const storeId = storeIdOf(ctx.message);
    const store = storeOf(stores, storeId, ctx.message.source);
    const { body, headers } = inboundData(ctx.message);
    const payload = parseJson(ctx.message, body);
    if (headers['x-wc-webhook-event'] === 'deleted') {
      ctx.log.info(
        { store: storeId, payload },
        'woocommerce product trashed; product master is not deleted by a channel',
      );
      return;
    }
    const source = `woocommerce:${storeId}`;
    const isVariation =
      typeof payload === 'object' && payload !== null && (payload as { type?: unknown }).type === 'variation';
    const options = {
      storeId,
      currency: store.currency,
      ...(store.pricesIncludeTax === undefined ? {} : { pricesIncludeTax: store.pricesIncludeTax }),
    };
    const mapping = isVariation
      ? variationMapping(
          validate<WooVariation>(ctx.message, checkVariation, payload, 'woocommerce variation'),
          options,
        )
      : await (async () => {
          const product = validate<WooProduct>(ctx.message, checkProduct, payload, 'woocommerce product');
          return wooProductToCanonical(
            product,
            await variationsOf(ctx, clients?.(storeId), product),
            options,
          );
        })();
    const events: EventInput[] = [];
    if (mapping.product) {
      events.push({
        type: 'product.changed',
        subject: productSubject(mapping.product.sku),
        partitionKey: productPartitionKey(mapping.product.sku),
        data: { source, product: mapping.product },
      });
    }
    for (const price of mapping.prices) {
      events.push({
        type: 'price.changed',
        subject: productSubject(price.sku),
        partitionKey: productPartitionKey(price.sku),
        data: { source, price },
      });
    }
    for (const issue of mapping.issues)
      ctx.log.warn({ store: storeId }, `woocommerce product not mapped: ${issue}`);
    await publishIfChanged(ctx, storeId, events);
  };
}

export function createWooCustomerIngestHandler(stores: Stores): Handler {
  return async (ctx) => {
    const storeId = storeIdOf(ctx.message);
    storeOf(stores, storeId, ctx.message.source);
    const { body, headers } = inboundData(ctx.message);
    const payload = parseJson(ctx.message, body);
    if (headers['x-wc-webhook-event'] === 'deleted') return;
    const customer = wooCustomerToCanonical(
      validate<WooCustomer>(ctx.message, checkCustomer, payload, 'woocommerce customer'),
      { storeId },
    );
    if (customer.email === '')
      throw new PermanentError(`customer without e-mail in message ${ctx.message.id}`, {
        code: 'invalid_woocommerce_customer',
        system: ctx.message.source,
      });
    await publishIfChanged(ctx, storeId, [
      {
        type: 'customer.changed',
        subject: customerSubject(customer.email),
        partitionKey: customerPartitionKey(customer.email),
        data: { source: `woocommerce:${storeId}`, customer },
      },
    ]);
  };
}

export function registerCatalogueIngest(
  runtime: { subscribe(consumer: string, types: string[], handler: Handler): void },
  options: { stores: Stores; clients?: VariationClient },
): void {
  runtime.subscribe(
    'woocommerce-product-ingest',
    ['woocommerce.product'],
    createWooProductIngestHandler(options.stores, options.clients),
  );
  runtime.subscribe(
    'woocommerce-customer-ingest',
    ['woocommerce.customer'],
    createWooCustomerIngestHandler(options.stores),
  );
}
