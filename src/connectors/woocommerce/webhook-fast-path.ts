/**
 * `POST /webhooks/woocommerce/:storeId` served straight from node:http, before Fastify: the route
 * takes thousands of deliveries a second, and Fastify's per-request objects, hooks, child logger
 * and body parser cost about as much CPU as verifying and storing a delivery. The decision is the
 * same `createWooWebhookIngest` the Fastify route calls; this file only reads the body into one
 * buffer of the announced length and writes the answer with the headers the hub's server adds.
 *
 * Anything unusual — another method or path, a store id that would need decoding, no or a zero
 * `Content-Length` (chunked, empty), a body over the limit, a content type other than JSON or the
 * form-encoded ping — is passed on untouched to Fastify, which answers it as before.
 *
 * @example
 * ```ts
 * const ingest = createWooWebhookIngest({ stores, inbox, log });
 * await buildServer({ log, plugins: [{ register, fastRoute: wooWebhookFastPath(ingest, { log }) }] });
 * ```
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { correlationIdOf, type FastRoute } from '../../api/server.js';
import { problem } from '../../api/problem.js';
import type { WooWebhookAnswer, WooWebhookDelivery } from './webhook-ingest.js';

const PREFIX = '/webhooks/woocommerce/';
/** Store ids are `[a-z0-9-]+`; anything else (percent-encoding, `/`) is Fastify's to decode or refuse. */
const PLAIN_ID = /^[A-Za-z0-9_-]{1,100}$/;
const MEDIA_TYPES = new Set(['application/json', 'application/x-www-form-urlencoded']);

function mediaType(value: string | undefined): string {
  if (value === undefined) return '';
  const end = value.indexOf(';');
  return (end === -1 ? value : value.slice(0, end)).trim().toLowerCase();
}

/** The body into one buffer of the announced length (node:http enforces that length). */
function readBody(request: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.allocUnsafe(length);
    let filled = 0;
    request.on('data', (chunk: Buffer) => {
      filled += chunk.copy(body, filled);
    });
    request.once('end', () => {
      if (filled === length) resolve(body);
      else reject(new Error(`body ended after ${filled} of ${length} bytes`));
    });
    request.once('error', reject);
  });
}

function send(response: ServerResponse, answer: WooWebhookAnswer, correlationId: string): void {
  const payload = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': `${answer.contentType}; charset=utf-8`,
    'content-length': Buffer.byteLength(payload),
    'x-correlation-id': correlationId,
  });
  response.end(payload);
}

export function wooWebhookFastPath(
  ingest: (delivery: WooWebhookDelivery) => Promise<WooWebhookAnswer>,
  options: { bodyLimit: number; log: Logger },
): FastRoute {
  return (request, response) => {
    const url = request.url ?? '';
    if (request.method !== 'POST' || !url.startsWith(PREFIX)) return false;
    const query = url.indexOf('?', PREFIX.length);
    const storeId = url.slice(PREFIX.length, query === -1 ? undefined : query);
    if (!PLAIN_ID.test(storeId)) return false;
    const length = Number(request.headers['content-length']);
    if (!(length > 0 && length <= options.bodyLimit)) return false;
    if (!MEDIA_TYPES.has(mediaType(request.headers['content-type']))) return false;

    const correlationId = correlationIdOf(request);
    readBody(request, length).then(
      async (body) => {
        let answer: WooWebhookAnswer;
        try {
          answer = await ingest({ storeId, headers: request.headers, body, correlationId });
        } catch (error) {
          options.log.error({ correlationId, err: error }, 'request failed');
          answer = {
            status: 500,
            contentType: 'application/problem+json',
            body: problem(
              500,
              'internal_error',
              'The hub could not handle this request; it has been logged.',
            ),
          };
        }
        if (!response.destroyed) send(response, answer, correlationId);
      },
      // The sender went away mid-body: nothing was stored, and there is no one to answer.
      () => response.destroy(),
    );
    return true;
  };
}
