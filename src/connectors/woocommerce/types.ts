/**
 * The slice of a configured store that the WooCommerce connector reads. The lead's `StoreConfig`
 * (src/config) is structurally compatible; keeping our own narrow type means the connector can be
 * tested without loading a whole hub configuration.
 */
export interface WooStoreConfig {
  /** `[a-z0-9-]+`, used in URLs, subjects and partition keys. */
  id: string;
  /** The WordPress site root, e.g. `https://shop.example.com` (no `/wp-json`). */
  url: string;
  consumerKey: string;
  consumerSecret: string;
  webhookSecret: string;
  /** ISO 4217 code the store sells in. */
  currency: string;
  locations?: readonly string[];
  pricesIncludeTax?: boolean;
  taxRounding?: 'per-line' | 'subtotal';
  poll?: { intervalSeconds?: number; products?: boolean };
  rateLimit?: { perSecond: number; burst?: number };
}

/** A WooCommerce REST error body: `{ code, message, data: { status } }`. */
export interface WooErrorBody {
  code: string;
  message: string;
  data?: { status?: number; [key: string]: unknown };
}

/** Query values as WooCommerce accepts them; arrays are sent comma-separated. */
export type WooQuery = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;
