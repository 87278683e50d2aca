/**
 * The order-to-cash saga's own table: one row per order, keyed by its subject
 * (`order:<store>:<id>`). JSON columns are text on both dialects; `version` guards every write
 * (optimistic concurrency), although the dispatcher already serialises deliveries per order.
 */
export interface SagaOrdersTable {
  subject: string;
  store_id: string;
  order_id: string;
  state: string;
  /** ISO time the order entered `state`. */
  since: string;
  /** The latest canonical Order (JSON). */
  order_json: string;
  channel_status: string;
  erp_order_id: string | null;
  erp_order_name: string | null;
  erp_state: string | null;
  /** JSON `RoutingRecord`. */
  routing_json: string | null;
  /** JSON `FulfilmentRecord[]`. */
  fulfilments_json: string;
  /** JSON `ShipmentRecord[]`. */
  shipments_json: string;
  /** JSON `Amounts`: channel total, ERP total, invoice, paid, refunded — decimal strings. */
  amounts_json: string;
  invoice_id: string | null;
  /** JSON `{ reason, code, from, step }` while parked, else null. */
  parked_reason: string | null;
  /** The state the order was in when parked; `resume` re-runs from there. */
  parked_from: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SagaTables {
  saga_orders: SagaOrdersTable;
}
