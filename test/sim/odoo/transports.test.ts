/**
 * The emulator over real HTTP: one store behind JSON-2, JSON-RPC and XML-RPC, each with its own
 * envelope and error shape, plus the fault knobs (maintenance, injected errors, lost responses).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdooEmulator, type OdooEmulator } from '../../../sim/odoo/index.js';
import { executeKw, json2, jsonrpc, xmlrpc } from './helpers.js';

let odoo: OdooEmulator;
let odoo17: OdooEmulator;

beforeAll(async () => {
  odoo = await startOdooEmulator({ version: 19 });
  odoo17 = await startOdooEmulator({ version: 17 });
});
afterAll(async () => {
  await odoo.close();
  await odoo17.close();
});

describe('JSON-2', () => {
  it('serves /web/version without a key', async () => {
    const res = await fetch(`${odoo.url}/web/version`);
    expect(await res.json()).toEqual({ version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' });
  });

  it('creates, reads back and searches with named params and ids', async () => {
    const created = await json2(odoo.url, 'res.partner', 'create', {
      vals_list: [{ name: 'Json Two', email: 'j2@example.com' }],
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual([expect.any(Number)]);
    const id = (created.body as unknown as number[])[0]!;
    const read = await json2(odoo.url, 'res.partner', 'read', {
      ids: [id],
      fields: ['name', 'email', 'country_id', 'parent_id'],
    });
    expect(read.body).toEqual([
      { id, name: 'Json Two', email: 'j2@example.com', country_id: false, parent_id: false },
    ]);
    const found = await json2(odoo.url, 'res.partner', 'search', {
      domain: [['email', '=ilike', 'J2@EXAMPLE.COM']],
    });
    expect(found.body).toEqual([id]);
    const single = await json2(odoo.url, 'res.partner', 'create', { vals_list: { name: 'Single Dict' } });
    expect(single.body).toEqual([expect.any(Number)]);
    const written = await json2(odoo.url, 'res.partner', 'write', { ids: [id], vals: { ref: 'WC-7' } });
    expect(written.body).toBe(true);
  });

  it('refuses a missing or wrong key with 401 and a bearer challenge', async () => {
    const wrong = await json2(odoo.url, 'res.partner', 'search', { domain: [] }, 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      name: 'werkzeug.exceptions.Unauthorized',
      message: 'Invalid apikey',
      arguments: ['Invalid apikey', 401],
    });
    const none = await fetch(`${odoo.url}/json/2/res.partner/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('bearer');
  });

  it('answers unknown models and methods with 404, bad kwargs and ids on model methods with 422', async () => {
    const model = await json2(odoo.url, 'no.such.model', 'search', { domain: [] });
    expect(model.status).toBe(404);
    expect(model.body).toMatchObject({
      name: 'werkzeug.exceptions.NotFound',
      message: "the model 'no.such.model' does not exist",
    });
    const method = await json2(odoo.url, 'res.partner', 'frobnicate');
    expect(method.status).toBe(404);
    const kwarg = await json2(odoo.url, 'res.partner', 'search_read', { domain: [], colour: 'red' });
    expect(kwarg.status).toBe(422);
    expect(kwarg.body).toMatchObject({ message: "got an unexpected keyword argument 'colour'" });
    const ids = await json2(odoo.url, 'res.partner', 'search', { ids: [1], domain: [] });
    expect(ids.status).toBe(422);
    expect(ids.body).toMatchObject({ message: 'cannot call res.partner.search with ids' });
  });

  it('maps Odoo exceptions to their HTTP statuses', async () => {
    const missing = await json2(odoo.url, 'res.partner', 'read', { ids: [99999], fields: ['name'] });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ name: 'odoo.exceptions.MissingError' });
    const priv = await json2(odoo.url, 'sale.order', '_create_invoices', { ids: [] });
    expect(priv.status).toBe(403);
    expect(priv.body).toMatchObject({ name: 'odoo.exceptions.AccessError' });
    const user = await json2(odoo.url, 'res.partner', 'create', {
      vals_list: [{ email: 'noname@example.com' }],
    });
    expect(user.status).toBe(422);
    expect(user.body).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message: 'Contacts require a name',
    });
  });

  it('sends other verbs to the catch-all route, as Odoo does', async () => {
    const get = await fetch(`${odoo.url}/json/2/res.partner/search`);
    expect(get.status).toBe(404);
    expect(await get.json()).toMatchObject({ message: 'Did you mean POST /json/2/<model>/<method>?' });
    const options = await fetch(`${odoo.url}/json/2/res.partner/search`, { method: 'OPTIONS' });
    expect(options.status).toBe(405);
  });

  it('checks X-Odoo-Database when given', async () => {
    const res = await fetch(`${odoo.url}/json/2/res.partner/search`, {
      method: 'POST',
      headers: {
        authorization: 'bearer admin',
        'content-type': 'application/json',
        'x-odoo-database': 'other',
      },
      body: JSON.stringify({ domain: [] }),
    });
    expect(res.status).toBe(404);
    const ok = await fetch(`${odoo.url}/json/2/res.partner/search_count`, {
      method: 'POST',
      headers: {
        authorization: 'bearer admin',
        'content-type': 'application/json',
        'x-odoo-database': 'demo',
      },
      body: JSON.stringify({ domain: [] }),
    });
    expect(await ok.json()).toEqual(expect.any(Number));
  });

  it('does not exist before Odoo 19', async () => {
    const res = await json2(odoo17.url, 'res.partner', 'search', { domain: [] });
    expect(res.status).toBe(404);
  });
});

describe('JSON-RPC', () => {
  it('authenticates with password or API key, and returns false (not an error) on bad credentials', async () => {
    expect(
      (await jsonrpc(odoo.url, 'common', 'authenticate', ['demo', 'admin', 'admin', {}])).body.result,
    ).toBe(2);
    expect((await jsonrpc(odoo.url, 'common', 'login', ['demo', 'admin', 'wrong'])).body.result).toBe(false);
    const version = await jsonrpc(odoo17.url, 'common', 'version', []);
    expect(version.body.result).toMatchObject({ server_version: '17.0', protocol_version: 1 });
  });

  it('fails on an unknown database as PostgreSQL would', async () => {
    const res = await jsonrpc(odoo.url, 'object', 'execute_kw', [
      'nodb',
      2,
      'admin',
      'res.partner',
      'search',
      [[]],
    ]);
    expect(res.body.error?.data.name).toBe('psycopg2.OperationalError');
    expect((await jsonrpc(odoo.url, 'db', 'list', [])).body.result).toEqual(['demo']);
  });

  it('runs execute_kw with positional args and kwargs, and reports errors in a 200 envelope by name', async () => {
    const id = (await executeKw(odoo.url, 'res.partner', 'create', [{ name: 'Rpc Partner' }])).body.result;
    expect(id).toEqual(expect.any(Number));
    const rows = await executeKw(odoo.url, 'res.partner', 'search_read', [[['id', '=', id]]], {
      fields: ['name'],
    });
    expect(rows.body.result).toEqual([{ id, name: 'Rpc Partner' }]);

    const denied = await executeKw(odoo.url, 'res.partner', 'search', [[]], {}, 'bad-password');
    expect(denied.status).toBe(200);
    expect(denied.body.error).toMatchObject({
      code: 200,
      message: 'Odoo Server Error',
      data: { name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' },
    });
    const typeError = await executeKw(odoo.url, 'res.partner', 'search', [[]], { colour: 'red' });
    expect(typeError.body.error?.data.name).toBe('builtins.TypeError');
    const unknownModel = await executeKw(odoo.url, 'no.model', 'search', [[]]);
    expect(unknownModel.body.error?.data).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: "Object no.model doesn't exist",
    });
  });
});

describe('XML-RPC', () => {
  it('authenticates and calls execute_kw with Python xmlrpc.client-shaped documents', async () => {
    const uid = await xmlrpc(odoo.url, '/xmlrpc/2/common', 'authenticate', ['demo', 'admin', 'admin', {}]);
    expect(uid.value).toBe(2);
    const bad = await xmlrpc(odoo.url, '/xmlrpc/2/common', 'authenticate', ['demo', 'admin', 'nope', {}]);
    expect(bad.value).toBe(false);
    const created = await xmlrpc(odoo.url, '/xmlrpc/2/object', 'execute_kw', [
      'demo',
      2,
      'admin',
      'res.partner',
      'create',
      [{ name: 'Xml <&> Partner', is_company: true }],
    ]);
    expect(created.value).toEqual(expect.any(Number));
    const read = await xmlrpc(odoo.url, '/xmlrpc/2/object', 'execute_kw', [
      'demo',
      2,
      'admin',
      'res.partner',
      'read',
      [[created.value]],
      { fields: ['name', 'is_company', 'parent_id'] },
    ]);
    expect(read.value).toEqual([
      { id: created.value, name: 'Xml <&> Partner', is_company: true, parent_id: false },
    ]);
  });

  it('answers errors as faults with Odoo integer codes', async () => {
    const denied = await xmlrpc(odoo.url, '/xmlrpc/2/object', 'execute_kw', [
      'demo',
      2,
      'wrong',
      'res.partner',
      'search',
      [[]],
    ]);
    expect(denied.fault).toEqual({ faultCode: 3, faultString: 'Access Denied' });
    const missing = await xmlrpc(odoo.url, '/xmlrpc/2/object', 'execute_kw', [
      'demo',
      2,
      'admin',
      'res.partner',
      'write',
      [[424242], { name: 'x' }],
    ]);
    expect(missing.fault?.faultCode).toBe(2);
    const priv = await xmlrpc(odoo.url, '/xmlrpc/2/object', 'execute_kw', [
      'demo',
      2,
      'admin',
      'res.partner',
      '_write',
      [[1], {}],
    ]);
    expect(priv.fault?.faultCode).toBe(4);
  });

  it('answers malformed XML with a fault, and refuses DOCTYPEs', async () => {
    const res = await fetch(`${odoo.url}/xmlrpc/2/common`, {
      method: 'POST',
      body: '<!DOCTYPE x [<!ENTITY a "b">]><methodCall/>',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<name>faultCode</name>');
  });
});

describe('fault knobs', () => {
  it('fails every call with the proxy 503 during a maintenance window, on every transport', async () => {
    odoo.faults.set({ maintenance: true });
    try {
      expect((await json2(odoo.url, 'res.partner', 'search', { domain: [] })).status).toBe(503);
      expect((await jsonrpc(odoo.url, 'common', 'version', [])).status).toBe(503);
      expect((await xmlrpc(odoo.url, '/xmlrpc/2/common', 'version', [])).status).toBe(503);
      expect(odoo.calls.count({ outcome: 'maintenance' })).toBeGreaterThanOrEqual(3);
    } finally {
      odoo.faults.set({ maintenance: false });
    }
    expect((await jsonrpc(odoo.url, 'common', 'version', [])).status).toBe(200);
  });

  it('is controllable over HTTP and validates what it is sent', async () => {
    const set = await fetch(`${odoo.url}/__control/faults`, {
      method: 'POST',
      body: JSON.stringify({ maintenance: true }),
    });
    expect(await set.json()).toMatchObject({ maintenance: true });
    expect((await json2(odoo.url, 'res.partner', 'search', { domain: [] })).status).toBe(503);
    await fetch(`${odoo.url}/__control/faults`, {
      method: 'POST',
      body: JSON.stringify({ maintenance: false }),
    });
    const bad = await fetch(`${odoo.url}/__control/faults`, {
      method: 'POST',
      body: JSON.stringify({ errorRate: 3 }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_fault_settings' });
  });

  it('injects server errors that leave no trace, shaped per transport', async () => {
    const before = odoo.models.searchCount('res.partner', [['name', '=', 'Never created']]);
    odoo.faults.set({ errorRate: 1 });
    try {
      const viaJson2 = await json2(odoo.url, 'res.partner', 'create', {
        vals_list: [{ name: 'Never created' }],
      });
      expect(viaJson2.status).toBe(500);
      expect(viaJson2.body).toMatchObject({ name: 'psycopg2.errors.SerializationFailure' });
      const viaRpc = await executeKw(odoo.url, 'res.partner', 'create', [{ name: 'Never created' }]);
      expect(viaRpc.body.error?.data.name).toBe('psycopg2.errors.SerializationFailure');
      const viaXml = await xmlrpc(odoo.url, '/xmlrpc/2/object', 'execute_kw', [
        'demo',
        2,
        'admin',
        'res.partner',
        'create',
        [{ name: 'Never created' }],
      ]);
      expect(viaXml.fault?.faultCode).toBe(1);
    } finally {
      odoo.faults.set({ errorRate: 0 });
    }
    expect(odoo.models.searchCount('res.partner', [['name', '=', 'Never created']])).toBe(before);
  });

  it('loses responses after committing, so clients must not blindly retry creates', async () => {
    odoo.faults.set({ lostResponseRate: 1 });
    try {
      const res = await json2(odoo.url, 'res.partner', 'create', {
        vals_list: [{ name: 'Committed anyway' }],
      });
      expect(res.status).toBe(504);
    } finally {
      odoo.faults.set({ lostResponseRate: 0 });
    }
    expect(odoo.models.searchCount('res.partner', [['name', '=', 'Committed anyway']])).toBe(1);
  });

  it('journals calls by model and method', async () => {
    odoo.calls.reset();
    await json2(odoo.url, 'product.product', 'search_read', { domain: [], fields: ['name'] });
    await executeKw(odoo.url, 'product.product', 'search_read', [[]], { fields: ['name'] });
    expect(odoo.calls.count({ model: 'product.product', method: 'search_read' })).toBe(2);
    expect(odoo.calls.count({ transport: 'json2' })).toBe(1);
    const res = await fetch(`${odoo.url}/__control/calls`);
    expect(await res.json()).toMatchObject({ count: 2 });
  });
});
