/**
 * A faithful WooCommerce REST API v3 + webhooks emulator, in-process (tests, demo, benchmarks) or
 * as `retail-hub sim woocommerce`. Shapes, error codes, pagination, batch limits, authentication
 * (consumer keys over HTTPS, OAuth 1.0a over HTTP) and webhook delivery (PHP-encoded, signed,
 * coalesced, auto-disabled, never retried) follow WooCommerce's code; fault knobs add latency,
 * 429s, 5xx and unreliable webhooks on demand.
 *
 * @example
 * ```ts
 * import { startWooEmulator } from './sim/woocommerce/index.js';
 * const woo = await startWooEmulator({ storeId: 'eu', webhookSecret: 's3cret', webhookUrl: 'http://127.0.0.1:8080/webhooks/woocommerce/eu' });
 * const product = woo.createProduct({ name: 'Tee', sku: 'TEE-1', regular_price: '20.00', manage_stock: true, stock_quantity: 5 });
 * const order = woo.createOrder({ lineItems: [{ sku: 'TEE-1', quantity: 2 }] });
 * await woo.flushWebhooks();
 * console.log(order.total, woo.requests.count({ pathPrefix: '/wc/v3/products/batch' }));
 * await woo.close();
 * ```
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { silentLogger } from '../../src/ops/logger.js';
import { Authenticator, type KeyPermissions } from './auth/authenticate.js';
import { simulateCheckout, type CheckoutInput } from './checkout.js';
import type { EventName, ResourceName, StoreContext, TaxSettings } from './context.js';
import { handleControl } from './control.js';
import { customerResponse } from './customers.js';
import { registerCustomerRoutes } from './customers-routes.js';
import { datePair } from './dates.js';
import { WcError } from './errors.js';
import { FaultState, seededRandom } from './faults.js';
import { loadFixtures, type FixtureCounts } from './fixtures.js';
import { RequestJournal, type JournalEntry, type JournalFilter } from './journal.js';
import { getOrderOrThrow, isDraft, orderResponse, updateOrderWith } from './orders.js';
import { registerOrderRoutes } from './orders-routes.js';
import { anyProductResponse, productResponse, variationResponse } from './products.js';
import { createProduct, createVariation, registerProductRoutes } from './products-routes.js';
import { createRefundFor, refundResponse } from './refunds.js';
import { Router, ok } from './router.js';
import { createListener } from './server.js';
import { changeStock } from './stock.js';
import { StoreState } from './store-state.js';
import { registerSystemRoutes } from './system-routes.js';
import type { Faults, WcCoupon, WcOrder, WcProduct, WcRefund, WcVariation } from './types.js';
import { createAgents, deliverPing, deliverQueued, type DeliverDeps } from './webhooks/deliver.js';
import { DeliveryQueue } from './webhooks/queue.js';
import { createWebhook, registerWebhookRoutes } from './webhooks/routes.js';
import { AUTO_TOPICS } from './webhooks/topics.js';

export type { CheckoutInput } from './checkout.js';
export type {
  Faults,
  WcOrder,
  WcProduct,
  WcVariation,
  WcRefund,
  WcCustomer,
  WcNote,
  WcWebhookRecord,
  DeliveryLogEntry,
  WcCoupon,
} from './types.js';
export type { JournalEntry, JournalFilter } from './journal.js';
export type { StoreState } from './store-state.js';
export type { KeyPermissions } from './auth/authenticate.js';
export type { FixtureCounts } from './fixtures.js';
export { phpJsonEncode } from './webhooks/php-json.js';
export { signBody } from './webhooks/deliver.js';
export { oauthBaseString, oauthSign } from './auth/oauth1.js';

export interface WooEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  storeId: string;
  /** Secret of the webhooks created by `webhookUrl`. */
  webhookSecret: string;
  /** Creates active webhooks for every order.*, product.* and customer.* topic to this URL. */
  webhookUrl?: string;
  fixturesDir?: string;
  /** When both are set, requests must authenticate exactly as WooCommerce requires. */
  consumerKey?: string;
  consumerSecret?: string;
  keyPermissions?: KeyPermissions;
  currency?: string;
  pricesIncludeTax?: boolean;
  taxRoundAtSubtotal?: boolean;
  /** The store's standard tax rate; omitted or null = taxes disabled. */
  tax?: { rate: string; label?: string; code?: string; rateId?: number; shipping?: boolean } | null;
  priceDecimals?: number;
  /** The site's timezone as a fixed offset; local dates = GMT + offset. */
  utcOffsetMinutes?: number;
  coupons?: WcCoupon[];
  faults?: Partial<Faults>;
  /** Seed of the fault PRNG (replayable runs). */
  seed?: number;
  /** Serve HTTPS (Basic auth and query-string keys are then accepted). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Accept Basic/query-string keys over plain HTTP, like a store behind a TLS-terminating proxy. */
  allowBasicOverHttp?: boolean;
  webhookTimeoutMs?: number;
  /** Parallel webhook deliveries (default 4); one resource's deliveries never overlap. 1 = strictly in order. */
  webhookConcurrency?: number;
  clock?: () => Date;
  log?: Logger;
}

export interface WooEmulator {
  url: string;
  storeId: string;
  close(): Promise<void>;
  /** Live store data (treat as read-only; change it through the methods or REST). */
  state: StoreState;
  fixtures: FixtureCounts | null;
  faults: { set(patch: Partial<Faults>): Faults; get(): Faults };
  requests: {
    count(filter?: JournalFilter): number;
    reset(): void;
    log(filter?: JournalFilter): JournalEntry[];
  };
  /** A shopper checkout: stock checked and reduced, totals computed, webhooks fired. Returns the order as GET shows it. */
  createOrder(input: CheckoutInput): WcOrder;
  /** Same semantics as `PUT /orders/{id}` with this body. */
  updateOrder(id: number, patch: Record<string, unknown>): WcOrder;
  /** Same as `POST /orders/{id}/refunds`, but `api_refund` defaults to false (a manual refund). */
  createRefund(orderId: number, input: Record<string, unknown>): WcRefund;
  /** Sets managed stock of a product or variation by SKU; fires product.updated. */
  setStock(sku: string, quantity: number): WcProduct | WcVariation;
  createProduct(body: Record<string, unknown>): WcProduct;
  createVariation(parentId: number, body: Record<string, unknown>): WcVariation;
  addCoupon(coupon: WcCoupon): void;
  getOrder(id: number): WcOrder | undefined;
  getProduct(id: number): Record<string, unknown> | undefined;
  /** Resolves when every queued webhook delivery has been attempted. */
  flushWebhooks(): Promise<void>;
}

const clone = <T>(value: unknown): T => structuredClone(value) as T;

export async function startWooEmulator(options: WooEmulatorOptions): Promise<WooEmulator> {
  const log = options.log ?? silentLogger();
  const random = seededRandom(options.seed ?? 0x5eed);
  const faults = new FaultState(options.faults ?? {}, random);
  const state = new StoreState();
  const journal = new RequestJournal();
  const clock = options.clock ?? (() => new Date());
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 0;
  const tax: TaxSettings | null = options.tax
    ? {
        rateId: options.tax.rateId ?? 1,
        rate: options.tax.rate,
        label: options.tax.label ?? 'Tax',
        code: options.tax.code ?? `${options.storeId.toUpperCase()}-TAX-1`,
        shipping: options.tax.shipping ?? true,
      }
    : null;

  let queue: DeliveryQueue | null = null;
  const ctx: StoreContext = {
    state,
    storeId: options.storeId,
    siteUrl: '',
    currency: options.currency ?? 'USD',
    dp: options.priceDecimals ?? 2,
    pricesIncludeTax: options.pricesIncludeTax ?? false,
    taxRoundAtSubtotal: options.taxRoundAtSubtotal ?? false,
    tax,
    utcOffsetMinutes,
    now: () => datePair(clock(), utcOffsetMinutes),
    emit: (resource: ResourceName, event: EventName, resourceId: number) => {
      if (resource === 'order') {
        const order = state.orders.get(resourceId);
        if (order && isDraft(order)) return;
      }
      const topic = `${resource}.${event}`;
      for (const webhook of state.webhooks.values()) {
        if (webhook.status === 'active' && webhook.topic === topic)
          queue?.enqueue({ webhookId: webhook.id, resourceId, topic, enqueuedAt: Date.now() });
      }
    },
    log,
  };
  for (const coupon of options.coupons ?? [])
    state.coupons.set(coupon.code.toLowerCase(), { ...coupon, code: coupon.code.toLowerCase() });

  const agents = createAgents();
  const deliverDeps: DeliverDeps = {
    ctx,
    agents,
    faults: () => faults.get(),
    random,
    timeoutMs: options.webhookTimeoutMs ?? 60_000,
    payloadFor: (resource, id) => {
      const body =
        resource === 'order'
          ? (() => {
              const order = state.orders.get(id);
              return order ? orderResponse(ctx, order) : undefined;
            })()
          : resource === 'product'
            ? anyProductResponse(ctx, id)
            : resource === 'customer'
              ? (() => {
                  const customer = state.customers.get(id);
                  return customer ? customerResponse(ctx, customer) : undefined;
                })()
              : undefined;
      return (
        body ??
        new WcError(
          404,
          `woocommerce_rest_${resource === 'order' ? 'shop_order' : resource}_invalid_id`,
          'Invalid ID.',
        ).toBody()
      );
    },
  };
  queue = new DeliveryQueue({
    faults: () => faults.get(),
    random,
    concurrency: options.webhookConcurrency ?? 4,
    deliver: (item) => deliverQueued(deliverDeps, item),
  });
  const activeQueue = queue;

  const router = new Router();
  router.add('GET', '', 'public', (c) =>
    ok({
      name: `Retail Hub emulator (${c.storeId})`,
      description: '',
      url: c.siteUrl,
      home: c.siteUrl,
      gmt_offset: utcOffsetMinutes / 60,
      namespaces: ['wc/v3'],
      authentication: [],
      routes: {},
    }),
  );
  registerSystemRoutes(router);
  registerProductRoutes(router);
  registerOrderRoutes(router);
  registerCustomerRoutes(router);
  registerWebhookRoutes(router, (webhook) => deliverPing(deliverDeps, webhook));

  const auth =
    options.consumerKey && options.consumerSecret
      ? new Authenticator(
          {
            consumerKey: options.consumerKey,
            consumerSecret: options.consumerSecret,
            permissions: options.keyPermissions ?? 'read_write',
            allowBasicOverHttp: options.allowBasicOverHttp ?? false,
          },
          () => Math.floor(clock().getTime() / 1000),
        )
      : null;

  const checkout = (input: unknown): WcOrder => clone(orderResponse(ctx, simulateCheckout(ctx, input)));
  const setStock = (sku: string, quantity: number): WcProduct | WcVariation => {
    const found = state.findBySku(sku);
    if (!found)
      throw new WcError(
        404,
        'woocommerce_rest_product_invalid_sku',
        `No product or variation has SKU "${sku}".`,
      );
    found.item.manage_stock = true;
    changeStock(ctx, found.item, 'set', quantity);
    return clone(found.item);
  };

  const listener = createListener({
    ctx,
    router,
    faults,
    journal,
    auth,
    secure: Boolean(options.tls),
    control: (request, raw, url) =>
      handleControl(
        {
          faultsGet: () => faults.get(),
          faultsSet: (patch) => faults.set(patch as Partial<Faults>),
          summary: () => ({
            storeId: ctx.storeId,
            url: ctx.siteUrl,
            faults: faults.get(),
            counts: {
              products: state.products.size,
              variations: state.variations.size,
              orders: state.orders.size,
              refunds: state.refunds.size,
              customers: state.customers.size,
              webhooks: state.webhooks.size,
            },
            webhooks: [...state.webhooks.values()].map(({ secret: _s, ...w }) => w),
            queue: { pending: activeQueue.size, coalesced: activeQueue.coalesced },
            deliveries: {
              total: state.deliveries.length,
              failed: state.deliveries.filter((d) => !d.success && !d.dropped).length,
              dropped: state.deliveries.filter((d) => d.dropped).length,
            },
          }),
          journalLog: (filter) => journal.log(filter),
          journalCount: (filter) => journal.count(filter),
          journalReset: () => journal.reset(),
          checkout,
          setStock,
          deliveries: () => state.deliveries.slice(-500).map(({ headers: _h, ...d }) => d),
          flush: () => activeQueue.flush(),
        },
        request,
        raw,
        url,
      ),
  });
  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : http.createServer(listener);
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ctx.siteUrl = `${options.tls ? 'https' : 'http'}://${host}:${port}`;

  const fixtures = options.fixturesDir ? loadFixtures(ctx, options.fixturesDir) : null;
  if (options.webhookUrl) {
    for (const topic of AUTO_TOPICS) {
      const webhook = createWebhook(ctx, {
        name: `Retail Hub ${topic}`,
        topic,
        delivery_url: options.webhookUrl,
        secret: options.webhookSecret,
        status: 'active',
      });
      webhook.pending_delivery = false;
    }
  }
  log.info({ storeId: ctx.storeId, url: ctx.siteUrl }, 'WooCommerce emulator listening');

  return {
    url: ctx.siteUrl,
    storeId: ctx.storeId,
    state,
    fixtures,
    async close() {
      activeQueue.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      agents.http.destroy();
      agents.https.destroy();
    },
    faults: { set: (patch) => faults.set(patch), get: () => faults.get() },
    requests: {
      count: (filter) => journal.count(filter),
      reset: () => journal.reset(),
      log: (filter) => journal.log(filter),
    },
    createOrder: (input) => checkout(input),
    updateOrder: (id, patch) =>
      clone(orderResponse(ctx, updateOrderWith(ctx, getOrderOrThrow(ctx, id, 'PUT'), patch))),
    createRefund: (orderId, input) => {
      const order = getOrderOrThrow(ctx, orderId, 'GET');
      const refund = createRefundFor(ctx, order, input, {
        apiRefund: input.api_refund === true,
        apiRestock: input.api_restock === undefined ? true : input.api_restock === true,
      });
      return clone(refundResponse(ctx, orderId, refund));
    },
    setStock,
    createProduct: (body) => clone(productResponse(ctx, createProduct(ctx, body))),
    createVariation: (parentId, body) => {
      const parent = state.products.get(parentId);
      if (!parent) throw new WcError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
      return clone(variationResponse(ctx, createVariation(ctx, parent, body)));
    },
    addCoupon: (coupon) =>
      state.coupons.set(coupon.code.toLowerCase(), { ...coupon, code: coupon.code.toLowerCase() }),
    getOrder: (id) => {
      const order = state.orders.get(id);
      return order ? clone(orderResponse(ctx, order)) : undefined;
    },
    getProduct: (id) => {
      const product = anyProductResponse(ctx, id);
      return product ? clone(product) : undefined;
    },
    flushWebhooks: () => activeQueue.flush(),
  };
}
