import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WooCommerceRestApiModule from '@woocommerce/woocommerce-rest-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  oauthBaseString,
  oauthSign,
  startWooEmulator,
  type WooEmulator,
} from '../../../sim/woocommerce/index.js';
import { selfSignedCert } from '../../self-signed-cert.js';
import { arr, call, obj } from './helpers.js';

const KEY = `ck_${'1'.repeat(40)}`;
const SECRET = `cs_${'2'.repeat(40)}`;

interface ClientResponse {
  status: number;
  data: unknown;
  headers: Record<string, string>;
}
interface Client {
  get(endpoint: string, params?: Record<string, unknown>): Promise<ClientResponse>;
  post(endpoint: string, data: unknown): Promise<ClientResponse>;
  put(endpoint: string, data: unknown): Promise<ClientResponse>;
  delete(endpoint: string, params?: Record<string, unknown>): Promise<ClientResponse>;
}
type ClientCtor = new (options: Record<string, unknown>) => Client;
// The package ships CommonJS compiled by Babel: the class is the default of the default.
const moduleValue = WooCommerceRestApiModule as unknown as { default?: ClientCtor };
const WooCommerceRestApi: ClientCtor =
  moduleValue.default ?? (WooCommerceRestApiModule as unknown as ClientCtor);

async function rejection(
  promise: Promise<unknown>,
): Promise<{ status: number; data: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const response = (error as { response?: { status: number; data: Record<string, unknown> } }).response;
    if (response) return response;
    throw error;
  }
  throw new Error('expected the request to fail');
}

let woo: WooEmulator;

beforeAll(async () => {
  woo = await startWooEmulator({
    storeId: 'eu',
    webhookSecret: 'whsec',
    consumerKey: KEY,
    consumerSecret: SECRET,
  });
  woo.createProduct({
    name: 'Tee',
    sku: 'TEE',
    regular_price: '20.00',
    manage_stock: true,
    stock_quantity: 5,
  });
});
afterAll(async () => {
  await woo.close();
});

describe('official @woocommerce/woocommerce-rest-api client over plain HTTP (OAuth 1.0a)', () => {
  it('reads, creates, updates and deletes with HMAC-SHA256 signatures', async () => {
    const client = new WooCommerceRestApi({
      url: woo.url,
      consumerKey: KEY,
      consumerSecret: SECRET,
      version: 'wc/v3',
    });
    woo.requests.reset();
    const list = await client.get('products', { per_page: 5, sku: 'TEE', status: 'publish' });
    expect(list.status).toBe(200);
    expect(arr(list.data).map((p) => p.sku)).toEqual(['TEE']);
    expect(list.headers['x-wp-total']).toBe('1');
    const created = await client.post('products', {
      name: 'Cap / Ünïcode',
      sku: 'CAP',
      regular_price: '9.50',
    });
    expect(created.status).toBe(201);
    const id = obj(created.data).id as number;
    expect(obj(created.data).name).toBe('Cap / Ünïcode');
    const updated = await client.put(`products/${id}`, { sale_price: '7.00' });
    expect(obj(updated.data).price).toBe('7.00');
    const deleted = await client.delete(`products/${id}`, { force: true });
    expect(deleted.status).toBe(200);
    expect(woo.requests.log().every((r) => r.auth === 'oauth1')).toBe(true);
    expect(woo.requests.count()).toBe(4);
  });

  it('a wrong secret fails the signature check', async () => {
    const client = new WooCommerceRestApi({
      url: woo.url,
      consumerKey: KEY,
      consumerSecret: `cs_${'9'.repeat(40)}`,
      version: 'wc/v3',
    });
    const failure = await rejection(client.get('orders'));
    expect(failure.status).toBe(401);
    expect(failure.data).toEqual({
      code: 'woocommerce_rest_authentication_error',
      message: 'Invalid signature - provided signature does not match.',
      data: { status: 401 },
    });
  });

  it('a replayed nonce is refused', async () => {
    const url = `${woo.url}/wp-json/wc/v3/orders`;
    const params: Record<string, string> = {
      oauth_consumer_key: KEY,
      oauth_nonce: 'fixed-nonce-1',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: String(Math.floor(Date.now() / 1000)),
      per_page: '2',
    };
    params.oauth_signature = oauthSign(oauthBaseString('GET', url, params), SECRET, 'HMAC-SHA1');
    const query = new URLSearchParams(params).toString();
    expect((await call(`${url}?${query}`)).status).toBe(200);
    const replay = await call(`${url}?${query}`);
    expect(replay.status).toBe(401);
    expect(obj(replay.json).message).toBe('Invalid nonce - nonce has already been used.');
  });

  it('consumer keys in the query string are ignored over plain HTTP (the request is anonymous)', async () => {
    const result = await call(
      `${woo.url}/wp-json/wc/v3/products?consumer_key=${KEY}&consumer_secret=${SECRET}`,
    );
    expect(result.status).toBe(401);
    expect(result.json).toEqual({
      code: 'woocommerce_rest_cannot_view',
      message: 'Sorry, you cannot list resources.',
      data: { status: 401 },
    });
    const create = await call(`${woo.url}/wp-json/wc/v3/orders`, { method: 'POST', body: {} });
    expect(obj(create.json).code).toBe('woocommerce_rest_cannot_create');
  });
});

describe('consumer keys (HTTPS, or HTTP when the store allows it)', () => {
  let dir: string;
  let secure: WooEmulator;
  let proxied: WooEmulator;
  let readOnly: WooEmulator;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'woo-tls-'));
    const { key, cert } = selfSignedCert(dir);
    secure = await startWooEmulator({
      storeId: 'tls',
      webhookSecret: 'w',
      consumerKey: KEY,
      consumerSecret: SECRET,
      tls: { key, cert },
    });
    proxied = await startWooEmulator({
      storeId: 'proxy',
      webhookSecret: 'w',
      consumerKey: KEY,
      consumerSecret: SECRET,
      allowBasicOverHttp: true,
    });
    readOnly = await startWooEmulator({
      storeId: 'ro',
      webhookSecret: 'w',
      consumerKey: KEY,
      consumerSecret: SECRET,
      keyPermissions: 'read',
    });
  });
  afterAll(async () => {
    await Promise.all([secure.close(), proxied.close(), readOnly.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the official client authenticates over HTTPS with query-string keys and with Basic', async () => {
    const httpsAgent = new https.Agent({ rejectUnauthorized: false });
    for (const queryStringAuth of [true, false]) {
      const client = new WooCommerceRestApi({
        url: secure.url,
        consumerKey: KEY,
        consumerSecret: SECRET,
        version: 'wc/v3',
        queryStringAuth,
        axiosConfig: { httpsAgent },
      });
      const response = await client.get('orders');
      expect(response.status).toBe(200);
    }
    expect(secure.requests.log().map((r) => r.auth)).toEqual(['query', 'basic']);
  });

  it('query-string keys work over HTTP behind a proxy; a wrong secret is "Consumer secret is invalid."', async () => {
    expect(
      (await call(`${proxied.url}/wp-json/wc/v3/orders?consumer_key=${KEY}&consumer_secret=${SECRET}`))
        .status,
    ).toBe(200);
    const basic = Buffer.from(`${KEY}:${SECRET}`).toString('base64');
    expect(
      (await call(`${proxied.url}/wp-json/wc/v3/orders`, { headers: { Authorization: `Basic ${basic}` } }))
        .status,
    ).toBe(200);
    const wrong = await call(
      `${proxied.url}/wp-json/wc/v3/orders?consumer_key=${KEY}&consumer_secret=cs_wrong`,
    );
    expect(wrong.status).toBe(401);
    expect(obj(wrong.json).message).toBe('Consumer secret is invalid.');
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic realm="WooCommerce API/);
  });

  it('a read-only key cannot write', async () => {
    const client = new WooCommerceRestApi({
      url: readOnly.url,
      consumerKey: KEY,
      consumerSecret: SECRET,
      version: 'wc/v3',
    });
    expect((await client.get('products')).status).toBe(200);
    const failure = await rejection(client.post('products', { name: 'X' }));
    expect(failure.status).toBe(401);
    expect(failure.data.message).toBe('The API key provided does not have write permissions.');
  });
});
