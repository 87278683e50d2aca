/**
 * `POST /webhooks/wms/:warehouseId`: checks the warehouse is configured (404), the signature over
 * the raw body and its timestamp (401), the event's shape (400), then writes it to the runtime
 * inbox and only after that answers 202. Dedupe key is the WMS event id; the version is the
 * per-fulfilment `sequence`, so a late, older event is acknowledged as `stale` and not processed
 * (fulfilment events carry the full snapshot, so nothing is lost by skipping it).
 *
 * @example
 * ```ts
 * await app.register(wmsWebhookRoutes, { warehouses: [{ id: 'main', webhookSecret: process.env.WMS_SECRET! }], inbox: runtime.inbox, log });
 * // WMS webhook URL: <publicUrl>/webhooks/wms/main
 * ```
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { sendProblem } from '../../api/problem.js';
import type { InboundMessage, Inbox } from '../../runtime/contracts.js';
import { parseWmsEvent, type WmsEvent } from './event-schema.js';
import { parseWmsReference } from './reference.js';
import { verifyWmsSignature } from './signature.js';
import { wmsWebhookMetrics } from './webhook-metrics.js';

export interface WmsWebhookWarehouse {
  id: string;
  webhookSecret: string;
}

export interface WmsWebhookRoutesOptions {
  warehouses: readonly WmsWebhookWarehouse[] | ((warehouseId: string) => WmsWebhookWarehouse | undefined);
  inbox: Inbox;
  log: Logger;
  /** Refusals by reason and inbox results per warehouse are counted here; none when omitted. */
  metrics?: Registry;
  toleranceSeconds?: number;
  /** Clock for the timestamp check; injectable for tests. */
  now?: () => number;
  bodyLimit?: number;
}

const FORWARDED_HEADERS = ['x-wms-event', 'x-wms-event-id', 'x-wms-timestamp', 'x-wms-delivery-attempt'];

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Zero-padded so the inbox's string comparison of versions orders sequences numerically. */
export function sequenceVersion(sequence: number): string {
  return String(sequence).padStart(12, '0');
}

/** The inbox message for a verified event; exported for pollers that fetch the same events. */
export function inboundForWmsEvent(
  warehouseId: string,
  event: WmsEvent,
  body: string,
  headers: Record<string, string> = {},
): InboundMessage {
  const reference = 'fulfilment' in event ? event.fulfilment.reference : event.return.reference;
  const parsed = parseWmsReference(reference, warehouseId);
  const streamId = 'fulfilment' in event ? `fulfilment:${event.fulfilment.id}` : `return:${event.return.id}`;
  return {
    source: `wms:${warehouseId}`,
    dedupeKey: event.id,
    type: `wms.${event.type}`,
    partitionKey: parsed.partitionKey,
    subject: parsed.orderSubject ?? `wms:${warehouseId}:${streamId}`,
    body,
    headers,
    version: { key: `wms:${warehouseId}:${streamId}`, value: sequenceVersion(event.sequence) },
  };
}

export const wmsWebhookRoutes: FastifyPluginAsync<WmsWebhookRoutesOptions> = async (app, options) => {
  const warehouses = options.warehouses;
  const lookup =
    typeof warehouses === 'function'
      ? warehouses
      : (id: string) => warehouses.find((warehouse) => warehouse.id === id);
  const metrics = wmsWebhookMetrics(options.metrics);

  // Encapsulated to this plugin: signatures are over the exact bytes, so the body stays raw here.
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: options.bodyLimit ?? 1024 * 1024 },
    (_request, body, done) => {
      done(null, body);
    },
  );

  const reject = (
    reply: FastifyReply,
    warehouseId: string,
    status: number,
    code: string,
    detail: string,
    errors?: { path: string; message: string }[],
  ) => {
    metrics.refused(warehouseId, code);
    options.log.warn(
      { warehouse: warehouseId, status, code, eventId: header(reply.request, 'x-wms-event-id') },
      `wms webhook refused: ${detail}`,
    );
    return sendProblem(reply, status, code, detail, errors);
  };

  app.post<{ Params: { warehouseId: string } }>('/webhooks/wms/:warehouseId', async (request, reply) => {
    const { warehouseId } = request.params;
    const warehouse = lookup(warehouseId);
    if (warehouse === undefined)
      return reject(
        reply,
        warehouseId,
        404,
        'warehouse_not_found',
        `No warehouse "${warehouseId}" is configured.`,
      );
    const raw = typeof request.body === 'string' ? request.body : '';

    const check = verifyWmsSignature({
      secret: warehouse.webhookSecret,
      timestamp: header(request, 'x-wms-timestamp'),
      signature: header(request, 'x-wms-signature'),
      rawBody: raw,
      ...(options.toleranceSeconds === undefined ? {} : { toleranceSeconds: options.toleranceSeconds }),
      ...(options.now === undefined ? {} : { now: options.now() }),
    });
    if (!check.ok)
      return reject(
        reply,
        warehouseId,
        401,
        check.code,
        'X-WMS-Signature / X-WMS-Timestamp do not verify for this warehouse.',
      );

    const parsed = parseWmsEvent(raw);
    if (!parsed.ok)
      return reject(
        reply,
        warehouseId,
        400,
        'invalid_event',
        'The event body does not match the WMS event schema.',
        parsed.errors,
      );
    const { event } = parsed;
    if (event.warehouse !== warehouseId) {
      return reject(
        reply,
        warehouseId,
        400,
        'warehouse_mismatch',
        `The event is from warehouse "${event.warehouse}".`,
      );
    }

    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = header(request, name);
      if (value !== undefined) headers[name] = value;
    }
    try {
      const result = await options.inbox.accept(inboundForWmsEvent(warehouseId, event, raw, headers));
      metrics.stored(warehouseId, result.status);
      return reply.code(202).send({ status: result.status, id: result.id ?? null });
    } catch (error) {
      metrics.refused(warehouseId, 'inbox_unavailable');
      options.log.error({ warehouse: warehouseId, eventId: event.id, err: error }, 'wms webhook not stored');
      return sendProblem(
        reply,
        503,
        'inbox_unavailable',
        'The event could not be stored; it was not acknowledged.',
      );
    }
  });
};
