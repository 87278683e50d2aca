/**
 * One remote method call, bound and run as Odoo's RPC layers do: private names refused, unknown
 * models and methods reported, Python-style argument binding (`TypeError` texts included), the
 * whole call in one transaction, recordsets returned as ids.
 */
import { OdooException, accessError, typeError, userError } from './errors.js';
import type { ModelStore } from './model-store.js';
import type { MethodDef, ParamSpec, WireValue } from './types.js';

export type CallStyle = 'rpc' | 'json2';

export interface CallRequest {
  model: string;
  method: string;
  /** execute_kw: positional args (ids first for record methods). JSON-2: always empty. */
  args: unknown[];
  kwargs: Record<string, unknown>;
  /** JSON-2 passes ids beside the named parameters. */
  ids?: number[];
  uid: number;
  style: CallStyle;
}

const DEFAULT_CONTEXT = { lang: 'en_US', tz: 'Europe/Brussels' };

export function findMethod(store: ModelStore, model: string, method: string): MethodDef | undefined {
  const def = store.model(model);
  return def.methods?.[method];
}

export function callMethod(store: ModelStore, request: CallRequest): WireValue {
  const { model, method, style } = request;
  if (method.startsWith('_') || method === 'init') {
    throw accessError(`Private methods (such as '${model}.${method}') cannot be called remotely.`);
  }
  if (!store.hasModel(model)) {
    if (style === 'json2')
      throw new OdooException('werkzeug.exceptions.NotFound', `the model '${model}' does not exist`);
    throw userError(`Object ${model} doesn't exist`);
  }
  const def = findMethod(store, model, method);
  if (!def) {
    const message = `The method '${model}.${method}' does not exist`;
    if (style === 'json2') throw new OdooException('werkzeug.exceptions.NotFound', message);
    throw new OdooException('builtins.AttributeError', message);
  }
  const { context: rawContext, ...kwargs } = request.kwargs;
  const context = { ...DEFAULT_CONTEXT, uid: request.uid, ...(isObject(rawContext) ? rawContext : {}) };
  let ids: number[] = [];
  let positional = request.args;
  if (style === 'json2') {
    ids = request.ids ?? [];
    if (def.model && ids.length > 0) {
      throw new OdooException(
        'werkzeug.exceptions.UnprocessableEntity',
        `cannot call ${model}.${method} with ids`,
      );
    }
  } else if (!def.model) {
    if (positional.length === 0)
      throw typeError(`${method}() missing 1 required positional argument: 'self'`);
    ids = toIds(positional[0]);
    positional = positional.slice(1);
  }
  const args = bind(method, def.params, positional, kwargs, style);
  const env = store.env(context, request.uid);
  const result = store.transaction(() => def.run(env, ids, args));
  // JSON-2 reduces any returned recordset to its ids, so even a single-dict create answers `[id]`.
  if (style === 'json2' && method === 'create' && typeof result === 'number') return [result];
  return (result === undefined ? null : result) as WireValue;
}

function toIds(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === false || value === null) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value as number[];
  throw typeError(`unhashable or invalid ids: ${JSON.stringify(value)}`);
}

function bind(
  method: string,
  params: ParamSpec[],
  positional: unknown[],
  kwargs: Record<string, unknown>,
  style: CallStyle,
): Record<string, unknown> {
  const fail = (rpc: string, json2: string) =>
    style === 'json2'
      ? new OdooException('werkzeug.exceptions.UnprocessableEntity', json2)
      : typeError(`${method}() ${rpc}`);
  if (positional.length > params.length) {
    const required = params.filter((p) => p.required).length + 1;
    const range = required === params.length + 1 ? `${required}` : `from ${required} to ${params.length + 1}`;
    throw fail(
      `takes ${range} positional arguments but ${positional.length + 1} were given`,
      'too many positional arguments',
    );
  }
  const args: Record<string, unknown> = {};
  params.forEach((p, i) => {
    if (i < positional.length) args[p.name] = positional[i];
  });
  for (const [key, value] of Object.entries(kwargs)) {
    const known = params.some((p) => p.name === key);
    if (!known)
      throw fail(
        `got an unexpected keyword argument '${key}'`,
        `got an unexpected keyword argument '${key}'`,
      );
    if (key in args)
      throw fail(`got multiple values for argument '${key}'`, `multiple values for argument '${key}'`);
    args[key] = value;
  }
  for (const p of params) {
    if (!(p.name in args)) {
      if (p.required)
        throw fail(
          `missing 1 required positional argument: '${p.name}'`,
          `missing a required argument: '${p.name}'`,
        );
      args[p.name] = p.default;
    }
    // XML-RPC clients send `<nil/>` for Python's None; treat it as "not given".
    if (args[p.name] === null && p.default !== undefined) args[p.name] = p.default;
  }
  return args;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
