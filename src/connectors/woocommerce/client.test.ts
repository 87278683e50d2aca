import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../ops/logger.js';
import { WooClient } from './client.js';

const store = (url: string) => ({ id: 'eu', url, consumerKey: 'ck_1', consumerSecret: 'cs_2' });

describe('WooClient request preparation', () => {
  it('uses HTTP Basic over HTTPS and never puts keys in the URL', () => {
    const { url, headers } = new WooClient({
      store: store('https://shop.example.com'),
      log: silentLogger(),
    }).prepare('GET', 'orders', { status: ['processing', 'on-hold'], page: 2 });
    expect(url.href).toBe('https://shop.example.com/wp-json/wc/v3/orders?status=processing%2Con-hold&page=2');
    expect(headers.authorization).toBe(`Basic ${Buffer.from('ck_1:cs_2').toString('base64')}`);
  });

  it('signs with OAuth 1.0a over plain HTTP, under a WordPress installed in a sub-directory', () => {
    const { url, headers } = new WooClient({
      store: store('http://127.0.0.1:9001/wordpress'),
      log: silentLogger(),
    }).prepare('PUT', '/orders/7');
    expect(url.pathname).toBe('/wordpress/wp-json/wc/v3/orders/7');
    expect(headers.authorization).toBeUndefined();
    expect(url.searchParams.get('oauth_consumer_key')).toBe('ck_1');
    expect(url.searchParams.get('oauth_signature_method')).toBe('HMAC-SHA256');
    expect(url.searchParams.get('oauth_signature')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(url.searchParams.has('consumer_secret')).toBe(false);
  });
});
