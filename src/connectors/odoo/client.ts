/**
 * The Odoo client the connector's operations use: one transport (JSON-2 or JSON-RPC, by config),
 * every call through the endpoint's rate limit + circuit breaker, and the batched-read helpers
 * that keep the call count low (`search_read` with explicit fields and limits).
 *
 * @example
 * ```ts
 * const odoo = createOdooClient({ url, database: 'demo', username: 'admin', apiKey: 'admin', version: 19 }, policy);
 * const partners = await odoo.searchRead('res.partner', [['email', '=', 'a@b.c']], ['id', 'name'], { limit: 1 });
 * ```
 */
import type { EndpointPolicy } from '../../runtime/contracts.js';
import { fieldsFor, type OdooFields, type OdooVersion } from './fields.js';
import type { OdooConnection, OdooTransport, OdooTransportKind } from './transport.js';
import { createJson2Transport } from './transports/json2.js';
import { createJsonRpcTransport } from './transports/jsonrpc.js';

export type Domain = unknown[];
export type OdooRecord = Record<string, unknown> & { id: number };

export interface OdooClientConfig extends OdooConnection {
  version?: OdooVersion;
  transport?: OdooTransportKind;
  companyId?: number;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  order?: string;
  context?: Record<string, unknown>;
}

export interface OdooClient {
  readonly version: OdooVersion;
  readonly fields: OdooFields;
  readonly companyId: number | undefined;
  call<R = unknown>(
    model: string,
    method: string,
    args?: unknown[],
    kwargs?: Record<string, unknown>,
  ): Promise<R>;
  searchRead<T extends OdooRecord = OdooRecord>(
    model: string,
    domain: Domain,
    fields: string[],
    options?: SearchOptions,
  ): Promise<T[]>;
  /** Pages through `search_read` (`pageSize` rows a call, ordered by id) until exhausted. */
  searchReadAll<T extends OdooRecord = OdooRecord>(
    model: string,
    domain: Domain,
    fields: string[],
    pageSize?: number,
  ): Promise<T[]>;
  read<T extends OdooRecord = OdooRecord>(model: string, ids: number[], fields: string[]): Promise<T[]>;
  create(model: string, values: Record<string, unknown>, context?: Record<string, unknown>): Promise<number>;
  write(model: string, ids: number[], values: Record<string, unknown>): Promise<void>;
}

/** JSON-2 from 19 on, the legacy JSON-RPC below, unless the config says otherwise. */
export function defaultTransport(version: OdooVersion): OdooTransportKind {
  return version >= 19 ? 'json2' : 'jsonrpc';
}

export function createTransport(config: OdooClientConfig): OdooTransport {
  const kind = config.transport ?? defaultTransport(config.version ?? 19);
  return kind === 'json2' ? createJson2Transport(config) : createJsonRpcTransport(config);
}

export function createOdooClient(
  config: OdooClientConfig,
  policy: EndpointPolicy,
  transport = createTransport(config),
): OdooClient {
  const version = config.version ?? 19;
  const client: OdooClient = {
    version,
    fields: fieldsFor(version),
    companyId: config.companyId,
    call<R>(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}) {
      return policy.execute((signal) => transport.call<R>(model, method, args, kwargs, signal));
    },
    searchRead<T extends OdooRecord>(
      model: string,
      domain: Domain,
      fields: string[],
      options: SearchOptions = {},
    ) {
      const kwargs: Record<string, unknown> = { fields };
      if (options.limit !== undefined) kwargs.limit = options.limit;
      if (options.offset) kwargs.offset = options.offset;
      if (options.order) kwargs.order = options.order;
      if (options.context) kwargs.context = options.context;
      return client.call<T[]>(model, 'search_read', [domain], kwargs);
    },
    async searchReadAll<T extends OdooRecord>(
      model: string,
      domain: Domain,
      fields: string[],
      pageSize = 500,
    ) {
      const all: T[] = [];
      for (let offset = 0; ; offset += pageSize) {
        const page = await client.searchRead<T>(model, domain, fields, {
          limit: pageSize,
          offset,
          order: 'id asc',
        });
        all.push(...page);
        if (page.length < pageSize) return all;
      }
    },
    read<T extends OdooRecord>(model: string, ids: number[], fields: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return client.call<T[]>(model, 'read', [ids, fields]);
    },
    async create(model: string, values: Record<string, unknown>, context?: Record<string, unknown>) {
      const result = await client.call<number | number[]>(
        model,
        'create',
        [[values]],
        context ? { context } : {},
      );
      return Array.isArray(result) ? (result[0] as number) : result;
    },
    async write(model: string, ids: number[], values: Record<string, unknown>) {
      await client.call(model, 'write', [ids, values]);
    },
  };
  return client;
}
