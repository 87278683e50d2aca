/**
 * Tables the inventory flow owns: the ERP's stock positions as last reported, the available-to-sell
 * projection per store and SKU, the coalescing push queue, what each store last acknowledged, the
 * SKU → WooCommerce id cache, and checkout holds.
 */
export interface StockPositionsTable {
  sku: string;
  location: string;
  on_hand: number;
  erp_reserved: number;
  /** When the ERP reported this position (ISO). */
  as_of: string;
  /** When the ERP changed it, the lag's start (ISO). */
  changed_at: string;
  /** When the hub received it (ISO). */
  received_at: string;
}

export interface StoreAvailabilityTable {
  store_id: string;
  sku: string;
  available: number;
  on_hand: number;
  /** ERP reserved + hub reservations at the store's locations. */
  reserved: number;
  safety_stock: number;
  /** The oldest `as_of` of the positions it was computed from (ISO). */
  as_of: string;
  computed_at: string;
}

/** One row per (store, SKU): only the latest desired quantity is kept (coalescing). */
export interface StockPushPendingTable {
  store_id: string;
  sku: string;
  quantity: number;
  /** ERP change time of the value, for the lag. */
  changed_at: string;
  queued_at: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
}

export interface StockPushAckedTable {
  store_id: string;
  sku: string;
  quantity: number;
  changed_at: string;
  acked_at: string;
}

export interface WooSkuRefsTable {
  store_id: string;
  sku: string;
  woo_id: number;
  /** 0 for simple products; the parent product's id for variations. */
  parent_id: number;
}

/** A checkout hold: units promised to one shopper until `expires_at`, counted like a reservation. */
export interface CheckoutHoldsTable {
  id: string;
  /** The store whose shopper holds the units: its own pushed stock still includes them. */
  store_id: string;
  sku: string;
  /** The basket's hold id (`holdId`), shared by its rows; null for rows taken before migration 0403. */
  basket_id: string | null;
  /** JSON array of the store's locations when taken; the hold lowers every store sharing one. */
  locations: string;
  quantity: number;
  expires_at: string;
  created_at: string;
}

export interface InventoryTables {
  stock_positions: StockPositionsTable;
  store_availability: StoreAvailabilityTable;
  stock_push_pending: StockPushPendingTable;
  stock_push_acked: StockPushAckedTable;
  woo_sku_refs: WooSkuRefsTable;
  checkout_holds: CheckoutHoldsTable;
}
