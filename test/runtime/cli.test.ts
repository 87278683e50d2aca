import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { createDatabase } from '../../src/store/create-database.js';
import { createRuntime } from '../../src/runtime/create-runtime.js';
import { PermanentError } from '../../src/runtime/errors.js';
import { silentLogger } from '../../src/ops/logger.js';
import { deadLetterActions, formatTable } from '../../src/cli/commands/dead-letters.js';
import { inbound, openTestDatabase } from './helpers.js';

function writeConfig(dir: string, dbPath: string): string {
  const path = join(dir, 'retail-hub.yaml');
  writeFileSync(
    path,
    `database: { kind: sqlite, path: ${dbPath} }
bus: { kind: embedded }
server: { port: 8080, publicUrl: http://127.0.0.1:8080 }
stores:
  - id: eu
    url: http://127.0.0.1:9001
    consumerKey: ck_test
    consumerSecret: cs_test
    webhookSecret: whsec_test
    currency: EUR
    locations: [main]
erp: { kind: odoo, url: http://127.0.0.1:8069, database: demo, username: admin, apiKey: admin }
warehouses:
  - { id: main, erpLocation: WH/Stock, wms: { url: http://127.0.0.1:9100, webhookSecret: wms_test } }
`,
  );
  return path;
}

describe('retail-hub migrate and dead-letters', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('migrate creates the configured SQLite database, then reports it up to date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retail-hub-cli-'));
    dirs.push(dir);
    const dbPath = join(dir, 'data', 'hub.db');
    const config = writeConfig(dir, dbPath);
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    expect(await main(['node', 'retail-hub', '--config', config, 'migrate'])).toBe(0);
    expect(await main(['node', 'retail-hub', '--config', config, 'migrate'])).toBe(0);
    vi.restoreAllMocks();
    expect(out.join('')).toMatch(/migrated: .*0001-create-runtime-tables[\s\S]*database is up to date/);
    const store = await createDatabase({ kind: 'sqlite', path: dbPath });
    expect(await store.db.selectFrom('dead_letters').selectAll().execute()).toEqual([]);
    await store.close();
  });

  it('replay needs an id or --all', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(
      await main(['node', 'retail-hub', '--config', '/nonexistent.yaml', 'dead-letters', 'replay']),
    ).toBe(2);
  });

  it('lists, shows and replays dead letters', async () => {
    const store = await openTestDatabase('sqlite');
    try {
      const runtime = createRuntime({
        db: store.db,
        dialect: store.dialect,
        log: silentLogger(),
        pollIntervalMs: 20,
      });
      runtime.subscribe('order-to-cash', ['test.message'], async () => {
        throw new PermanentError('unknown SKU TSHIRT-XL', { code: 'sku_unknown' });
      });
      await runtime.start();
      await runtime.inbox.accept(inbound({ partitionKey: 'orders.eu.1' }));
      await runtime.inbox.accept(inbound({ partitionKey: 'orders.eu.2', type: 'other' }));
      await runtime.idle();
      await runtime.stop();

      const out: string[] = [];
      const actions = deadLetterActions(store, (t) => out.push(t));
      expect(await actions.list({ consumer: 'order-to-cash' }, false)).toBe(1);
      expect(out.join('')).toMatch(
        /ID\s+CONSUMER\s+TYPE[\s\S]*order-to-cash\s+test\.message\s+orders\.eu\.1\s+1\s+permanent\/sku_unknown/,
      );
      out.length = 0;
      expect(await actions.list({ consumer: 'order-to-cash' }, true)).toBe(1);
      const [letter] = JSON.parse(out.join('')) as { id: string }[];
      expect(await actions.show(letter?.id ?? '')).toBe(true);
      expect(await actions.show('missing')).toBe(false);
      expect(await actions.replay({ consumer: 'order-to-cash' })).toBe(1);
      expect(await actions.list({}, false)).toBe(0);
      expect(formatTable([])).toBe('no dead letters\n');
    } finally {
      await store.close();
    }
  });
});
