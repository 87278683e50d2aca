/**
 * Odoo's legacy RPC services as both `/jsonrpc` and `/xmlrpc/2/*` dispatch them: `common`
 * (version, login, authenticate — `false` on bad credentials), `object` (execute, execute_kw —
 * AccessDenied on bad credentials) and `db` (list, server_version).
 */
import { callMethod } from './orm/call.js';
import { OdooException, accessDenied, typeError } from './orm/errors.js';
import type { ModelStore } from './orm/model-store.js';
import type { OdooVersion, WireValue } from './orm/types.js';

export interface Credentials {
  db: string;
  login: string;
  password: string;
  apiKey: string;
  uid: number;
}

export interface RpcContext {
  store: ModelStore;
  credentials: Credentials;
  version: OdooVersion;
}

export function versionInfo(version: OdooVersion) {
  const serie = `${version}.0`;
  return {
    server_version: serie,
    server_version_info: [version, 0, 0, 'final', 0, ''] as WireValue,
    server_serie: serie,
    protocol_version: 1,
  };
}

const noDatabase = (db: unknown) =>
  new OdooException(
    'psycopg2.OperationalError',
    `connection to server failed: FATAL:  database "${String(db)}" does not exist`,
  );

/** What a call targets, for the journal. */
export function describeCall(
  service: string,
  method: string,
  args: unknown[],
): { model?: string; method: string } {
  if (
    service === 'object' &&
    (method === 'execute_kw' || method === 'execute') &&
    typeof args[3] === 'string'
  ) {
    return { model: args[3], method: String(args[4]) };
  }
  return { method: `${service}.${method}` };
}

export function dispatchRpc(ctx: RpcContext, service: string, method: string, args: unknown[]): WireValue {
  const { credentials } = ctx;
  const secretOk = (secret: unknown) => secret === credentials.password || secret === credentials.apiKey;
  if (service === 'common') {
    switch (method) {
      case 'version':
        return versionInfo(ctx.version);
      case 'about':
        return 'See http://openerp.com';
      case 'login':
      case 'authenticate': {
        const [db, login, password] = args;
        if (db !== credentials.db) throw noDatabase(db);
        return login === credentials.login && secretOk(password) ? credentials.uid : false;
      }
      default:
        throw new OdooException('builtins.KeyError', `Method not supported ${method}`);
    }
  }
  if (service === 'db') {
    if (method === 'list') return [credentials.db];
    if (method === 'server_version') return `${ctx.version}.0`;
    throw new OdooException('builtins.KeyError', `Method not supported ${method}`);
  }
  if (service === 'object') {
    if (method !== 'execute' && method !== 'execute_kw')
      throw new OdooException('builtins.KeyError', `Method not available ${method}`);
    const [db, uid, password, model, name] = args;
    if (db !== credentials.db) throw noDatabase(db);
    if (uid !== credentials.uid || !secretOk(password)) throw accessDenied();
    if (typeof model !== 'string' || typeof name !== 'string')
      throw typeError('model and method must be strings');
    let positional: unknown[];
    let kwargs: Record<string, unknown> = {};
    if (method === 'execute_kw') {
      const rawArgs = args[5] ?? [];
      const rawKwargs = args[6] ?? {};
      if (!Array.isArray(rawArgs)) throw typeError('execute_kw: args must be a list');
      if (typeof rawKwargs !== 'object' || rawKwargs === null || Array.isArray(rawKwargs))
        throw typeError('execute_kw: kwargs must be a dict');
      positional = rawArgs;
      kwargs = rawKwargs as Record<string, unknown>;
    } else positional = args.slice(5);
    return callMethod(ctx.store, {
      model,
      method: name,
      args: positional,
      kwargs,
      uid: credentials.uid,
      style: 'rpc',
    });
  }
  throw new OdooException('builtins.KeyError', service);
}

/** A Python-looking traceback for the `debug` member, naming the emulator rather than hiding it. */
export function fakeTraceback(error: OdooException): string {
  return `Traceback (most recent call last):\n  File "odoo-emulator", line 1, in dispatch\n${error.odooName}: ${error.message}\n`;
}

/** Anything thrown that is not an OdooException becomes what Odoo would report: a server error. */
export function asOdooException(error: unknown): OdooException {
  if (error instanceof OdooException) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OdooException('builtins.ValueError', message);
}
