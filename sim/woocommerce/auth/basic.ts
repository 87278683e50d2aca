/**
 * Consumer key/secret over HTTPS (`perform_basic_authentication`): `?consumer_key=&consumer_secret=`
 * first, then HTTP Basic. An unknown key is not an error here (the request continues
 * unauthenticated); a known key with a wrong secret is.
 */
import { timingSafeEqual } from 'node:crypto';
import { WcError } from '../errors.js';
import type { PhpParams } from '../params.js';
import type { OAuthKey } from './oauth1.js';

export type BasicOutcome =
  { kind: 'absent' } | { kind: 'ok'; via: 'query' | 'basic' } | { kind: 'error'; error: WcError };

export const BASIC_REALM =
  'Basic realm="WooCommerce API. Use a consumer key in the username field and a consumer secret in the password field."';

function decodeBasic(header: string | undefined): [string, string] | null {
  const match = /^Basic\s+(.+)$/i.exec((header ?? '').trim());
  if (!match) return null;
  const text = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? null : [text.slice(0, colon), text.slice(colon + 1)];
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function verifyBasic(
  key: OAuthKey,
  query: PhpParams,
  authorization: string | undefined,
): BasicOutcome {
  let consumerKey = '';
  let consumerSecret = '';
  let via: 'query' | 'basic' = 'query';
  if (
    typeof query.consumer_key === 'string' &&
    query.consumer_key &&
    typeof query.consumer_secret === 'string' &&
    query.consumer_secret
  ) {
    consumerKey = query.consumer_key;
    consumerSecret = query.consumer_secret;
  }
  if (!consumerKey) {
    const basic = decodeBasic(authorization);
    if (basic && basic[0] && basic[1]) {
      [consumerKey, consumerSecret] = basic;
      via = 'basic';
    }
  }
  if (!consumerKey || !consumerSecret) return { kind: 'absent' };
  if (consumerKey !== key.consumerKey) return { kind: 'absent' };
  if (!same(consumerSecret, key.consumerSecret))
    return {
      kind: 'error',
      error: new WcError(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.'),
    };
  return { kind: 'ok', via };
}
