/**
 * The `retail-hub woocommerce` commands end to end: a real config file, a SQLite store in a temp
 * directory and the WooCommerce emulator over HTTP with enforced OAuth 1.0a keys.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWooEmulator, type WooEmulator } from '../../../sim/woocommerce/index.js';
import { main } from '../../../src/cli/main.js';
import { HUB_TOPICS } from '../../../src/connectors/woocommerce/sync/webhook-sync.js';
import { createDatabase } from '../../../src/store/create-database.js';

const KEY = `ck_${'1'.repeat(40)}`;
const SECRET = `cs_${'2'.repeat(40)}`;
let woo: WooEmulator;
let dir: string;
let configPath: string;

beforeAll(async () => {
  woo = await startWooEmulator({
    storeId: 'eu',
    webhookSecret: 'unused',
    consumerKey: KEY,
    consumerSecret: SECRET,
    currency: 'EUR',
  });
  woo.createProduct({
    name: 'Tee',
    sku: 'TEE',
    regular_price: '20.00',
    manage_stock: true,
    stock_quantity: 500,
  });
  for (let i = 0; i < 12; i += 1) woo.createOrder({ lineItems: [{ sku: 'TEE', quantity: 1 }] });
  dir = await mkdtemp(join(tmpdir(), 'retail-hub-woo-cli-'));
  configPath = join(dir, 'retail-hub.yaml');
  await writeFile(
    configPath,
    [
      `database: { kind: sqlite, path: ${join(dir, 'hub.db')} }`,
      'bus: { kind: embedded }',
      'server: { port: 0, publicUrl: "http://hub.example.test:8080" }',
      'stores:',
      `  - { id: eu, url: "${woo.url}", consumerKey: ${KEY}, consumerSecret: ${SECRET}, webhookSecret: whsec, currency: EUR, locations: [main] }`,
      'erp: { kind: odoo, url: "http://127.0.0.1:1", database: demo, username: admin, apiKey: admin }',
      'warehouses:',
      '  - { id: main, erpLocation: WH/Stock, wms: { url: "http://127.0.0.1:2", webhookSecret: w } }',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await woo.close();
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return {
    out,
    err,
    restore: () => {
      o.mockRestore();
      e.mockRestore();
    },
  };
}

/** `retail-hub --config <file> …args`; resolves to the exit code. */
const cli = (args: string[]) => main(['node', 'retail-hub', '--config', configPath, ...args]);

describe('retail-hub woocommerce', () => {
  it('backfill orders writes every order to the inbox once, with progress on stderr', async () => {
    const io = capture();
    const code = await cli(['woocommerce', 'backfill', 'orders', '--store', 'eu']);
    io.restore();
    expect(code).toBe(0);
    expect(io.out.join('')).toContain('orders from eu: 12 fetched, 12 new');
    expect(io.err.join('')).toMatch(/orders eu: 12\/12 records, [\d.]+\/s, ETA/);
    const store = await createDatabase({ kind: 'sqlite', path: join(dir, 'hub.db') });
    const rows = await store.db.selectFrom('inbox').select('dedupe_key').execute();
    await store.close();
    expect(rows).toHaveLength(12);

    const again = capture();
    expect(await cli(['woocommerce', 'backfill', 'orders', '--store', 'eu'])).toBe(0);
    again.restore();
    expect(again.out.join('')).toContain('12 fetched, 0 new, 12 already known');
  });

  it('webhooks sync creates the hub topics and prints a table', async () => {
    const io = capture();
    const code = await cli(['woocommerce', 'webhooks', 'sync']);
    io.restore();
    expect(code).toBe(0);
    const table = io.out.join('');
    expect(table.split('\n')[0]).toMatch(/^STORE\s+TOPIC\s+ACTION\s+WEBHOOK/);
    expect(table.split('\n').filter((line) => /\screated\s+\d+$/.test(line))).toHaveLength(HUB_TOPICS.length);
    const hooks = [...woo.state.webhooks.values()];
    expect(hooks.map((h) => h.delivery_url)).toEqual(
      HUB_TOPICS.map(() => 'http://hub.example.test:8080/webhooks/woocommerce/eu'),
    );
  });

  it('refuses an unknown store or collection with a usage error', async () => {
    const io = capture();
    const unknownStore = await cli(['woocommerce', 'backfill', 'orders', '--store', 'xx']);
    const unknownCollection = await cli(['woocommerce', 'backfill', 'coupons', '--store', 'eu']);
    io.restore();
    expect(unknownStore).not.toBe(0);
    expect(unknownCollection).not.toBe(0);
  });
});
