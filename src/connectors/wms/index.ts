/**
 * The WMS connector: client, webhook verification + ingress route, mapping to and from canonical.
 *
 * @example
 * ```ts
 * import { createWmsClient, toWmsFulfilmentRequest, wmsWebhookRoutes } from './connectors/wms/index.js';
 * const client = createWmsClient({ warehouseId: 'main', baseUrl: 'http://127.0.0.1:9100', apiKey: 'wms-dev-key' });
 * const { body, idempotencyKey } = toWmsFulfilmentRequest(request);
 * await client.createFulfilment(body, idempotencyKey);
 * ```
 */
export {
  createWmsClient,
  type WmsClient,
  type WmsClientOptions,
  type WmsFulfilmentOrder,
  type WmsReturnBody,
  type WmsReturnReceipt,
} from './client.js';
export { wmsErrorFromResponse, wmsErrorFromTransport, retryAfterMs } from './errors.js';
export { parseWmsEvent, WmsEventSchema, type WmsEvent, type ParsedWmsEvent } from './event-schema.js';
export {
  fromWmsEvent,
  fromWmsFulfilment,
  toWmsFulfilmentBody,
  toWmsFulfilmentRequest,
  type FulfilmentUpdate,
  type ReturnReceived,
  type WmsFulfilmentInput,
  type WmsFulfilmentRequestBody,
} from './mapping.js';
export { parseWmsReference, wmsReference, type ParsedReference } from './reference.js';
export {
  signWmsBody,
  verifyWmsSignature,
  DEFAULT_TOLERANCE_SECONDS,
  type SignatureCheck,
} from './signature.js';
export {
  inboundForWmsEvent,
  sequenceVersion,
  wmsWebhookRoutes,
  type WmsWebhookRoutesOptions,
  type WmsWebhookWarehouse,
} from './webhooks.js';
export {
  createWmsWebhookIngest,
  replayRejectedWmsWebhook,
  WMS_INGRESS,
  type WmsWebhookAnswer,
  type WmsWebhookDelivery,
  type WmsWebhookIngestOptions,
} from './webhook-ingest.js';
export {
  registerWmsIngest,
  wmsIngestHandler,
  WMS_INGEST_CONSUMER,
  WMS_FULFILMENT_TYPES,
  type FulfilmentProgressedData,
} from './ingest.js';
export {
  registerWmsReturnIngest,
  wmsReturnIngestHandler,
  WMS_RETURN_INGEST_CONSUMER,
  WMS_RETURN_TYPES,
  type ReturnReceivedData,
} from './ingest-handler.js';
export { createWmsEventPoller, type WmsEventPollerOptions, type WmsPollResult } from './poller.js';
