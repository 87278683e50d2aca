/**
 * OAuth 1.0a "one-legged" signing as WooCommerce checks it over plain HTTP
 * (class-wc-rest-authentication.php): no token, signing key `consumer_secret + "&"`, base string
 * `METHOD&rawurlencode(url without query)&rawurlencode(sorted k=v pairs joined by &)`, parameters
 * sent in the query string.
 *
 * @example
 * ```ts
 * const url = new URL('http://127.0.0.1:9001/wp-json/wc/v3/orders?page=2');
 * signOAuth1('GET', url, { consumerKey: 'ck_x', consumerSecret: 'cs_y' });
 * url.searchParams.get('oauth_signature'); // base64 HMAC-SHA256
 * ```
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
}

export interface OAuth1Options {
  /** Unix seconds; WooCommerce rejects timestamps more than 15 minutes away. */
  timestamp?: number;
  /** Must not repeat within 15 minutes for the same key. */
  nonce?: string;
  method?: 'HMAC-SHA256' | 'HMAC-SHA1';
}

/** PHP's rawurlencode (RFC 3986): only `A-Z a-z 0-9 - _ . ~` stay literal. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The signature base string for `method` and the URL's current query parameters. */
export function oauth1BaseString(method: string, url: URL): string {
  const pairs = [...url.searchParams.entries()]
    .filter(([key]) => key !== 'oauth_signature')
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    // WooCommerce sorts with strcmp on the key (byte order); ties keep their order.
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const normalized = pairs.map(([key, value]) => `${key}=${value}`).join('&');
  return `${method.toUpperCase()}&${rfc3986(url.origin + url.pathname)}&${rfc3986(normalized)}`;
}

/** Computes the base64 signature for an already-built base string. */
export function oauth1Signature(
  baseString: string,
  consumerSecret: string,
  method: OAuth1Options['method'] = 'HMAC-SHA256',
): string {
  const algorithm = method === 'HMAC-SHA1' ? 'sha1' : 'sha256';
  return createHmac(algorithm, `${consumerSecret}&`).update(baseString).digest('base64');
}

/** Adds the oauth_* parameters and the signature to `url` in place. */
export function signOAuth1(
  httpMethod: string,
  url: URL,
  credentials: OAuth1Credentials,
  options: OAuth1Options = {},
): URL {
  const method = options.method ?? 'HMAC-SHA256';
  url.searchParams.set('oauth_consumer_key', credentials.consumerKey);
  url.searchParams.set('oauth_nonce', options.nonce ?? randomBytes(16).toString('hex'));
  url.searchParams.set('oauth_signature_method', method);
  url.searchParams.set('oauth_timestamp', String(options.timestamp ?? Math.floor(Date.now() / 1000)));
  url.searchParams.set('oauth_version', '1.0');
  url.searchParams.delete('oauth_signature');
  url.searchParams.set(
    'oauth_signature',
    oauth1Signature(oauth1BaseString(httpMethod, url), credentials.consumerSecret, method),
  );
  return url;
}
