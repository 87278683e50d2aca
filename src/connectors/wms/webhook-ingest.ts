/**
 * What `POST /webhooks/wms/:warehouseId` decides, without an HTTP framework: the warehouse is
 * configured (404), the signature over the raw body and its timestamp verify (401), the event has
 * the WMS shape and is from this warehouse (400), then it is written to the runtime inbox and only
 * after that answered 202. Dedupe key is the WMS event id; the version is the per-fulfilment
 * `sequence`, so a late, older event is acknowledged as `stale` and not processed (fulfilment events
 * carry the full snapshot, so nothing is lost by skipping it).
 *
 * Refusals are problem+json with a stable code, counted by reason, logged without secrets and, with
 * `rejected`, kept (reason, raw body, headers without credentials) so an operator can replay them
 * once the cause is fixed (`replayRejectedWmsWebhook`): the same checks, with the configuration as
 * it is then.
 *
 * @example
 * ```ts
 * const ingest = createWmsWebhookIngest({ warehouses: [{ id: 'main', webhookSecret: 's3cret' }], inbox: runtime.inbox, log });
 * const answer = await ingest({ warehouseId: 'main', headers: req.headers, body: raw, correlationId: 'c1' });
 * answer.status; // 202, or 401 with { code: 'signature_invalid', … }
 * ```
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { problem, type Problem } from '../../api/problem.js';
import type { InboundMessage, Inbox } from '../../runtime/contracts.js';
import type { RejectedMessage, RejectedMessages } from '../../runtime/dead-letters/rejected-messages.js';
import { replayRefused } from '../../runtime/dead-letters/replay-refused.js';
import { parseWmsEvent, type WmsEvent } from './event-schema.js';
import { parseWmsReference } from './reference.js';
import { verifyWmsSignature } from './signature.js';
import { wmsWebhookMetrics } from './webhook-metrics.js';

export interface WmsWebhookWarehouse {
  id: string;
  webhookSecret: string;
}

export type WarehouseLookup = (warehouseId: string) => WmsWebhookWarehouse | undefined;

export interface WmsWebhookIngestOptions {
  warehouses: readonly WmsWebhookWarehouse[] | WarehouseLookup;
  inbox: Inbox;
  log: Logger;
  /** Refusals by reason and inbox results per warehouse are counted here; none when omitted. */
  metrics?: Registry;
  /** Where refusals are kept for an operator to see and replay; none when omitted. */
  rejected?: RejectedMessages;
  toleranceSeconds?: number;
  /** Clock for the timestamp check; injectable for tests. */
  now?: () => number;
}

export interface WmsWebhookDelivery {
  warehouseId: string;
  /** As node:http gives them: lower-case names. */
  headers: IncomingHttpHeaders;
  body: Buffer;
  correlationId: string;
  /** An operator's replay of a kept refusal: no timestamp window, and a refusal is not kept again. */
  replay?: boolean;
}

export interface WmsWebhookAnswer {
  status: number;
  contentType: 'application/json' | 'application/problem+json';
  body: Problem | { status: string; id: string | null };
}

export const WMS_INGRESS = 'wms';

const FORWARDED_HEADERS = ['x-wms-event', 'x-wms-event-id', 'x-wms-timestamp', 'x-wms-delivery-attempt'];

/** Kept with a refusal: what identifies and verifies the delivery; never cookies or credentials. */
const KEPT_HEADERS = [
  'content-type',
  'user-agent',
  'x-correlation-id',
  ...FORWARDED_HEADERS,
  // An HMAC of timestamp + body, not the secret: a replay verifies it against the (maybe fixed) secret.
  'x-wms-signature',
];

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function headersNamed(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.flatMap((name) => {
      const value = header(headers, name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
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

/** The ingest; `refuse` answers, counts, logs and keeps a delivery the HTTP layer could not read. */
export type WmsWebhookIngest = ((delivery: WmsWebhookDelivery) => Promise<WmsWebhookAnswer>) & {
  refuse(delivery: WmsWebhookDelivery, status: number, code: string, detail: string): WmsWebhookAnswer;
};

export function createWmsWebhookIngest(options: WmsWebhookIngestOptions): WmsWebhookIngest {
  const warehouses = options.warehouses;
  const lookup: WarehouseLookup =
    typeof warehouses === 'function'
      ? warehouses
      : (id) => warehouses.find((warehouse) => warehouse.id === id);
  const metrics = wmsWebhookMetrics(options.metrics);

  const reject = (
    delivery: WmsWebhookDelivery,
    status: number,
    code: string,
    detail: string,
    errors?: { path: string; message: string }[],
  ): WmsWebhookAnswer => {
    // An unknown warehouse id is whatever the sender wrote: keep it out of metric labels.
    metrics.refused(code === 'warehouse_not_found' ? 'unknown' : delivery.warehouseId, code);
    if (!delivery.replay) {
      const kept = options.rejected?.record({
        ingress: WMS_INGRESS,
        target: delivery.warehouseId,
        reason: code,
        detail,
        headers: headersNamed(delivery.headers, KEPT_HEADERS),
        body: delivery.body,
        correlationId: delivery.correlationId,
      });
      if (kept === false) metrics.notKept(code);
    }
    options.log.warn(
      {
        correlationId: delivery.correlationId,
        warehouse: delivery.warehouseId,
        status,
        code,
        eventId: header(delivery.headers, 'x-wms-event-id'),
        replay: delivery.replay === true || undefined,
      },
      `wms webhook refused: ${detail}`,
    );
    return {
      status,
      contentType: 'application/problem+json',
      body: problem(status, code, detail, errors),
    };
  };

  const ingest = async (delivery: WmsWebhookDelivery): Promise<WmsWebhookAnswer> => {
    const { warehouseId, headers, body: raw, correlationId } = delivery;
    const warehouse = lookup(warehouseId);
    if (warehouse === undefined)
      return reject(delivery, 404, 'warehouse_not_found', `No warehouse "${warehouseId}" is configured.`);

    const check = verifyWmsSignature({
      secret: warehouse.webhookSecret,
      timestamp: header(headers, 'x-wms-timestamp'),
      signature: header(headers, 'x-wms-signature'),
      rawBody: raw,
      // A replay is of a delivery the hub received and kept, maybe days ago: the tolerance window
      // (against a third party re-sending a captured delivery) cannot apply to it. The HMAC is still
      // checked over the original timestamp + body, and the inbox's dedupe (event id) and version
      // (sequence) rules still refuse an event already processed or older than one that was.
      ...(delivery.replay
        ? { toleranceSeconds: Number.POSITIVE_INFINITY }
        : options.toleranceSeconds === undefined
          ? {}
          : { toleranceSeconds: options.toleranceSeconds }),
      ...(options.now === undefined ? {} : { now: options.now() }),
    });
    if (!check.ok)
      return reject(
        delivery,
        401,
        check.code,
        'X-WMS-Signature / X-WMS-Timestamp do not verify for this warehouse.',
      );

    const text = raw.toString('utf8');
    const parsed = parseWmsEvent(text);
    if (!parsed.ok)
      return reject(
        delivery,
        400,
        'invalid_event',
        'The event body does not match the WMS event schema.',
        parsed.errors,
      );
    const { event } = parsed;
    if (event.warehouse !== warehouseId)
      return reject(delivery, 400, 'warehouse_mismatch', `The event is from warehouse "${event.warehouse}".`);

    try {
      const result = await options.inbox.accept(
        inboundForWmsEvent(warehouseId, event, text, headersNamed(headers, FORWARDED_HEADERS)),
      );
      metrics.stored(warehouseId, result.status);
      return {
        status: 202,
        contentType: 'application/json',
        body: { status: result.status, id: result.id ?? null },
      };
    } catch (error) {
      metrics.refused(warehouseId, 'inbox_unavailable');
      options.log.error(
        { correlationId, warehouse: warehouseId, eventId: event.id, err: error },
        'wms webhook not stored',
      );
      return {
        status: 503,
        contentType: 'application/problem+json',
        body: problem(503, 'inbox_unavailable', 'The event could not be stored; it was not acknowledged.'),
      };
    }
  };
  return Object.assign(ingest, {
    refuse: (d: WmsWebhookDelivery, status: number, code: string, detail: string) =>
      reject(d, status, code, detail),
  });
}

/**
 * Runs a kept WMS refusal through the ingest again (the configuration as it is now: a fixed secret,
 * an added warehouse), as a replay (no timestamp window); `done` when it was answered 2xx (stored,
 * or a duplicate/stale event). The rule is WooCommerce's, so both ingresses' replays read the same.
 */
export async function replayRejectedWmsWebhook(
  ingest: (delivery: WmsWebhookDelivery) => Promise<WmsWebhookAnswer>,
  message: Pick<RejectedMessage, 'target' | 'headers' | 'body' | 'truncated' | 'correlationId'>,
): Promise<{ result: string; done: boolean }> {
  return replayRefused(
    ({ target, ...delivery }) => ingest({ ...delivery, warehouseId: target, replay: true }),
    message,
  );
}
