/**
 * The legacy XML-RPC endpoints `/xmlrpc/2/{common,object,db}` (integer fault codes, as Odoo's
 * `xmlrpc_handle_exception_int`: 2 for UserError and its subclasses, 3 AccessDenied, 4 AccessError,
 * 1 with the traceback for anything else) and the older `/xmlrpc/{service}` (string fault codes).
 */
import { OdooException } from '../orm/errors.js';
import { asOdooException, describeCall, dispatchRpc, fakeTraceback } from '../services.js';
import { parseMethodCall, serializeFault, serializeResponse, XmlRpcParseError } from '../xmlrpc-codec.js';
import { execute, type HttpRequest, type Reply, type RequestContext } from './types.js';

const xml = (body: string): Reply => ({
  status: 200,
  headers: { 'content-type': 'text/xml; charset=utf-8' },
  body,
});

function faultCode(error: OdooException): number {
  switch (error.odooName) {
    case 'odoo.exceptions.AccessDenied':
      return 3;
    case 'odoo.exceptions.AccessError':
      return 4;
    case 'odoo.exceptions.UserError':
    case 'odoo.exceptions.ValidationError':
    case 'odoo.exceptions.MissingError':
      return 2;
    default:
      return 1;
  }
}

function fault(error: OdooException, integerCodes: boolean): Reply {
  const code = faultCode(error);
  const text = code === 1 ? fakeTraceback(error) : error.message;
  if (integerCodes) return xml(serializeFault(code, text));
  // The pre-"2" endpoints put the message (or 'AccessDenied') in the code, as OpenERP did.
  const legacy = code === 3 ? 'AccessDenied' : code === 1 ? text : `warning -- ${error.message}`;
  return xml(serializeFault(legacy, text));
}

export function handleXmlRpc(req: HttpRequest, ctx: RequestContext): Reply | undefined {
  const match = /^\/xmlrpc\/(2\/)?(common|object|db)\/?$/.exec(req.path);
  if (!match) return undefined;
  const integerCodes = match[1] !== undefined;
  const service = match[2]!;
  ctx.journal.service = 'xmlrpc';
  let call;
  try {
    call = parseMethodCall(req.body);
  } catch (error) {
    ctx.journal.outcome = 'error';
    const message = error instanceof XmlRpcParseError ? error.message : 'malformed request';
    return fault(new OdooException('builtins.ValueError', `ExpatError: ${message}`), integerCodes);
  }
  const target = describeCall(service, call.methodName, call.params);
  ctx.journal.model = target.model;
  ctx.journal.method = target.method;
  try {
    const result = execute(ctx, () => dispatchRpc(ctx.backend, service, call.methodName, call.params));
    return xml(serializeResponse(result));
  } catch (error) {
    const exc = asOdooException(error);
    if (ctx.journal.outcome === 'ok') ctx.journal.outcome = 'error';
    ctx.journal.error = exc.odooName;
    return fault(exc, integerCodes);
  }
}
