import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWooEmulator, type WooEmulator } from '../../../sim/woocommerce/index.js';
import { arr, call, obj } from './helpers.js';

// A copy of /work/shared/fixtures/woocommerce (see SOURCES.md there), so a clean clone can run this.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
let woo: WooEmulator;
let api: string;

beforeAll(async () => {
  woo = await startWooEmulator({ storeId: 'eu', webhookSecret: 'w', fixturesDir: FIXTURES });
  api = `${woo.url}/wp-json/wc/v3`;
});
afterAll(async () => {
  await woo.close();
});

describe('fault knobs', () => {
  it('a 429 burst with Retry-After, set over the control endpoint, then normal service', async () => {
    const set = await call(`${woo.url}/__control/faults`, {
      method: 'POST',
      body: { burst429: 2, retryAfterSeconds: 7 },
    });
    expect(obj(set.json)).toMatchObject({ burst429: 2, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i += 1) {
      const limited = await call(`${api}/orders`);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('7');
    }
    expect((await call(`${api}/orders`)).status).toBe(200);
    const journal = obj((await call(`${woo.url}/__control/requests?pathPrefix=/wc/v3/orders`)).json);
    expect(arr(journal.requests).map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('rate429 = 1 limits every request; rate5xx = 1 answers 503; invalid knobs are refused', async () => {
    woo.faults.set({ rate429: 1, retryAfterSeconds: 1 });
    expect((await call(`${api}/products`)).status).toBe(429);
    woo.faults.set({ rate429: 0, rate5xx: 1 });
    expect((await call(`${api}/products`)).status).toBe(503);
    woo.faults.set({ rate5xx: 0 });
    const bad = await call(`${woo.url}/__control/faults`, { method: 'POST', body: { rate429: 2 } });
    expect(bad.status).toBe(400);
    expect(obj(bad.json).code).toBe('invalid_faults');
    expect(woo.faults.get().rate429).toBe(0);
  });

  it('latency is added to every REST request', async () => {
    woo.faults.set({ latencyMs: 60 });
    const started = Date.now();
    await call(`${api}/products`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    woo.faults.set({ latencyMs: 0 });
  });

  it('the request journal counts calls by method and path prefix', async () => {
    woo.requests.reset();
    await call(`${api}/products/batch`, { method: 'POST', body: { update: [] } });
    await call(`${api}/products/batch`, { method: 'POST', body: { create: [{ name: 'A' }, { name: 'B' }] } });
    await call(`${api}/products?per_page=1`);
    expect(woo.requests.count({ pathPrefix: '/wc/v3/products/batch' })).toBe(2);
    expect(woo.requests.count({ method: 'GET' })).toBe(1);
    expect(
      woo.requests.log({ pathPrefix: '/wp-json/wc/v3/products/batch' }).map((r) => r.batchItems),
    ).toEqual([0, 2]);
  });
});

describe('fixtures', () => {
  it('loads real payloads and serves them exactly as captured (links rewritten to this store)', async () => {
    expect(woo.fixtures).toMatchObject({ orders: 3, products: 2, variations: 1, refunds: 2, skipped: [] });
    const original = JSON.parse(
      readFileSync(join(FIXTURES, 'order-727-retrieve.docs.json'), 'utf8'),
    ) as Record<string, unknown>;
    const served = obj((await call(`${api}/orders/727`)).json);
    for (const key of [
      'total',
      'total_tax',
      'line_items',
      'tax_lines',
      'shipping_lines',
      'billing',
      'date_created',
      'date_created_gmt',
      'status',
      'number',
    ])
      expect(served[key]).toEqual(original[key]);
    expect(obj(served._links).self).toEqual([{ href: `${api}/orders/727` }]);
  });

  it('ties refunds to their order and variations to their parent', async () => {
    const refunds = arr((await call(`${api}/orders/723/refunds`)).json);
    expect(refunds.map((r) => r.id)).toEqual([726, 724]);
    expect(obj((await call(`${api}/orders/723`)).json).refunds).toEqual([
      { id: 726, reason: '', total: '-10.00' },
      { id: 724, reason: '', total: '-9.00' },
    ]);
    const variation = obj((await call(`${api}/products/22/variations/732`)).json);
    expect(variation).toMatchObject({
      id: 732,
      price: '9.00',
      attributes: [{ id: 6, name: 'Color', option: 'Black' }],
    });
    const statuses = arr((await call(`${api}/orders?per_page=100`)).json).map((o) => o.id);
    expect(statuses).toEqual(expect.arrayContaining([205, 723, 727]));
  });

  it('new ids continue after the imported ones', async () => {
    const product = woo.createProduct({ name: 'After fixtures', sku: 'AFTER' });
    expect(product.id).toBeGreaterThan(1000);
    expect(woo.state.products.has(794)).toBe(true);
  });
});
