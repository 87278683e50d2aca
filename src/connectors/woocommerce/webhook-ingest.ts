/**
 * What `POST /webhooks/woocommerce/:storeId` does, without an HTTP framework: verify WooCommerce's
 * signature on the raw bytes, write the delivery durably to the inbox and only then answer 202.
 * Pings (form body `webhook_id=N`, no signature) get the exact 200 WooCommerce requires.
 * Rejections are problem+json with a stable code, counted by reason and logged without secrets.
 * Both the Fastify route (`webhooks.ts`) and the lean node:http path (`webhook-fast-path.ts`) call
 * it, so they cannot drift apart.
 *
 * Dedupe: the delivery id is not unique per event, so the key is `<delivery id>:<content hash>`,
 * and the inbox's version rule (`woocommerce:<store>:<resource>:<id>` → `date_modified_gmt`,
 * tagged with the content hash) collapses re-sent identical states and refuses older ones.
 *
 * @example
 * ```ts
 * const ingest = createWooWebhookIngest({ stores: config.stores, inbox: runtime.inbox, log });
 * const answer = await ingest({ storeId: 'eu', headers: req.headers, body: raw, correlationId: 'c1' });
 * answer.status; // 202
 * ```
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Inbox } from '../../runtime/contracts.js';
import type { RejectedMessage, RejectedMessages } from '../../runtime/dead-letters/rejected-messages.js';
import { problem, type Problem } from '../../api/problem.js';
import { contentHash, inboundFor, isWooResource, stampOf } from './inbound.js';
import { createWooSignatureCheck } from './signature.js';
import { webhookMetrics } from './webhook-metrics.js';
import { replayRefused } from '../../runtime/dead-letters/replay-refused.js';
import type { WooStoreConfig } from './types.js';

export type StoreLookup = (storeId: string) => Pick<WooStoreConfig, 'id' | 'webhookSecret'> | undefined;

export interface WooWebhookIngestOptions {
  stores: readonly Pick<WooStoreConfig, 'id' | 'webhookSecret'>[] | StoreLookup;
  inbox: Inbox;
  log: Logger;
  metrics?: Registry;
  /** Where refusals are kept for an operator to see and replay; none when omitted. */
  rejected?: RejectedMessages;
}

export interface WooWebhookDelivery {
  storeId: string;
  /** As node:http gives them: lower-case names. */
  headers: IncomingHttpHeaders;
  body: Buffer;
  correlationId: string;
}

export interface WooWebhookAnswer {
  status: number;
  contentType: 'application/json' | 'application/problem+json';
  body: Problem | Record<string, unknown>;
}

const FORWARDED_HEADERS = [
  'x-wc-webhook-topic',
  'x-wc-webhook-resource',
  'x-wc-webhook-event',
  'x-wc-webhook-id',
  'x-wc-webhook-delivery-id',
  'x-wc-webhook-source',
] as const;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function pick(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = header(headers, name);
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

function asLookup(stores: WooWebhookIngestOptions['stores']): StoreLookup {
  if (typeof stores === 'function') return stores;
  const byId = new Map(stores.map((store) => [store.id, store]));
  return (id) => byId.get(id);
}

/** The ping is the only unsigned request WooCommerce sends: a form body with `webhook_id`. */
function pingWebhookId(headers: IncomingHttpHeaders, raw: Buffer): string | undefined {
  if (!(header(headers, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded'))
    return undefined;
  return new URLSearchParams(raw.toString('utf8')).get('webhook_id') ?? undefined;
}

/** Kept with a refusal: what identifies and verifies the delivery; never cookies or credentials. */
const KEPT_HEADERS = [
  'content-type',
  'user-agent',
  'x-correlation-id',
  ...FORWARDED_HEADERS,
  // An HMAC of the body, not the secret: a replay verifies it against the (maybe fixed) secret.
  'x-wc-webhook-signature',
];

export const WOO_INGRESS = 'woocommerce';

const json = (status: number, body: Record<string, unknown>): WooWebhookAnswer => ({
  status,
  contentType: 'application/json',
  body,
});

/**
 * The ingest; `refuse` answers (and counts, logs and keeps) a delivery the HTTP layer could not
 * hand over whole, e.g. a body over the size limit that was never read.
 */
export type WooWebhookIngest = ((delivery: WooWebhookDelivery) => Promise<WooWebhookAnswer>) & {
  refuse(delivery: WooWebhookDelivery, status: number, code: string, detail: string): WooWebhookAnswer;
};

export function createWooWebhookIngest(options: WooWebhookIngestOptions): WooWebhookIngest {
  const lookup = asLookup(options.stores);
  const metrics = webhookMetrics(options.metrics);
  const verify = createWooSignatureCheck();

  const reject = (
    delivery: WooWebhookDelivery,
    status: number,
    code: string,
    detail: string,
  ): WooWebhookAnswer => {
    // An unknown store id is whatever the sender wrote: keep it out of metric labels.
    const storeLabel = code === 'store_not_found' ? 'unknown' : delivery.storeId;
    metrics.rejected(storeLabel, code);
    const kept = options.rejected?.record({
      ingress: WOO_INGRESS,
      target: delivery.storeId,
      reason: code,
      detail,
      headers: pick(delivery.headers, KEPT_HEADERS),
      body: delivery.body,
      correlationId: delivery.correlationId,
    });
    if (kept === false) metrics.notKept(code);
    options.log.warn(
      {
        correlationId: delivery.correlationId,
        store: delivery.storeId,
        status,
        code,
        delivery: header(delivery.headers, 'x-wc-webhook-delivery-id'),
      },
      `woocommerce webhook refused: ${detail}`,
    );
    return { status, contentType: 'application/problem+json', body: problem(status, code, detail) };
  };

  const ingest = async (delivery: WooWebhookDelivery): Promise<WooWebhookAnswer> => {
    const { storeId, headers, body: raw, correlationId } = delivery;
    const store = lookup(storeId);
    if (store === undefined)
      return reject(delivery, 404, 'store_not_found', `No WooCommerce store "${storeId}" is configured.`);

    const signature = header(headers, 'x-wc-webhook-signature');
    if (signature === undefined) {
      const ping = pingWebhookId(headers, raw);
      if (ping !== undefined) {
        options.log.info({ correlationId, store: storeId, webhookId: ping }, 'woocommerce webhook ping');
        metrics.received(storeId, 'ping');
        return json(200, { status: 'ping', webhookId: ping });
      }
      return reject(delivery, 401, 'signature_missing', 'X-WC-Webhook-Signature is required.');
    }
    if (!verify(raw, signature, store.webhookSecret)) {
      return reject(
        delivery,
        401,
        'signature_invalid',
        "X-WC-Webhook-Signature does not match the body and the store's webhook secret.",
      );
    }

    const text = raw.toString('utf8');
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return reject(delivery, 400, 'malformed_json', 'The body is not valid JSON.');
    }
    const stamp = stampOf(payload);
    if (stamp === undefined) return reject(delivery, 400, 'missing_id', 'The body has no numeric "id".');

    const topic = header(headers, 'x-wc-webhook-topic') ?? '';
    const resource = header(headers, 'x-wc-webhook-resource') ?? topic.split('.')[0];
    if (!isWooResource(resource)) {
      // Signed and well-formed, but not a topic the hub subscribes to: say so rather than store it.
      metrics.received(storeId, 'ignored');
      options.log.warn(
        { correlationId, store: storeId, topic, resource },
        'woocommerce webhook for an unsupported resource ignored',
      );
      return json(202, { status: 'ignored', reason: `resource "${resource ?? ''}" is not ingested` });
    }

    const forwarded = pick(headers, FORWARDED_HEADERS);
    const deliveryId = header(headers, 'x-wc-webhook-delivery-id') ?? 'none';
    // Of the content, not the raw bytes: a poll of the same state then carries the same version tag.
    const hash = contentHash(payload);
    try {
      const result = await options.inbox.accept(
        inboundFor(storeId, resource, text, {
          dedupeKey: `${deliveryId}:${hash}`,
          contentHash: hash,
          stamp,
          headers: forwarded,
          // The request id is the caller's x-correlation-id when it sent one: the chain keeps it.
          correlationId,
        }),
      );
      metrics.received(storeId, result.status);
      return json(202, { status: result.status, id: result.id ?? null });
    } catch (error) {
      metrics.rejected(storeId, 'inbox_unavailable');
      options.log.error(
        { correlationId, store: storeId, err: error, topic, resourceId: stamp.id },
        'woocommerce webhook not stored',
      );
      return {
        status: 503,
        contentType: 'application/problem+json',
        body: problem(503, 'inbox_unavailable', 'The delivery could not be stored; it was not acknowledged.'),
      };
    }
  };
  return Object.assign(ingest, { refuse: reject });
}

/** Runs a kept refusal through the WooCommerce ingest again (see `replayRefused`). */
export function replayRejectedWebhook(
  ingest: (delivery: WooWebhookDelivery) => Promise<WooWebhookAnswer>,
  message: Pick<RejectedMessage, 'target' | 'headers' | 'body' | 'truncated' | 'correlationId'>,
): Promise<{ result: string; done: boolean }> {
  return replayRefused(({ target, ...delivery }) => ingest({ ...delivery, storeId: target }), message);
}
