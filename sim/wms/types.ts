/**
 * The WMS emulator's data model: what a 3PL warehouse keeps about a fulfilment order and what it
 * tells the merchant in its webhooks. Field names are the wire names of the emulator's REST API
 * (see `README.md`).
 */
export type FulfilmentStatus = 'accepted' | 'picking' | 'packed' | 'shipped' | 'exception' | 'cancelled';

export type WmsEventType =
  | 'fulfilment.picking'
  | 'fulfilment.packed'
  | 'fulfilment.shipped'
  | 'fulfilment.exception'
  | 'fulfilment.cancelled'
  | 'return.received';

export interface OrderLine {
  lineRef: string;
  sku: string;
  quantity: number;
}

export interface ShipTo {
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
}

export interface Shipment {
  id: string;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
  shippedAt: string;
  lines: OrderLine[];
}

export interface UnfulfilledLine extends OrderLine {
  reason: 'line_unfulfillable';
}

export interface FulfilmentOrder {
  id: string;
  reference: string;
  warehouse: string;
  status: FulfilmentStatus;
  lines: OrderLine[];
  shipTo: ShipTo;
  carrierHint?: string;
  shipments: Shipment[];
  unfulfilledLines: UnfulfilledLine[];
  /** Sequence number of the last event emitted for this fulfilment order (0 before the first). */
  sequence: number;
  createdAt: string;
  updatedAt: string;
}

export type ReturnCondition = 'sellable' | 'damaged' | 'opened' | 'missing_parts';

export interface ReturnLine {
  sku: string;
  quantity: number;
  condition: ReturnCondition;
}

export interface ReturnReceipt {
  id: string;
  reference: string;
  warehouse: string;
  status: 'received';
  lines: ReturnLine[];
  receivedAt: string;
}

/**
 * A webhook body. Fulfilment events carry the complete fulfilment snapshot, so a receiver that
 * rejects an out-of-order (lower `sequence`) event loses nothing: the newer one already says it all.
 */
export interface WmsEvent {
  id: string;
  type: WmsEventType;
  createdAt: string;
  warehouse: string;
  /** Per fulfilment order (or return) strictly increasing, starting at 1. */
  sequence: number;
  fulfilment?: FulfilmentOrder;
  exception?: { code: 'line_unfulfillable'; lines: OrderLine[] };
  return?: ReturnReceipt;
}

export interface WmsFaults {
  /** SKUs the warehouse never manages to pick: their lines end in `fulfilment.exception`. */
  unpickableSkus: string[];
  /** Extra latency on every API response and every webhook delivery. */
  delayMs: number;
  /** Probability (0..1) that an event is delivered twice (same event id). */
  duplicateEventRate: number;
  /** Hold each fulfilment's events until its last one, then deliver them newest first. */
  reorderEvents: boolean;
  /** Probability (0..1) that an API request answers 503. */
  rate5xx: number;
  /** Probability (0..1) that an API request answers 429 with Retry-After. */
  rate429: number;
  retryAfterSeconds: number;
}

export interface WmsClock {
  pickMs: number;
  packMs: number;
  shipMs: number;
}

export interface JournalEntry {
  method: string;
  path: string;
  status: number;
  at: string;
  idempotencyKey?: string;
}

export interface DeliveryEntry {
  eventId: string;
  type: WmsEventType;
  sequence: number;
  attempt: number;
  /** HTTP status of the receiver's answer, or undefined when the request failed outright. */
  status?: number;
  error?: string;
  at: string;
}
