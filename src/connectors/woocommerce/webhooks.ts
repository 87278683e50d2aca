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
import type { FastifyPluginAsync } from 'fastify';
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

  // Encapsulated to this plugin: the rest of the API keeps Fastify's parsers. Here every body is
  // the raw bytes, whatever its content type: the ingest decides (signature, JSON) and keeps what
  // it refuses, so nothing is refused unseen by a parser (a signed body sent as text/plain is
  // still the store's).
  const bodyLimit = options.bodyLimit ?? DEFAULT_WEBHOOK_BODY_LIMIT;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    done(null, body);
  });
  // A body over the limit is never read; the refusal is still counted, logged and kept (without it).
  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
    const refuse = (ingest as Partial<WooWebhookIngest>).refuse;
    if (error.statusCode !== 413 || refuse === undefined) throw error;
    const answer = refuse(
      {
        storeId: (request.params as { storeId?: string }).storeId ?? '',
        headers: request.headers,
        body: Buffer.alloc(0),
        correlationId: request.id,
      },
      413,
      'payload_too_large',
      `The body is over ${bodyLimit} bytes; it was not read.`,
    );
    return reply.code(answer.status).type(answer.contentType).send(answer.body);
  });

  app.post<{ Params: { storeId: string } }>('/webhooks/woocommerce/:storeId', async (request, reply) => {
    const answer = await ingest({
      storeId: request.params.storeId,
      headers: request.headers,
      body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      correlationId: request.id,
    });
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
