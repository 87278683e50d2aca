/**
 * Odoo's legacy external API (`POST /jsonrpc`, services `common` and `object`), the transport for
 * Odoo 16–18. The uid comes from `common.authenticate` once and is cached (a failed attempt is
 * not, so the next call tries again); every call is then `object.execute_kw(db, uid, key, ...)`.
 * Errors arrive with HTTP 200 and an `error` member; `error.data.name` decides their class.
 *
 * @example
 * ```ts
 * const odoo = createJsonRpcTransport({ url: 'http://127.0.0.1:8069', database: 'demo', username: 'admin', apiKey: 'admin' });
 * const ids = await odoo.call<number[]>('sale.order', 'search', [[['state', '=', 'sale']]], { limit: 10 });
 * ```
 */
import { PermanentError } from '../../../runtime/errors.js';
import { SYSTEM, fromHttpStatus, fromOdooException } from '../errors.js';
import type { OdooConnection, OdooTransport } from '../transport.js';
import { odooErrorOf, postJson } from './http.js';
import { keepAliveFetch } from '../../http/keep-alive-fetch.js';

interface RpcEnvelope {
  result?: unknown;
  error?: { code?: unknown; message?: string; data?: unknown };
}

export function createJsonRpcTransport(connection: OdooConnection): OdooTransport {
  const doFetch = connection.fetch ?? keepAliveFetch;
  const endpoint = `${connection.url.replace(/\/+$/, '')}/jsonrpc`;
  let nextId = 1;
  let uid: Promise<number> | undefined;

  async function rpc(
    service: string,
    method: string,
    args: unknown[],
    signal?: AbortSignal,
  ): Promise<unknown> {
    const payload = { jsonrpc: '2.0', method: 'call', id: nextId++, params: { service, method, args } };
    const answer = await postJson(endpoint, payload, { fetch: doFetch, headers: {}, signal });
    if (answer.status < 200 || answer.status >= 300) {
      const err = odooErrorOf(answer.body);
      throw fromHttpStatus(answer.status, err?.message ?? answer.text.slice(0, 200), answer.retryAfterMs);
    }
    const envelope = (answer.body ?? {}) as RpcEnvelope;
    if (envelope.error) {
      const data = odooErrorOf(envelope.error.data);
      const name = data?.name || 'odoo.exceptions.UserError';
      throw fromOdooException(name, data?.message || envelope.error.message || name, {
        status: answer.status,
        retryAfterMs: answer.retryAfterMs,
      });
    }
    return envelope.result;
  }

  function authenticate(signal?: AbortSignal): Promise<number> {
    if (!uid) {
      const attempt = (async () => {
        const args = [connection.database, connection.username ?? 'admin', connection.apiKey, {}];
        const result = await rpc('common', 'authenticate', args, signal);
        if (typeof result !== 'number' || result <= 0) {
          throw new PermanentError(
            `Odoo refused login "${connection.username ?? 'admin'}" on database "${connection.database}"`,
            {
              code: 'AccessDenied',
              system: SYSTEM,
            },
          );
        }
        return result;
      })();
      uid = attempt;
      attempt.catch(() => {
        if (uid === attempt) uid = undefined;
      });
    }
    return uid;
  }

  return {
    async call<R>(
      model: string,
      method: string,
      args: unknown[],
      kwargs: Record<string, unknown>,
      signal?: AbortSignal,
    ) {
      const user = await authenticate(signal);
      const result = await rpc(
        'object',
        'execute_kw',
        [connection.database, user, connection.apiKey, model, method, args, kwargs],
        signal,
      );
      return result as R;
    },
  };
}
