/**
 * WooCommerce REST v3 resource shapes as the emulator stores and returns them. Field names and
 * value types follow WooCommerce exactly (money as decimal strings, line `price` a number, dates
 * without offset plus `_gmt` twins); fields we do not model pass through untouched.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface WcMeta {
  id: number;
  key: string;
  value: Json;
  display_key?: string;
  display_value?: Json;
}

export interface WcAddress {
  first_name: string;
  last_name: string;
  company: string;
  address_1: string;
  address_2: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
  email?: string;
  phone?: string;
}

export interface WcTaxAmount {
  id: number;
  total: string;
  subtotal?: string;
}

export interface WcLineItem {
  id: number;
  name: string;
  product_id: number;
  variation_id: number;
  quantity: number;
  tax_class: string;
  subtotal: string;
  subtotal_tax: string;
  total: string;
  total_tax: string;
  taxes: WcTaxAmount[];
  meta_data: WcMeta[];
  sku: string | null;
  price: number;
  image?: { id: number | string; src: string };
  parent_name?: string | null;
  [extra: string]: unknown;
}

export interface WcTaxLine {
  id: number;
  rate_code: string;
  rate_id: number;
  label: string;
  compound: boolean;
  tax_total: string;
  shipping_tax_total: string;
  rate_percent?: number;
  meta_data: WcMeta[];
}

export interface WcShippingLine {
  id: number;
  method_title: string;
  method_id: string;
  instance_id?: string;
  total: string;
  total_tax: string;
  taxes: WcTaxAmount[];
  meta_data: WcMeta[];
}

export interface WcFeeLine {
  id: number;
  name: string;
  tax_class: string;
  tax_status: 'taxable' | 'none';
  amount?: string;
  total: string;
  total_tax: string;
  taxes: WcTaxAmount[];
  meta_data: WcMeta[];
}

export type CouponType = 'percent' | 'fixed_cart' | 'fixed_product';

export interface WcCouponLine {
  id: number;
  code: string;
  discount: string;
  discount_tax: string;
  discount_type?: CouponType;
  nominal_amount?: number;
  free_shipping?: boolean;
  meta_data: WcMeta[];
}

export interface WcOrderRefundRef {
  id: number;
  reason?: string;
  refund?: string;
  total: string;
}

export interface WcOrder {
  id: number;
  parent_id: number;
  number: string;
  order_key: string;
  created_via: string;
  version: string;
  status: string;
  currency: string;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
  discount_total: string;
  discount_tax: string;
  shipping_total: string;
  shipping_tax: string;
  cart_tax: string;
  total: string;
  total_tax: string;
  prices_include_tax: boolean;
  customer_id: number;
  customer_ip_address: string;
  customer_user_agent: string;
  customer_note: string;
  billing: WcAddress;
  shipping: WcAddress;
  payment_method: string;
  payment_method_title: string;
  transaction_id: string;
  date_paid: string | null;
  date_paid_gmt: string | null;
  date_completed: string | null;
  date_completed_gmt: string | null;
  cart_hash: string;
  meta_data: WcMeta[];
  line_items: WcLineItem[];
  tax_lines: WcTaxLine[];
  shipping_lines: WcShippingLine[];
  fee_lines: WcFeeLine[];
  coupon_lines: WcCouponLine[];
  refunds: WcOrderRefundRef[];
  [extra: string]: unknown;
}

export interface WcRefund {
  id: number;
  date_created: string;
  date_created_gmt: string;
  amount: string;
  reason: string;
  refunded_by: number;
  refunded_payment: boolean;
  meta_data: WcMeta[];
  line_items: WcLineItem[];
  shipping_lines: WcShippingLine[];
  tax_lines: WcTaxLine[];
  fee_lines: WcFeeLine[];
  [extra: string]: unknown;
}

/** Fields shared by simple/variable products and variations. */
export interface WcSellable {
  id: number;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
  description: string;
  permalink: string;
  sku: string;
  price: string;
  regular_price: string;
  sale_price: string;
  date_on_sale_from: string | null;
  date_on_sale_from_gmt: string | null;
  date_on_sale_to: string | null;
  date_on_sale_to_gmt: string | null;
  on_sale: boolean;
  status: string;
  purchasable: boolean;
  virtual: boolean;
  downloadable: boolean;
  tax_status: string;
  tax_class: string;
  manage_stock: boolean | 'parent';
  stock_quantity: number | null;
  stock_status: 'instock' | 'outofstock' | 'onbackorder';
  backorders: 'no' | 'notify' | 'yes';
  backorders_allowed: boolean;
  backordered: boolean;
  low_stock_amount?: number | null;
  weight: string;
  meta_data: WcMeta[];
  [extra: string]: unknown;
}

export interface WcProduct extends WcSellable {
  name: string;
  slug: string;
  type: string;
  parent_id: number;
  variations: number[];
  attributes: Json[];
  total_sales: number;
}

/** A variation as `/products/{id}/variations/{vid}` returns it; the parent id is kept beside it. */
export interface WcVariation extends WcSellable {
  attributes: { id: number; name: string; option: string }[];
}

export interface WcCustomer {
  id: number;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  username: string;
  billing: WcAddress;
  shipping: WcAddress;
  is_paying_customer: boolean;
  avatar_url: string;
  meta_data: WcMeta[];
  [extra: string]: unknown;
}

export interface WcNote {
  id: number;
  author: string;
  date_created: string;
  date_created_gmt: string;
  note: string;
  customer_note: boolean;
}

export type WebhookStatus = 'active' | 'paused' | 'disabled';

/** A webhook as stored; `secret`, `failure_count` and `pending_delivery` are never returned by REST. */
export interface WcWebhookRecord {
  id: number;
  name: string;
  status: WebhookStatus;
  topic: string;
  resource: string;
  event: string;
  hooks: string[];
  delivery_url: string;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
  secret: string;
  failure_count: number;
  pending_delivery: boolean;
  api_version: string;
}

export interface WcCoupon {
  code: string;
  discount_type: CouponType;
  amount: string;
  free_shipping?: boolean;
}

/** One webhook delivery attempt (or a deliberate drop by the fault knob). */
export interface DeliveryLogEntry {
  deliveryId: string;
  webhookId: number;
  topic: string;
  resourceId: number;
  url: string;
  at: string;
  /** HTTP status, or null when the transport failed or the delivery was dropped. */
  responseCode: number | null;
  success: boolean;
  dropped: boolean;
  duplicate: boolean;
  error?: string;
  body: string;
  headers: Record<string, string>;
  durationMs: number;
}

export interface Faults {
  latencyMs: number;
  /** Fraction (0..1) of REST requests answered 429. */
  rate429: number;
  retryAfterSeconds: number;
  /** The next N REST requests are answered 429. */
  burst429: number;
  /** Fraction (0..1) of REST requests answered 503. */
  rate5xx: number;
  dropWebhookRate: number;
  duplicateWebhookRate: number;
  reorderWebhooks: boolean;
  webhookDelayMs: number;
}

export const DEFAULT_FAULTS: Faults = {
  latencyMs: 0,
  rate429: 0,
  retryAfterSeconds: 1,
  burst429: 0,
  rate5xx: 0,
  dropWebhookRate: 0,
  duplicateWebhookRate: 0,
  reorderWebhooks: false,
  webhookDelayMs: 0,
};
