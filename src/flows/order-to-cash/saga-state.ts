/**
 * The saga's vocabulary: the states an order moves through, and the records it keeps about the
 * other systems (routing plan, fulfilments, shipments, money). Persisted as JSON columns of
 * `saga_orders` (see `./saga-store.ts`).
 *
 * @example
 * ```ts
 * import { isBefore } from './saga-state.js';
 * isBefore('registered', 'shipped'); // true
 * ```
 */
import type { Order } from '../../canonical/index.js';

/** The happy path, in order. `awaiting_payment` sits beside `received`; `parked`/`cancelled` are off the path. */
export const SAGA_PATH = [
  'received',
  'awaiting_payment',
  'validated',
  'routed',
  'registered',
  'reserved',
  'fulfilment_requested',
  'partially_shipped',
  'shipped',
  'completed',
  'invoiced',
  'settled',
] as const;

export type PathState = (typeof SAGA_PATH)[number];
export type SagaState = PathState | 'parked' | 'cancelled';

const RANK = new Map<string, number>(SAGA_PATH.map((state, index) => [state, index]));

export function rankOf(state: SagaState): number {
  return RANK.get(state) ?? -1;
}

/** True when `a` comes strictly before `b` on the happy path. */
export function isBefore(a: SagaState, b: PathState): boolean {
  return rankOf(a) < rankOf(b);
}

export interface PlannedLine {
  lineId: string;
  sku: string;
  quantity: number;
}

export interface Assignment {
  location: string;
  kind: 'warehouse' | 'dropship';
  lines: PlannedLine[];
}

export interface RoutingRecord {
  assignments: Assignment[];
  backorders: PlannedLine[];
  /** Lines given up on (cancelled per policy), with a refund requested. */
  cancelledLines: PlannedLine[];
  reasons: string[];
  /** The location the ERP order ships from and reserves at (set at registration). */
  erpLocation?: string;
  /**
   * When a line started waiting again after having left the backorders (routed, then its warehouse
   * could not fulfil it): a backorder timer from an earlier wait must not cut this wait short. A
   * line without an entry has waited since the order's first routing.
   */
  waitingSince?: Record<string, string>;
}

export type FulfilmentStatus =
  'requested' | 'accepted' | 'picking' | 'packed' | 'shipped' | 'exception' | 'cancelled';

export interface FulfilmentRecord {
  /** Sent to the WMS as reference and idempotency key: `WC-eu-1001/main/1`. */
  reference: string;
  location: string;
  attempt: number;
  wmsId?: string;
  status: FulfilmentStatus;
  lines: PlannedLine[];
  /** Line ids the location reported it cannot fulfil. */
  failedLineIds: string[];
}

export interface ShipmentRecord {
  id: string;
  reference?: string;
  location: string;
  carrier: string;
  trackingNumber?: string;
  trackingUrl?: string;
  shippedAt: string;
  lines: { lineId?: string; sku: string; quantity: number }[];
  /** What the ERP's delivery made of this parcel; absent until the `deliver` step has run for it. */
  erp?: ShipmentErpRecord;
}

export type ShipmentErpRecord =
  { status: 'validated'; pickingId: string; name: string } | { status: 'not_validated'; reason: string };

/** The first shipment the ERP's delivery has not yet been brought up to date with. */
export function pendingErpShipment(saga: SagaOrder): ShipmentRecord | undefined {
  return saga.shipments.find((s) => s.erp === undefined);
}

/** Decimal strings in the order's currency. */
export interface Amounts {
  currency: string;
  channelTotal: string;
  erpTotal?: string;
  invoiceTotal?: string;
  paid?: string;
  /** Refunded by the hub for lines it cancelled; those units are off the ERP order too. */
  refunded?: string;
}

export interface ErpRecord {
  id: string;
  name: string;
  state: string;
}

export interface SagaOrder {
  subject: string;
  storeId: string;
  orderId: string;
  state: SagaState;
  since: string;
  order: Order;
  erp?: ErpRecord;
  routing?: RoutingRecord;
  fulfilments: FulfilmentRecord[];
  shipments: ShipmentRecord[];
  amounts: Amounts;
  invoiceId?: string;
  parked?: { reason: string; code: string; from: SagaState; step: string };
  version: number;
}

/** Whether every line the plan still owes has shipped. */
export function allShipped(saga: SagaOrder): boolean {
  const owed = new Map<string, number>();
  for (const assignment of saga.routing?.assignments ?? []) {
    for (const line of assignment.lines) owed.set(line.lineId, (owed.get(line.lineId) ?? 0) + line.quantity);
  }
  for (const line of saga.routing?.backorders ?? [])
    owed.set(line.lineId, (owed.get(line.lineId) ?? 0) + line.quantity);
  for (const shipment of saga.shipments) {
    for (const line of shipment.lines) {
      if (line.lineId !== undefined) owed.set(line.lineId, (owed.get(line.lineId) ?? 0) - line.quantity);
    }
  }
  return [...owed.values()].every((left) => left <= 0);
}
