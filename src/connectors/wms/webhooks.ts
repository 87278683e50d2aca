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
import type { FastifyPluginAsync } from 'fastify';
import {
  createWmsWebhookIngest,
  type WmsWebhookAnswer,
  type WmsWebhookDelivery,
  type WmsWebhookIngestOptions,
} from './webhook-ingest.js';

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

  // Encapsulated to this plugin: signatures are over the exact bytes, so the body stays raw here.
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: options.bodyLimit ?? 1024 * 1024 },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.post<{ Params: { warehouseId: string } }>('/webhooks/wms/:warehouseId', async (request, reply) => {
    const answer = await ingest({
      warehouseId: request.params.warehouseId,
      headers: request.headers,
      body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      correlationId: request.id,
    });
    return reply.code(answer.status).type(answer.contentType).send(answer.body);
  });
};
