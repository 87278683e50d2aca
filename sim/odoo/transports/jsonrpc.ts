/**
 * The legacy JSON-RPC endpoint `POST /jsonrpc`: a JSON-RPC 2.0 envelope whose params name the
 * service, method and args. Every answer is HTTP 200; failures come as `error` with Odoo's
 * `data.name` (match on it, not on the arbitrary `code`).
 */
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { OdooException } from '../orm/errors.js';
import { asOdooException, describeCall, dispatchRpc, fakeTraceback } from '../services.js';
import { execute, json, type HttpRequest, type Reply, type RequestContext } from './types.js';

const Envelope = Compile(
  Type.Object({
    jsonrpc: Type.Optional(Type.String()),
    method: Type.Optional(Type.String()),
    id: Type.Optional(Type.Unknown()),
    params: Type.Object({
      service: Type.String(),
      method: Type.String(),
      args: Type.Optional(Type.Array(Type.Unknown())),
    }),
  }),
);

function errorEnvelope(id: unknown, error: OdooException): Reply {
  const notFound = error.odooName === 'werkzeug.exceptions.NotFound';
  return json(200, {
    jsonrpc: '2.0',
    id: id ?? null,
    error: {
      code: notFound ? 404 : 200,
      message: notFound ? '404: Not Found' : 'Odoo Server Error',
      data: {
        name: error.odooName,
        debug: fakeTraceback(error),
        message: error.message,
        arguments: error.arguments,
        context: {},
      },
    },
  });
}

export function handleJsonRpc(req: HttpRequest, ctx: RequestContext): Reply {
  ctx.journal.service = 'jsonrpc';
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    ctx.journal.outcome = 'error';
    return json(400, {
      jsonrpc: '2.0',
      id: null,
      error: {
        code: 400,
        message: 'Invalid JSON data',
        data: {
          name: 'werkzeug.exceptions.BadRequest',
          message: 'Invalid JSON data',
          arguments: ['Invalid JSON data', 400],
          context: {},
          debug: '',
        },
      },
    });
  }
  if (!Envelope.Check(body)) {
    ctx.journal.outcome = 'error';
    const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : null;
    return errorEnvelope(
      id,
      new OdooException('builtins.TypeError', 'params must be an object with service, method and args'),
    );
  }
  const { service, method } = body.params;
  const args = body.params.args ?? [];
  const target = describeCall(service, method, args);
  ctx.journal.model = target.model;
  ctx.journal.method = target.method;
  try {
    const result = execute(ctx, () => dispatchRpc(ctx.backend, service, method, args));
    return json(200, { jsonrpc: '2.0', id: body.id ?? null, result });
  } catch (error) {
    const exc = asOdooException(error);
    if (ctx.journal.outcome === 'ok') ctx.journal.outcome = 'error';
    ctx.journal.error = exc.odooName;
    return errorEnvelope(body.id, exc);
  }
}
