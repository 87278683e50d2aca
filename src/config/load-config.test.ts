import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseConfig } from './load-config.js';
import { protectReferences } from './interpolate-env.js';
import { validateConfig } from './validate-config.js';
import { StartupError } from '../cli/fatal.js';
import { parse } from 'yaml';

const env = {
  WOO_EU_CONSUMER_SECRET: 'cs_1',
  WOO_EU_WEBHOOK_SECRET: 'whsec',
  ODOO_API_KEY: 'k',
  WMS_SECRET: 'w',
};

const issueShape = `
database: { kind: sqlite, path: ./data/hub.db }
bus: { kind: embedded }
server: { port: 8080, publicUrl: http://127.0.0.1:8080 }
stores:
  - id: eu
    url: http://127.0.0.1:9001
    consumerKey: ck_xxx
    consumerSecret: \${WOO_EU_CONSUMER_SECRET}
    webhookSecret: \${WOO_EU_WEBHOOK_SECRET}
    currency: EUR
    locations: [main]
erp: { kind: odoo, url: http://127.0.0.1:8069, database: demo, username: admin, apiKey: \${ODOO_API_KEY} }
warehouses:
  - { id: main, erpLocation: WH/Stock, wms: { url: http://127.0.0.1:9100, webhookSecret: \${WMS_SECRET} } }
`;

describe('loadConfig', () => {
  it('accepts the shape from the issue as it stands and fills secrets from the environment', () => {
    const config = parseConfig(issueShape, 'test.yaml', env);
    expect(config.stores[0]?.consumerSecret).toBe('cs_1');
    expect(config.erp.apiKey).toBe('k');
    expect(config.warehouses[0]?.wms.webhookSecret).toBe('w');
  });

  it('accepts the committed example config', () => {
    const text = readFileSync(new URL('../../retail-hub.example.yaml', import.meta.url), 'utf8');
    expect(parseConfig(text, 'example', env).stores[0]?.id).toBe('eu');
  });

  it('lists every problem by key path', () => {
    const doc = parse(protectReferences(issueShape).text) as {
      stores: Record<string, unknown>[];
      database: Record<string, unknown>;
    };
    doc.stores.push({ ...doc.stores[0], id: 'US', url: 'ftp://x', currency: 'euro', colour: 'red' });
    doc.database = { kind: 'mysql' };
    const result = validateConfig(doc, env, protectReferences(issueShape).references);
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toContain('stores[1].url: must be an https or http URL');
    expect(lines).toContain('stores[1].id: must be lowercase letters, digits and dashes ([a-z0-9-]+)');
    expect(lines).toContain('stores[1].currency: must be an ISO 4217 code such as EUR');
    expect(lines).toContain('stores[1]: unknown key "colour"');
    expect(lines).toContain('database.kind: must be one of "sqlite", "postgres"');
  });

  it('names the missing environment variable and its key', () => {
    const { text, references } = protectReferences(issueShape);
    const result = validateConfig(parse(text), { ...env, ODOO_API_KEY: undefined }, references);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'erp.apiKey', message: 'environment variable ODOO_API_KEY is not set' },
    ]);
  });

  it('checks cross references a schema cannot', () => {
    const doc = parse(protectReferences(issueShape).text) as { stores: { locations: string[] }[] };
    doc.stores[0]!.locations = ['nowhere'];
    const result = validateConfig(doc, env, protectReferences(issueShape).references);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'stores[0].locations[0]', message: 'no warehouse or drop-ship supplier has id "nowhere"' },
    ]);
  });

  it('refuses a file that is not YAML with a StartupError naming the line', () => {
    expect(() => parseConfig('stores: [\n  - id: eu\n bad', 'broken.yaml', env)).toThrow(StartupError);
    try {
      parseConfig('a: [\n', 'broken.yaml', env);
    } catch (error) {
      expect((error as StartupError).message).toMatch(/not valid YAML/);
      expect((error as StartupError).fix).toMatch(/YAML syntax/);
    }
  });
});
