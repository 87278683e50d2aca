/**
 * `POST /webhooks/woocommerce/:storeId` as a Fastify plugin: the body is kept as the raw bytes
 * received (the signature is over them) and handed to `createWooWebhookIngest`, which decides the
 * answer. The hub's HTTP server also serves this route through `wooWebhookFastPath` (same core)
 * without Fastify's per-request machinery; this plugin answers whatever that path passes on
 * (`inject` in tests, unusual requests) identically.
 *
 * @example
 * ```ts
 * const app = await buildServer({ log, plugins: [wooWebhookRoute({ stores: config.stores, inbox: runtime.inbox, log })] });
 * // WooCommerce delivery URL: <publicUrl>/webhooks/woocommerce/eu
 * ```
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { rawBody, takeRawBodies } from '../../api/raw-webhook-bodies.js';
import { route, type RoutePlugin } from '../../api/server.js';
import {
  createWooWebhookIngest,
  type WooWebhookAnswer,
  type WooWebhookDelivery,
  type WooWebhookIngest,
  type WooWebhookIngestOptions,
} from './webhook-ingest.js';
import { wooWebhookFastPath } from './webhook-fast-path.js';

export type { StoreLookup } from './webhook-ingest.js';

export interface WooWebhookRoutesOptions extends WooWebhookIngestOptions {
  /** Largest body accepted; WooCommerce orders with many lines run to a few hundred KB. */
  bodyLimit?: number;
  /** Shares one ingest with the fast path (see `wooWebhookRoute`); built from the options otherwise. */
  ingest?: ((delivery: WooWebhookDelivery) => Promise<WooWebhookAnswer>) | WooWebhookIngest;
}

export const DEFAULT_WEBHOOK_BODY_LIMIT = 5 * 1024 * 1024;

export const wooWebhookRoutes: FastifyPluginAsync<WooWebhookRoutesOptions> = async (app, options) => {
  const ingest = options.ingest ?? createWooWebhookIngest(options);
  // Refusals queued for keeping are written before the server is gone.
  app.addHook('onClose', async () => options.rejected?.flush());

  // Every body raw, whatever its type: the ingest decides and keeps what it refuses (a signed body
  // sent as text/plain is still the store's); one over the limit is kept unread.
  const deliveryOf = (request: FastifyRequest, body: Buffer): WooWebhookDelivery => ({
    storeId: (request.params as { storeId?: string }).storeId ?? '',
    headers: request.headers,
    body,
    correlationId: request.id,
  });
  const refuse = (ingest as Partial<WooWebhookIngest>).refuse;
  takeRawBodies(app, {
    bodyLimit: options.bodyLimit ?? DEFAULT_WEBHOOK_BODY_LIMIT,
    ...(refuse && {
      tooLarge: (request: FastifyRequest, detail: string) =>
        refuse(deliveryOf(request, Buffer.alloc(0)), 413, 'payload_too_large', detail),
    }),
  });

  app.post<{ Params: { storeId: string } }>('/webhooks/woocommerce/:storeId', async (request, reply) => {
    const answer = await ingest(deliveryOf(request, rawBody(request)));
    return reply.code(answer.status).type(answer.contentType).send(answer.body);
  });
};

/**
 * The route for the hub's server (`buildServer`): this plugin plus the node:http fast path in front
 * of Fastify, both deciding through one ingest.
 */
export function wooWebhookRoute(options: WooWebhookRoutesOptions): RoutePlugin {
  const ingest = options.ingest ?? createWooWebhookIngest(options);
  return {
    ...route(wooWebhookRoutes, { ...options, ingest }),
    fastRoute: wooWebhookFastPath(ingest, {
      bodyLimit: options.bodyLimit ?? DEFAULT_WEBHOOK_BODY_LIMIT,
      log: options.log,
    }),
  };
}
