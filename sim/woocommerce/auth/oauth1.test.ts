import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OAuthVerifier, oauthBaseString, oauthSign, parseOAuthHeader } from './oauth1.js';

const KEY = { consumerKey: 'ck_test', consumerSecret: 'cs_secret' };
const NOW = 1_700_000_000;

function signed(
  params: Record<string, string>,
  method = 'GET',
  base = 'http://127.0.0.1:9001/wp-json/wc/v3/orders',
): Record<string, string> {
  const all = {
    oauth_consumer_key: KEY.consumerKey,
    oauth_timestamp: String(NOW),
    oauth_nonce: 'abc123',
    oauth_signature_method: 'HMAC-SHA256',
    ...params,
  };
  return {
    ...all,
    oauth_signature: oauthSign(
      oauthBaseString(method, base, all),
      KEY.consumerSecret,
      all.oauth_signature_method as 'HMAC-SHA256',
    ),
  };
}

describe('OAuth 1.0a one-legged (WooCommerce over HTTP)', () => {
  it('builds the base string with sorted, doubly encoded pairs', () => {
    const base = oauthBaseString('get', 'http://shop.test/wp-json/wc/v3/orders', {
      per_page: '5',
      'status[0]': 'processing',
      oauth_nonce: 'n o',
      oauth_signature: 'ignored',
    });
    expect(base).toBe(
      'GET&http%3A%2F%2Fshop.test%2Fwp-json%2Fwc%2Fv3%2Forders&oauth_nonce%3Dn%2520o%26per_page%3D5%26status%255B0%255D%3Dprocessing',
    );
  });

  it('PHP arrays sign as key%5Bi%5D like WooCommerce normalises them', () => {
    expect(oauthBaseString('GET', 'http://s/x', { status: ['a', 'b'] })).toBe(
      'GET&http%3A%2F%2Fs%2Fx&status%255B0%255D%3Da%26status%255B1%255D%3Db',
    );
  });

  it('signs with HMAC over consumer_secret&', () => {
    const base = 'GET&x&y';
    expect(oauthSign(base, 'cs', 'HMAC-SHA1')).toBe(createHmac('sha1', 'cs&').update(base).digest('base64'));
  });

  it('accepts a good signature, then rejects the same nonce', () => {
    const verifier = new OAuthVerifier(KEY, () => NOW);
    const query = signed({ per_page: '5' });
    const request = {
      method: 'GET',
      baseUri: 'http://127.0.0.1:9001/wp-json/wc/v3/orders',
      query,
      form: {},
      authorization: undefined,
    };
    expect(verifier.verify(request)).toEqual({ kind: 'ok' });
    const replay = verifier.verify(request);
    expect(replay.kind === 'error' && replay.error.message).toBe(
      'Invalid nonce - nonce has already been used.',
    );
  });

  it('rejects a bad secret, an old timestamp, a wrong key and a missing parameter with WooCommerce messages', () => {
    const verifier = new OAuthVerifier(KEY, () => NOW);
    const base = {
      method: 'GET',
      baseUri: 'http://127.0.0.1:9001/wp-json/wc/v3/orders',
      form: {},
      authorization: undefined,
    };
    const wrong = { ...signed({}), oauth_signature: 'AAAA' };
    const msg = (r: ReturnType<OAuthVerifier['verify']>): string =>
      r.kind === 'error' ? `${r.error.status} ${r.error.code}: ${r.error.message}` : r.kind;
    expect(msg(verifier.verify({ ...base, query: wrong }))).toBe(
      '401 woocommerce_rest_authentication_error: Invalid signature - provided signature does not match.',
    );
    expect(msg(verifier.verify({ ...base, query: signed({ oauth_timestamp: String(NOW - 16 * 60) }) }))).toBe(
      '401 woocommerce_rest_authentication_error: Invalid timestamp.',
    );
    expect(msg(verifier.verify({ ...base, query: signed({ oauth_consumer_key: 'ck_other' }) }))).toBe(
      '401 woocommerce_rest_authentication_error: Consumer key is invalid.',
    );
    expect(msg(verifier.verify({ ...base, query: { oauth_consumer_key: 'ck_test' } }))).toBe(
      '401 woocommerce_rest_authentication_missing_parameter: Missing OAuth parameters oauth_timestamp, oauth_nonce, oauth_signature, oauth_signature_method',
    );
    expect(verifier.verify({ ...base, query: {} })).toEqual({ kind: 'absent' });
  });

  it('reads parameters from an Authorization: OAuth header', () => {
    const params = signed({}, 'POST');
    const header = `OAuth ${Object.entries(params)
      .map(([k, v]) => `${k}="${encodeURIComponent(v)}"`)
      .join(', ')}`;
    expect(parseOAuthHeader(header).oauth_nonce).toBe('abc123');
    const verifier = new OAuthVerifier(KEY, () => NOW);
    expect(
      verifier.verify({
        method: 'POST',
        baseUri: 'http://127.0.0.1:9001/wp-json/wc/v3/orders',
        query: {},
        form: {},
        authorization: header,
      }),
    ).toEqual({ kind: 'ok' });
  });
});
