/**
 * HTTP Basic credentials for WooCommerce over HTTPS: username = consumer key, password = consumer
 * secret. Over plain HTTP WooCommerce ignores Basic and requires OAuth 1.0a (see ./oauth1.ts).
 *
 * @example
 * ```ts
 * basicAuthorization({ consumerKey: 'ck_1', consumerSecret: 'cs_2' }); // 'Basic Y2tfMTpjc18y'
 * ```
 */
import type { OAuth1Credentials } from './oauth1.js';

export function basicAuthorization(credentials: OAuth1Credentials): string {
  return `Basic ${Buffer.from(`${credentials.consumerKey}:${credentials.consumerSecret}`, 'utf8').toString('base64')}`;
}
