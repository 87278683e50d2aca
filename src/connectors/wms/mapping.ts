/**
 * Translation between the canonical model and the WMS's wire format, both ways: a canonical
 * FulfilmentRequest becomes a WMS fulfilment order body; a WMS event becomes a canonical
 * fulfilment update (status, every Shipment so far, lines the warehouse cannot fulfil) or a return
 * receipt. No business decisions here: rerouting an unfulfillable line is the saga's job.
 *
 * @example
 * ```ts
 * import { toWmsFulfilmentRequest, fromWmsEvent } from './mapping.js';
 * const { body, idempotencyKey } = toWmsFulfilmentRequest(request); // POST body + Idempotency-Key
 * const update = fromWmsEvent(event);                                // after the webhook is verified
 * if (update.kind === 'fulfilment') update.shipments;                // canonical Shipment[]
 * ```
 */
import { orderPartitionKey, parseOrderSubject } from '../../canonical/ids.js';
import type { Address } from '../../canonical/models/address.js';
import type { FulfilmentLine, FulfilmentRequest, Shipment } from '../../canonical/models/fulfilment.js';
import { BusinessError, PermanentError } from '../../runtime/errors.js';
import type { WmsEvent, WmsFulfilmentSnapshot } from './event-schema.js';
import { parseWmsReference, wmsReference } from './reference.js';

export interface WmsFulfilmentRequestBody {
  reference: string;
  warehouse: string;
  lines: { lineRef: string; sku: string; quantity: number }[];
  shipTo: {
    name: string;
    company?: string;
    address1: string;
    address2?: string;
    city: string;
    postcode: string;
    region?: string;
    country: string;
    email?: string;
    phone?: string;
  };
  carrierHint?: string;
}

/** What a fulfilment order needs, in the hub's terms (the saga's `FulfilmentCreate` fits). */
export interface WmsFulfilmentInput {
  /** Sent as `reference`; must carry the order (see `reference.ts`). */
  reference: string;
  location: string;
  lines: { lineRef: string; sku: string; quantity: number }[];
  shipTo: Address;
  carrierHint?: string;
}

/**
 * Builds the POST body. Throws BusinessError `ship_to_incomplete` when the address lacks what a
 * carrier needs: a person must complete it, retrying cannot help.
 */
export function toWmsFulfilmentBody(input: WmsFulfilmentInput): WmsFulfilmentRequestBody {
  const to = input.shipTo;
  const name =
    [to.firstName, to.lastName].filter((part) => part !== undefined && part !== '').join(' ') || to.company;
  if (!name || !to.line1 || !to.city || !to.country) {
    const missing = Object.entries({ name, line1: to.line1, city: to.city, country: to.country })
      .filter(([, value]) => !value)
      .map(([key]) => key);
    throw new BusinessError(`shipping address incomplete: ${missing.join(', ')}`, {
      code: 'ship_to_incomplete',
      system: `wms:${input.location}`,
      details: { missing },
    });
  }
  const optional = (key: string, value: string | undefined) =>
    value === undefined || value === '' ? {} : { [key]: value };
  return {
    reference: input.reference,
    warehouse: input.location,
    lines: input.lines.map((line) => ({ lineRef: line.lineRef, sku: line.sku, quantity: line.quantity })),
    shipTo: {
      name,
      ...optional('company', to.company),
      address1: to.line1,
      ...optional('address2', to.line2),
      city: to.city,
      postcode: to.postcode ?? '',
      ...optional('region', to.region),
      country: to.country,
      ...optional('email', to.email),
      ...optional('phone', to.phone),
    },
    ...(input.carrierHint === undefined ? {} : { carrierHint: input.carrierHint }),
  };
}

/** A canonical FulfilmentRequest as a POST body; the request id is the Idempotency-Key. */
export function toWmsFulfilmentRequest(request: FulfilmentRequest): {
  body: WmsFulfilmentRequestBody;
  idempotencyKey: string;
} {
  const order = parseOrderSubject(request.orderSubject);
  if (!order)
    throw new PermanentError(`not an order subject: ${request.orderSubject}`, {
      code: 'invalid_order_subject',
      system: `wms:${request.location}`,
    });
  const body = toWmsFulfilmentBody({
    reference: wmsReference(orderPartitionKey(order.storeId, order.orderId), request.id),
    location: request.location,
    lines: request.lines.map((line) => ({ lineRef: line.lineId, sku: line.sku, quantity: line.quantity })),
    shipTo: request.shipTo,
    ...(request.shippingMethod === undefined ? {} : { carrierHint: request.shippingMethod }),
  });
  return { idempotencyKey: request.id, body };
}

export interface UnfulfillableLine extends FulfilmentLine {
  reason: string;
}

/** A fulfilment's state as the WMS reported it, in canonical terms. */
export interface FulfilmentUpdate {
  kind: 'fulfilment';
  eventType: WmsEvent['type'];
  sequence: number;
  status: WmsFulfilmentSnapshot['status'];
  location: string;
  /** The WMS's own id (for get / cancel). */
  wmsFulfilmentId: string;
  fulfilmentRequestId: string | undefined;
  orderSubject: string | undefined;
  /** Every shipment so far (the event carries the full snapshot). */
  shipments: Shipment[];
  unfulfillable: UnfulfillableLine[];
}

export interface ReturnReceived {
  kind: 'return';
  location: string;
  wmsReturnId: string;
  reference: string;
  orderSubject: string | undefined;
  lines: { sku: string; quantity: number; condition: string }[];
  receivedAt: string;
}

export function fromWmsEvent(event: WmsEvent): FulfilmentUpdate | ReturnReceived {
  if (!('fulfilment' in event)) {
    const parsed = parseWmsReference(event.return.reference, event.warehouse);
    return {
      kind: 'return',
      location: event.warehouse,
      wmsReturnId: event.return.id,
      reference: event.return.reference,
      orderSubject: parsed.orderSubject,
      lines: event.return.lines,
      receivedAt: event.return.receivedAt,
    };
  }
  return { ...fromWmsFulfilment(event.fulfilment), eventType: event.type, sequence: event.sequence };
}

/** Maps a fulfilment snapshot (from an event or from GET /v1/fulfilment-orders/:id). */
export function fromWmsFulfilment(
  snapshot: WmsFulfilmentSnapshot,
): Omit<FulfilmentUpdate, 'eventType' | 'sequence'> {
  const parsed = parseWmsReference(snapshot.reference, snapshot.warehouse);
  const orderSubject = parsed.orderSubject ?? `wms:${snapshot.warehouse}:fulfilment:${snapshot.id}`;
  return {
    kind: 'fulfilment',
    status: snapshot.status,
    location: snapshot.warehouse,
    wmsFulfilmentId: snapshot.id,
    fulfilmentRequestId: parsed.fulfilmentRequestId,
    orderSubject: parsed.orderSubject,
    shipments: snapshot.shipments.map((shipment) => ({
      id: `wms:${snapshot.warehouse}:${shipment.id}`,
      ...(parsed.fulfilmentRequestId === undefined
        ? {}
        : { fulfilmentRequestId: parsed.fulfilmentRequestId }),
      orderSubject,
      location: snapshot.warehouse,
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      ...(shipment.trackingUrl === undefined ? {} : { trackingUrl: shipment.trackingUrl }),
      lines: shipment.lines.map((line) => ({ lineId: line.lineRef, sku: line.sku, quantity: line.quantity })),
      shippedAt: shipment.shippedAt,
    })),
    unfulfillable: snapshot.unfulfilledLines.map((line) => ({
      lineId: line.lineRef,
      sku: line.sku,
      quantity: line.quantity,
      reason: line.reason,
    })),
  };
}
