/**
 * Odoo 19+'s JSON-2 API: `POST /json/2/<model>/<method>` with a bearer API key; the body holds
 * `ids`, `context` and NAMED parameters only, so the classic positional arguments are named here
 * from the ORM's signatures. Success is the bare JSON value; errors are 4xx/5xx with Odoo's
 * `{ name, message }` object (or a bare string), mapped by exception name.
 *
 * @example
 * ```ts
 * const odoo = createJson2Transport({ url: 'http://127.0.0.1:8069', database: 'demo', apiKey: 'admin' });
 * await odoo.call('sale.order', 'action_confirm', [[17]], {});
 * ```
 */
import { PermanentError } from '../../../runtime/errors.js';
import { SYSTEM } from '../errors.js';
import type { OdooConnection, OdooTransport } from '../transport.js';
import { errorFromJson2, postJson } from './http.js';
import { keepAliveFetch } from '../../http/keep-alive-fetch.js';

/** `@api.model` methods: no ids, positional arguments named in order. */
const MODEL_METHODS: Record<string, string[]> = {
  search: ['domain', 'offset', 'limit', 'order'],
  search_read: ['domain', 'fields', 'offset', 'limit', 'order'],
  search_count: ['domain', 'limit'],
  create: ['vals_list'],
  read_group: ['domain', 'fields', 'groupby', 'offset', 'limit', 'orderby', 'lazy'],
  name_search: ['name', 'domain', 'operator', 'limit'],
  default_get: ['fields_list'],
  fields_get: ['allfields', 'attributes'],
  context_get: [],
};

/** Record methods: `args[0]` is the ids, the rest named in order. Unlisted ones take ids only. */
const RECORD_METHODS: Record<string, string[]> = {
  read: ['fields', 'load'],
  write: ['vals'],
  copy: ['default'],
};

/** Builds the JSON-2 body from positional args + kwargs; throws when an argument has no known name. */
export function toJson2Body(
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  let names: string[];
  let rest: unknown[];
  const modelNames = MODEL_METHODS[method];
  if (modelNames) {
    names = modelNames;
    rest = args;
  } else {
    names = RECORD_METHODS[method] ?? [];
    if (args.length > 0) body.ids = args[0];
    rest = args.slice(1);
  }
  if (rest.length > names.length) {
    throw new PermanentError(
      `JSON-2: no parameter names known for ${method} with ${args.length} positional arguments`,
      {
        code: 'json2_unmapped_args',
        system: SYSTEM,
      },
    );
  }
  rest.forEach((value, index) => {
    body[names[index] as string] = value;
  });
  return { ...body, ...kwargs };
}

export function createJson2Transport(connection: OdooConnection): OdooTransport {
  const doFetch = connection.fetch ?? keepAliveFetch;
  const base = connection.url.replace(/\/+$/, '');
  const headers = { authorization: `bearer ${connection.apiKey}`, 'x-odoo-database': connection.database };
  return {
    async call<R>(
      model: string,
      method: string,
      args: unknown[],
      kwargs: Record<string, unknown>,
      signal?: AbortSignal,
    ) {
      const body = toJson2Body(method, args, kwargs);
      const answer = await postJson(`${base}/json/2/${model}/${method}`, body, {
        fetch: doFetch,
        headers,
        signal,
      });
      if (answer.status < 200 || answer.status >= 300) throw errorFromJson2(answer, model, method);
      return answer.body as R;
    },
  };
}
