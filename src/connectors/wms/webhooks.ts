/**
 * `POST /webhooks/wms/:warehouseId` as a Fastify plugin: the body is kept as the raw bytes received
 * (the signature is over them) and handed to `createWmsWebhookIngest`, which decides the answer:
 * 404 unknown warehouse, 401 signature/timestamp, 400 event shape, else 202 after the durable
 * inbox write. With `rejected`, refusals are kept for `retail-hub dead-letters replay` and the
 * admin API.
 *
 * @example
 * ```ts
 * await app.register(wmsWebhookRoutes, { warehouses: [{ id: 'main', webhookSecret: process.env.WMS_SECRET! }], inbox: runtime.inbox, log });
 * // WMS webhook URL: <publicUrl>/webhooks/wms/main
 * ```
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  createWmsWebhookIngest,
  type WmsWebhookAnswer,
  type WmsWebhookDelivery,
  type WmsWebhookIngest,
  type WmsWebhookIngestOptions,
} from './webhook-ingest.js';
import { rawBody, takeRawBodies } from '../../api/raw-webhook-bodies.js';

export { inboundForWmsEvent, sequenceVersion, type WmsWebhookWarehouse } from './webhook-ingest.js';

export interface WmsWebhookRoutesOptions extends WmsWebhookIngestOptions {
  bodyLimit?: number;
  /** Shares one ingest with other callers; built from the options otherwise. */
  ingest?: (delivery: WmsWebhookDelivery) => Promise<WmsWebhookAnswer>;
}

export const wmsWebhookRoutes: FastifyPluginAsync<WmsWebhookRoutesOptions> = async (app, options) => {
  const ingest = options.ingest ?? createWmsWebhookIngest(options);
  // Refusals queued for keeping are written before the server is gone.
  app.addHook('onClose', async () => options.rejected?.flush());

  // Every body raw, whatever its type (signatures are over the exact bytes): the ingest decides and
  // keeps what it refuses; one over the limit is kept unread.
  const deliveryOf = (request: FastifyRequest, body: Buffer): WmsWebhookDelivery => ({
    warehouseId: (request.params as { warehouseId?: string }).warehouseId ?? '',
    headers: request.headers,
    body,
    correlationId: request.id,
  });
  const refuse = (ingest as Partial<WmsWebhookIngest>).refuse;
  takeRawBodies(app, {
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    ...(refuse && {
      tooLarge: (request: FastifyRequest, detail: string) =>
        refuse(deliveryOf(request, Buffer.alloc(0)), 413, 'payload_too_large', detail),
    }),
  });

  app.post<{ Params: { warehouseId: string } }>('/webhooks/wms/:warehouseId', async (request, reply) => {
    const answer = await ingest(deliveryOf(request, rawBody(request)));
    return reply.code(answer.status).type(answer.contentType).send(answer.body);
  });
};
