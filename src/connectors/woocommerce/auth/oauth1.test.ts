import { describe, expect, it } from 'vitest';
import { oauth1BaseString, rfc3986, signOAuth1 } from './oauth1.js';

// Vector computed independently with Python's hmac/urllib (RFC 3986 quoting, sorted pairs,
// key = consumer secret + '&'), as WooCommerce's check_oauth_signature rebuilds it.
const EXPECTED_BASE =
  'GET&http%3A%2F%2F127.0.0.1%3A9001%2Fwp-json%2Fwc%2Fv3%2Forders&modified_after%3D2026-01-01T00%253A00%253A00%26oauth_consumer_key%3Dck_abc%26oauth_nonce%3Dn0nce%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1700000000%26oauth_version%3D1.0%26page%3D2%26per_page%3D100';
const EXPECTED_SIGNATURE = 'uJE1+8SwAPn6Pit9tZR6CpWAAu2GfqD7YPRKuad2Lcg=';

describe('OAuth 1.0a one-legged signing', () => {
  it('matches an independently computed HMAC-SHA256 vector', () => {
    const url = new URL(
      'http://127.0.0.1:9001/wp-json/wc/v3/orders?per_page=100&page=2&modified_after=2026-01-01T00:00:00',
    );
    signOAuth1(
      'GET',
      url,
      { consumerKey: 'ck_abc', consumerSecret: 'cs_def' },
      { nonce: 'n0nce', timestamp: 1700000000 },
    );
    expect(oauth1BaseString('GET', url)).toBe(EXPECTED_BASE);
    expect(url.searchParams.get('oauth_signature')).toBe(EXPECTED_SIGNATURE);
    expect(url.searchParams.get('oauth_signature_method')).toBe('HMAC-SHA256');
  });

  it('encodes like PHP rawurlencode', () => {
    expect(rfc3986("a b!'()*~")).toBe('a%20b%21%27%28%29%2A~');
  });

  it('uses a fresh nonce per request', () => {
    const a = signOAuth1('GET', new URL('http://h/x'), { consumerKey: 'k', consumerSecret: 's' });
    const b = signOAuth1('GET', new URL('http://h/x'), { consumerKey: 'k', consumerSecret: 's' });
    expect(a.searchParams.get('oauth_nonce')).not.toBe(b.searchParams.get('oauth_nonce'));
  });
});
