/**
 * Tables the WooCommerce connector owns: what it has already told the hub about each order (so a
 * re-delivered or polled state becomes `order.updated` with the changed fields, not a second
 * `order.received`) and which refund ids it has turned into `refund.requested`.
 */
export interface WooOrdersSeenTable {
  store_id: string;
  order_id: string;
  /** WooCommerce status of the last state published. */
  status: string;
  /** JSON `{ field: hash }` of the last canonical Order published, for the `changed` list. */
  fields_json: string;
  modified_gmt: string;
  updated_at: string;
}

export interface WooOrderRefundsSeenTable {
  store_id: string;
  order_id: string;
  refund_id: string;
  seen_at: string;
}

/** Hash of the last `product.changed` / `price.changed` data published per SKU (`product:<sku>`). */
export interface WooCatalogueSeenTable {
  store_id: string;
  key: string;
  hash: string;
  updated_at: string;
}

export interface WooCommerceTables {
  woo_orders_seen: WooOrdersSeenTable;
  woo_order_refunds_seen: WooOrderRefundsSeenTable;
  woo_catalogue_seen: WooCatalogueSeenTable;
}
