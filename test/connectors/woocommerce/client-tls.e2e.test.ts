import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWooEmulator, type WooEmulator } from '../../../sim/woocommerce/index.js';
import { WooClient } from '../../../src/connectors/woocommerce/client.js';
import { createKeepAliveFetch } from '../../../src/connectors/http/keep-alive-fetch.js';
import { PermanentError, TransientError } from '../../../src/runtime/errors.js';
import { silentLogger } from '../../../src/ops/logger.js';
import { selfSignedCert } from '../../self-signed-cert.js';

const KEY = `ck_${'d'.repeat(40)}`;
const SECRET = `cs_${'e'.repeat(40)}`;
let dir: string;
let woo: WooEmulator;
/** Trusts the emulator's self-signed certificate and nothing else extra; verification stays on. */
let fetchTls: typeof fetch;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'woo-client-tls-'));
  const { key, cert } = selfSignedCert(dir);
  woo = await startWooEmulator({
    storeId: 'tls',
    webhookSecret: 'w',
    consumerKey: KEY,
    consumerSecret: SECRET,
    tls: { key, cert },
  });
  fetchTls = createKeepAliveFetch({ tls: { ca: cert } });
  for (let i = 1; i <= 3; i += 1)
    woo.createProduct({
      name: `Cap ${i}`,
      sku: `CAP-${i}`,
      regular_price: '12.50',
      manage_stock: true,
      stock_quantity: 4,
    });
});
afterAll(async () => {
  await woo.close();
  rmSync(dir, { recursive: true, force: true });
});

const client = (secret: string) =>
  new WooClient({
    store: { id: 'tls', url: woo.url, consumerKey: KEY, consumerSecret: secret },
    fetch: fetchTls,
    log: silentLogger(),
  });

describe('WooClient against the emulator over HTTPS (HTTP Basic, as WooCommerce requires there)', () => {
  it('authenticates with Basic over TLS: reads and writes pass the emulator’s key check', async () => {
    expect(woo.url.startsWith('https://')).toBe(true);
    woo.requests.reset();
    const products = await client(SECRET).listAll<{ sku: string; price: string }>('products');
    expect(products.map((p) => p.sku).sort()).toEqual(['CAP-1', 'CAP-2', 'CAP-3']);
    const id = [...woo.state.products.keys()][0] as number;
    const result = await client(SECRET).batch<{ id: number; stock_quantity: number }>('products', {
      update: [{ id, stock_quantity: 9, manage_stock: true }],
    });
    expect(result.update).toMatchObject([{ ok: true }]);
    expect(woo.state.products.get(id)?.stock_quantity).toBe(9);
    expect(new Set(woo.requests.log().map((r) => r.auth))).toEqual(new Set(['basic']));
  });

  it('refuses a wrong secret sent by Basic as a permanent auth failure with WooCommerce’s code', async () => {
    const error = await client(`cs_${'f'.repeat(40)}`)
      .get('products')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as PermanentError).code).toBe('auth_failed');
  });

  it('does not talk to a server whose certificate it cannot verify', async () => {
    const untrusting = new WooClient({
      store: { id: 'tls', url: woo.url, consumerKey: KEY, consumerSecret: SECRET },
      fetch: createKeepAliveFetch(),
      log: silentLogger(),
    });
    const error = await untrusting.get('products').catch((e: unknown) => e);
    // Transient, as an expired or replaced certificate is fixed on the store's side and the next
    // attempt then succeeds; the message names the cause for whoever reads the dead letter.
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).code).toBe('connection_failed');
    expect((error as Error).message).toMatch(/woocommerce:tls unreachable .*self-signed certificate/);
  });
});
