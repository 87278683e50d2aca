/**
 * OAuth 1.0a "one-legged" as WooCommerce checks it over plain HTTP
 * (`WC_REST_Authentication::perform_oauth_authentication`): parameters from the query string, a
 * form body and an `Authorization: OAuth` header; base string `METHOD&rawurlencode(home_url(path))&`
 * sorted RFC 3986 pairs; key `consumer_secret&`; HMAC-SHA1 or HMAC-SHA256; ±15 min timestamps;
 * nonces remembered per key (by timestamp, as WooCommerce does).
 *
 * @example
 * ```ts
 * const base = oauthBaseString('GET', 'http://127.0.0.1:9001/wp-json/wc/v3/orders', { oauth_nonce: 'n', per_page: '5' });
 * const sig = oauthSign(base, 'cs_secret', 'HMAC-SHA256');
 * ```
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WcError } from '../errors.js';
import type { PhpParams, PhpValue } from '../params.js';

export const rfc3986 = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const REQUIRED = [
  'oauth_consumer_key',
  'oauth_timestamp',
  'oauth_nonce',
  'oauth_signature',
  'oauth_signature_method',
];
const WINDOW_SECONDS = 15 * 60;

/** `WC_REST_Authentication::parse_header` */
export function parseOAuthHeader(header: string | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  const text = (header ?? '').trim();
  if (!text.startsWith('OAuth ')) return params;
  for (const match of text.matchAll(/(oauth_[a-z_-]*)=(:?"([^"]*)"|([^,]*))/g)) {
    const raw = match[3] || match[4] || '';
    try {
      params[match[1] as string] = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      params[match[1] as string] = raw;
    }
  }
  return params;
}

/** `join_with_equals_sign` over `normalize_parameters`: nested PHP arrays become `key%5Bsub%5D`. */
function pairs(params: PhpParams): string[] {
  const out: string[] = [];
  const walk = (key: string, value: PhpValue): void => {
    if (typeof value === 'string') {
      out.push(rfc3986(`${key}=${rfc3986(value)}`));
      return;
    }
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (const [sub, inner] of entries) walk(`${key}%5B${sub}%5D`, inner);
  };
  const keys = Object.keys(params).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) walk(rfc3986(key), params[key] as PhpValue);
  return out;
}

export function oauthBaseString(method: string, baseUri: string, params: PhpParams): string {
  const filtered: PhpParams = {};
  for (const [key, value] of Object.entries(params)) if (key !== 'oauth_signature') filtered[key] = value;
  return `${method.toUpperCase()}&${rfc3986(baseUri)}&${pairs(filtered).join('%26')}`;
}

export function oauthSign(
  baseString: string,
  consumerSecret: string,
  method: 'HMAC-SHA1' | 'HMAC-SHA256',
): string {
  return createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', `${consumerSecret}&`)
    .update(baseString)
    .digest('base64');
}

export interface OAuthRequest {
  method: string;
  /** `home_url(request path)`: the configured site URL plus the request path, no query. */
  baseUri: string;
  query: PhpParams;
  form: PhpParams;
  authorization: string | undefined;
}

export interface OAuthKey {
  consumerKey: string;
  consumerSecret: string;
}

export type OAuthOutcome = { kind: 'absent' } | { kind: 'ok' } | { kind: 'error'; error: WcError };

const authError = (message: string): WcError =>
  new WcError(401, 'woocommerce_rest_authentication_error', message);

export class OAuthVerifier {
  /** consumer key → timestamp → nonce, like the `nonces` column of `woocommerce_api_keys`. */
  private readonly nonces = new Map<string, Map<number, string>>();

  constructor(
    private readonly key: OAuthKey,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  verify(request: OAuthRequest): OAuthOutcome {
    const params: PhpParams = {
      ...request.query,
      ...request.form,
      ...parseOAuthHeader(request.authorization),
    };
    const missing = REQUIRED.filter((name) => typeof params[name] !== 'string' || params[name] === '');
    if (missing.length === REQUIRED.length) return { kind: 'absent' };
    if (missing.length > 0) {
      const message = `Missing OAuth parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
      return {
        kind: 'error',
        error: new WcError(401, 'woocommerce_rest_authentication_missing_parameter', message),
      };
    }
    const get = (name: string): string => params[name] as string;
    if (get('oauth_consumer_key') !== this.key.consumerKey)
      return { kind: 'error', error: authError('Consumer key is invalid.') };
    const method = get('oauth_signature_method');
    if (method !== 'HMAC-SHA1' && method !== 'HMAC-SHA256')
      return { kind: 'error', error: authError('Invalid signature - signature method is invalid.') };
    const expected = oauthSign(
      oauthBaseString(request.method, request.baseUri, params),
      this.key.consumerSecret,
      method,
    );
    let provided = get('oauth_signature').replace(/ /g, '+');
    try {
      provided = decodeURIComponent(provided);
    } catch {
      // rawurldecode leaves malformed escapes alone
    }
    const a = Buffer.from(expected);
    const b = Buffer.from(provided);
    if (a.length !== b.length || !timingSafeEqual(a, b))
      return { kind: 'error', error: authError('Invalid signature - provided signature does not match.') };
    const timestamp = Number(get('oauth_timestamp'));
    const now = this.nowSeconds();
    if (!Number.isFinite(timestamp) || timestamp < now - WINDOW_SECONDS || timestamp > now + WINDOW_SECONDS)
      return { kind: 'error', error: authError('Invalid timestamp.') };
    let used = this.nonces.get(this.key.consumerKey);
    if (!used) {
      used = new Map();
      this.nonces.set(this.key.consumerKey, used);
    }
    const nonce = get('oauth_nonce');
    if ([...used.values()].includes(nonce))
      return { kind: 'error', error: authError('Invalid nonce - nonce has already been used.') };
    used.set(timestamp, nonce);
    for (const stamp of used.keys()) if (stamp < now - WINDOW_SECONDS) used.delete(stamp);
    return { kind: 'ok' };
  }
}
