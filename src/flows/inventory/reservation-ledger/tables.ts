/**
 * The hub's reservation ledger: units promised to accepted orders that the ERP has not allocated
 * yet. One row per (order, line): reserving twice is a no-op, a reroute moves the row's location.
 */
export type ReservationStatus = 'reserved' | 'released' | 'consumed';

export interface ReservationsTable {
  order_subject: string;
  line_id: string;
  sku: string;
  location: string;
  quantity: number;
  status: ReservationStatus;
  created_at: string;
  updated_at: string;
}

export interface ReservationTables {
  reservations: ReservationsTable;
}
