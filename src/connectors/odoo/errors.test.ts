import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessError, PermanentError, TransientError } from '../../runtime/errors.js';
import { asBusinessRejection, fromOdooException, parseRetryAfter } from './errors.js';
import { createJson2Transport, toJson2Body } from './transports/json2.js';
import { createJsonRpcTransport } from './transports/jsonrpc.js';

/** Answers exactly as Odoo does on the wire for the scenario named in the URL or the model. */
type Reply = (req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse) => void;
let reply: Reply = () => undefined;
let url = '';
let authCalls = 0;
const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString()));
  req.on('end', () => reply(req, raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, res));
});
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};
const rpcError = (name: string, message: string) => ({
  jsonrpc: '2.0',
  id: 1,
  error: {
    code: 200,
    message: 'Odoo Server Error',
    data: { name, message, arguments: [message], context: {}, debug: 'Traceback...' },
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fromOdooException', () => {
  it('decides by exception name: access and validation are permanent, serialization failures transient', () => {
    expect(fromOdooException('odoo.exceptions.AccessDenied', 'Access Denied')).toBeInstanceOf(PermanentError);
    expect(fromOdooException('odoo.exceptions.ValidationError', 'bad')).toMatchObject({
      code: 'ValidationError',
      message: 'bad',
    });
    expect(fromOdooException('odoo.exceptions.MissingError', 'gone')).toBeInstanceOf(PermanentError);
    expect(fromOdooException('psycopg2.errors.SerializationFailure', 'retry')).toBeInstanceOf(TransientError);
  });
  it('turns validation and user errors into business rejections for order creation only when asked', () => {
    expect(asBusinessRejection(fromOdooException('odoo.exceptions.UserError', 'No customer'))).toBeInstanceOf(
      BusinessError,
    );
    expect(asBusinessRejection(fromOdooException('odoo.exceptions.AccessError', 'no'))).toBeInstanceOf(
      PermanentError,
    );
  });
  it('reads Retry-After in seconds and as an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(58_000);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('JSON-2 body', () => {
  it('names positional arguments and puts record ids in `ids`', () => {
    expect(toJson2Body('search_read', [[['a', '=', 1]], ['name']], { limit: 5 })).toEqual({
      domain: [['a', '=', 1]],
      fields: ['name'],
      limit: 5,
    });
    expect(toJson2Body('write', [[3], { name: 'x' }], {})).toEqual({ ids: [3], vals: { name: 'x' } });
    expect(toJson2Body('action_confirm', [[17]], {})).toEqual({ ids: [17] });
    expect(() => toJson2Body('action_confirm', [[17], 'extra'], {})).toThrow(PermanentError);
  });
});

describe('JSON-2 transport errors over HTTP', () => {
  const odoo = () => createJson2Transport({ url, database: 'demo', apiKey: 'k' });

  it('sends the bearer key and database header and returns the bare result', async () => {
    let seen: IncomingMessage | undefined;
    reply = (req, _body, res) => {
      seen = req;
      json(res, 200, [1, 2]);
    };
    await expect(odoo().call('res.partner', 'search', [[]], {})).resolves.toEqual([1, 2]);
    expect(seen?.headers.authorization).toBe('bearer k');
    expect(seen?.headers['x-odoo-database']).toBe('demo');
    expect(seen?.url).toBe('/json/2/res.partner/search');
  });

  it('maps a 422 ValidationError object by its name with Odoo message', async () => {
    reply = (_req, _body, res) =>
      json(res, 422, {
        name: 'odoo.exceptions.ValidationError',
        message: 'Missing partner',
        arguments: [],
        context: {},
        debug: '',
      });
    await expect(odoo().call('sale.order', 'create', [[{}]], {})).rejects.toMatchObject({
      kind: 'permanent',
      code: 'ValidationError',
      message: 'Missing partner',
    });
  });

  it('maps 401 with a bare string message to permanent', async () => {
    reply = (_req, _body, res) => json(res, 401, 'Invalid apikey');
    await expect(odoo().call('res.partner', 'search', [[]], {})).rejects.toMatchObject({
      kind: 'permanent',
      code: 'http_401',
    });
  });

  it('treats a 503 maintenance page as transient and keeps Retry-After', async () => {
    reply = (_req, _body, res) =>
      res
        .writeHead(503, { 'content-type': 'text/html', 'retry-after': '12' })
        .end('<html>Maintenance</html>');
    const error = await odoo()
      .call('res.partner', 'search', [[]], {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).retryAfterMs).toBe(12_000);
  });

  it('treats a refused connection as transient', async () => {
    const closed = createJson2Transport({ url: 'http://127.0.0.1:1', database: 'demo', apiKey: 'k' });
    await expect(closed.call('res.partner', 'search', [[]], {})).rejects.toMatchObject({
      kind: 'transient',
      code: 'connection_failed',
    });
  });
});

describe('JSON-RPC transport over HTTP', () => {
  const odoo = () => createJsonRpcTransport({ url, database: 'demo', username: 'admin', apiKey: 'k' });

  it('authenticates once, caches the uid and calls execute_kw with it', async () => {
    authCalls = 0;
    const executed: unknown[] = [];
    reply = (_req, body, res) => {
      const params = body.params as { service: string; method: string; args: unknown[] };
      if (params.service === 'common') {
        authCalls++;
        return json(res, 200, { jsonrpc: '2.0', id: body.id, result: 7 });
      }
      executed.push(params.args);
      return json(res, 200, { jsonrpc: '2.0', id: body.id, result: [{ id: 1 }] });
    };
    const transport = odoo();
    await transport.call('res.partner', 'search_read', [[]], { fields: ['id'] });
    await transport.call('res.partner', 'search_read', [[]], { fields: ['id'] });
    expect(authCalls).toBe(1);
    expect(executed[0]).toEqual(['demo', 7, 'k', 'res.partner', 'search_read', [[]], { fields: ['id'] }]);
  });

  it('maps the error by data.name, not by the envelope code', async () => {
    reply = (_req, body, res) => {
      const params = body.params as { service: string };
      if (params.service === 'common') return json(res, 200, { jsonrpc: '2.0', id: body.id, result: 7 });
      return json(
        res,
        200,
        rpcError('odoo.exceptions.AccessError', 'You are not allowed to modify this document'),
      );
    };
    await expect(odoo().call('sale.order', 'write', [[1], {}], {})).rejects.toMatchObject({
      kind: 'permanent',
      code: 'AccessError',
      message: 'You are not allowed to modify this document',
    });
  });

  it('refuses a false uid from authenticate as a permanent AccessDenied, and retries authentication next time', async () => {
    authCalls = 0;
    reply = (_req, body, res) => {
      authCalls++;
      json(res, 200, { jsonrpc: '2.0', id: body.id, result: false });
    };
    const transport = odoo();
    await expect(transport.call('res.partner', 'search', [[]], {})).rejects.toMatchObject({
      kind: 'permanent',
      code: 'AccessDenied',
    });
    await expect(transport.call('res.partner', 'search', [[]], {})).rejects.toMatchObject({
      code: 'AccessDenied',
    });
    expect(authCalls).toBe(2);
  });
});
