/**
 * Odoo's documented external-API walkthrough, run unchanged with Python's own `xmlrpc.client`
 * against the emulator (skipped only where no python3 is installed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdooEmulator, type OdooEmulator } from '../../../sim/odoo/index.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;

const SCRIPT = `
import json, sys, xmlrpc.client
url, db, username, password = sys.argv[1], 'demo', 'admin', 'admin'
common = xmlrpc.client.ServerProxy('{}/xmlrpc/2/common'.format(url))
out = {'version': common.version()['server_version']}
uid = common.authenticate(db, username, password, {})
models = xmlrpc.client.ServerProxy('{}/xmlrpc/2/object'.format(url))
out['access'] = models.execute_kw(db, uid, password, 'res.partner', 'check_access_rights', ['read'], {'raise_exception': False})
out['companies'] = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['is_company', '=', True]]])
out['paged'] = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['is_company', '=', True]]], {'offset': 10, 'limit': 5})
out['count'] = models.execute_kw(db, uid, password, 'res.partner', 'search_count', [[['is_company', '=', True]]])
ids = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['is_company', '=', True]]], {'limit': 1})
[record] = models.execute_kw(db, uid, password, 'res.partner', 'read', [ids])
out['read_keys'] = sorted(k for k in ('name', 'country_id', 'comment', 'display_name') if k in record)
out['fields'] = models.execute_kw(db, uid, password, 'res.partner', 'fields_get', [], {'attributes': ['string', 'help', 'type']})['country_id']
out['search_read'] = models.execute_kw(db, uid, password, 'res.partner', 'search_read', [[['is_company', '=', True]]], {'fields': ['name', 'country_id', 'comment'], 'limit': 5})
id = models.execute_kw(db, uid, password, 'res.partner', 'create', [{'name': "New Partner"}])
models.execute_kw(db, uid, password, 'res.partner', 'write', [[id], {'name': "Newer partner"}])
out['renamed'] = models.execute_kw(db, uid, password, 'res.partner', 'read', [[id], ['display_name']])
models.execute_kw(db, uid, password, 'res.partner', 'unlink', [[id]])
out['after_unlink'] = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['id', '=', id]]])
try:
    models.execute_kw(db, uid, 'wrong', 'res.partner', 'search', [[]])
except xmlrpc.client.Fault as fault:
    out['fault'] = [fault.faultCode, fault.faultString]
print(json.dumps(out))
`;

let odoo: OdooEmulator;
beforeAll(async () => {
  odoo = await startOdooEmulator({ version: 18 });
});
afterAll(() => odoo.close());

describe.skipIf(!hasPython)("Python's xmlrpc.client", () => {
  it('runs the documented external API examples unchanged', async () => {
    // Async spawn: the emulator answers on this same event loop.
    const run = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      const child = spawn('python3', ['-c', SCRIPT, odoo.url]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', () => resolve({ stdout, stderr }));
    });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      version: '18.0',
      access: true,
      companies: [1],
      paged: [],
      count: 1,
      read_keys: ['comment', 'country_id', 'display_name', 'name'],
      fields: { type: 'many2one', string: 'Country' },
      search_read: [
        { id: 1, name: 'My Company', country_id: [expect.any(Number), 'Germany'], comment: false },
      ],
      renamed: [{ id: expect.any(Number), display_name: 'Newer partner' }],
      after_unlink: [],
      fault: [3, 'Access Denied'],
    });
  });
});
