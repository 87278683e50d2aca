/**
 * `POST /webhooks/woocommerce/:storeId`: verifies WooCommerce's signature on the raw bytes, writes
 * the delivery durably to the inbox and only then answers 202. Pings (form body `webhook_id=N`, no
 * signature) get the exact 200 WooCommerce requires. Rejections are problem+json with a stable
 * code, counted by reason and logged without secrets.
 *
 * Dedupe: the delivery id is not unique per event, so the key is `<delivery id>:<sha256(body)>`,
 * and the inbox's version rule (`woocommerce:<store>:<resource>:<id>` → `date_modified_gmt`)
 * collapses re-sent identical states and refuses older ones.
 *
 * @example
 * ```ts
 * await app.register(wooWebhookRoutes, { stores: config.stores, inbox: runtime.inbox, log });
 * // WooCommerce delivery URL: <publicUrl>/webhooks/woocommerce/eu
 * ```
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Inbox } from '../../runtime/contracts.js';
import { sendProblem } from '../../api/problem.js';
import { inboundFor, isWooResource, sha256Hex, stampOf } from './inbound.js';
import { verifyWooSignature } from './signature.js';
import { webhookMetrics } from './webhook-metrics.js';
import type { WooStoreConfig } from './types.js';

export type StoreLookup = (storeId: string) => Pick<WooStoreConfig, 'id' | 'webhookSecret'> | undefined;

export interface WooWebhookRoutesOptions {
  stores: readonly Pick<WooStoreConfig, 'id' | 'webhookSecret'>[] | StoreLookup;
  inbox: Inbox;
  log: Logger;
  metrics?: Registry;
  /** Largest body accepted; WooCommerce orders with many lines run to a few hundred KB. */
  bodyLimit?: number;
}

const FORWARDED_HEADERS = [
  'x-wc-webhook-topic',
  'x-wc-webhook-resource',
  'x-wc-webhook-event',
  'x-wc-webhook-id',
  'x-wc-webhook-delivery-id',
  'x-wc-webhook-source',
];

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function asLookup(stores: WooWebhookRoutesOptions['stores']): StoreLookup {
  if (typeof stores === 'function') return stores;
  const byId = new Map(stores.map((store) => [store.id, store]));
  return (id) => byId.get(id);
}

/** The ping is the only unsigned request WooCommerce sends: a form body with `webhook_id`. */
function pingWebhookId(request: FastifyRequest, raw: Buffer): string | undefined {
  if (!(header(request, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded'))
    return undefined;
  return new URLSearchParams(raw.toString('utf8')).get('webhook_id') ?? undefined;
}

export const wooWebhookRoutes: FastifyPluginAsync<WooWebhookRoutesOptions> = async (app, options) => {
  const lookup = asLookup(options.stores);
  const metrics = webhookMetrics(options.metrics);
  const bodyLimit = options.bodyLimit ?? 5 * 1024 * 1024;

  // Encapsulated to this plugin: the rest of the API keeps Fastify's JSON parser.
  app.removeContentTypeParser(['application/json', 'application/x-www-form-urlencoded']);
  app.addContentTypeParser(
    ['application/json', 'application/x-www-form-urlencoded'],
    { parseAs: 'buffer', bodyLimit },
    (_request, body, done) => {
      done(null, body);
    },
  );

  const reject = (
    reply: FastifyReply,
    storeId: string,
    status: number,
    code: string,
    detail: string,
  ): FastifyReply => {
    metrics.rejected(storeId, code);
    options.log.warn(
      {
        correlationId: reply.request.id,
        store: storeId,
        status,
        code,
        delivery: header(reply.request, 'x-wc-webhook-delivery-id'),
      },
      `woocommerce webhook refused: ${detail}`,
    );
    return sendProblem(reply, status, code, detail);
  };

  app.post<{ Params: { storeId: string } }>('/webhooks/woocommerce/:storeId', async (request, reply) => {
    const { storeId } = request.params;
    const store = lookup(storeId);
    if (store === undefined)
      return reject(
        reply,
        storeId,
        404,
        'store_not_found',
        `No WooCommerce store "${storeId}" is configured.`,
      );
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);

    const ping = pingWebhookId(request, raw);
    if (ping !== undefined && header(request, 'x-wc-webhook-signature') === undefined) {
      options.log.info(
        { correlationId: request.id, store: storeId, webhookId: ping },
        'woocommerce webhook ping',
      );
      metrics.received(storeId, 'ping');
      return reply.code(200).send({ status: 'ping', webhookId: ping });
    }

    const signature = header(request, 'x-wc-webhook-signature');
    if (signature === undefined)
      return reject(reply, storeId, 401, 'signature_missing', 'X-WC-Webhook-Signature is required.');
    if (!verifyWooSignature(raw, signature, store.webhookSecret)) {
      return reject(
        reply,
        storeId,
        401,
        'signature_invalid',
        "X-WC-Webhook-Signature does not match the body and the store's webhook secret.",
      );
    }

    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return reject(reply, storeId, 400, 'malformed_json', 'The body is not valid JSON.');
    }
    const stamp = stampOf(payload);
    if (stamp === undefined)
      return reject(reply, storeId, 400, 'missing_id', 'The body has no numeric "id".');

    const topic = header(request, 'x-wc-webhook-topic') ?? '';
    const resource = header(request, 'x-wc-webhook-resource') ?? topic.split('.')[0];
    if (!isWooResource(resource)) {
      // Signed and well-formed, but not a topic the hub subscribes to: say so rather than store it.
      metrics.received(storeId, 'ignored');
      options.log.warn(
        { correlationId: request.id, store: storeId, topic, resource },
        'woocommerce webhook for an unsupported resource ignored',
      );
      return reply
        .code(202)
        .send({ status: 'ignored', reason: `resource "${resource ?? ''}" is not ingested` });
    }

    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = header(request, name);
      if (value !== undefined) headers[name] = value;
    }
    const body = raw.toString('utf8');
    const deliveryId = header(request, 'x-wc-webhook-delivery-id') ?? 'none';
    try {
      const result = await options.inbox.accept(
        inboundFor(storeId, resource, body, {
          dedupeKey: `${deliveryId}:${sha256Hex(raw)}`,
          stamp,
          headers,
          // The request id is the caller's x-correlation-id when it sent one: the chain keeps it.
          correlationId: request.id,
        }),
      );
      metrics.received(storeId, result.status);
      return reply.code(202).send({ status: result.status, id: result.id ?? null });
    } catch (error) {
      metrics.rejected(storeId, 'inbox_unavailable');
      options.log.error(
        { correlationId: request.id, store: storeId, err: error, topic, resourceId: stamp.id },
        'woocommerce webhook not stored',
      );
      return sendProblem(
        reply,
        503,
        'inbox_unavailable',
        'The delivery could not be stored; it was not acknowledged.',
      );
    }
  });
};
