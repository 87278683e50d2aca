/**
 * The one seam between the Odoo connector and the wire. Both of Odoo's external APIs — JSON-2
 * (Odoo 19+) and the legacy JSON-RPC `execute_kw` (16–18) — implement it, so everything above
 * speaks `call(model, method, args, kwargs)` in Odoo's classic positional form and never knows
 * which protocol carried it.
 *
 * @example
 * ```ts
 * import { createJson2Transport } from './transports/json2.js';
 * const t = createJson2Transport({ url: 'http://127.0.0.1:8069', database: 'demo', apiKey: 'admin' });
 * const rows = await t.call('res.partner', 'search_read', [[['email', '=', 'a@b.c']]], { fields: ['id'], limit: 1 });
 * ```
 */
export interface OdooTransport {
  /** `args` are Odoo's positional arguments (ids first for record methods), `kwargs` its keyword ones. */
  call<R = unknown>(
    model: string,
    method: string,
    args: unknown[],
    kwargs: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<R>;
}

/** What either transport needs to reach one Odoo database. The API key doubles as the RPC password. */
export interface OdooConnection {
  url: string;
  database: string;
  /** Only the legacy API needs it (to authenticate and obtain the uid). */
  username?: string;
  apiKey: string;
  /** Injected for tests and custom agents; defaults to `keepAliveFetch` (node:http, kept-alive sockets). */
  fetch?: typeof fetch;
}

export type OdooTransportKind = 'json2' | 'jsonrpc';
