/**
 * WooCommerce REST v3 client for one store. Authentication follows WooCommerce exactly: HTTP Basic
 * over HTTPS, OAuth 1.0a one-legged (HMAC-SHA256, query-string parameters) over plain HTTP. Every
 * call runs through the store's EndpointPolicy (rate limit + circuit breaker) with a timeout;
 * failures surface as TransientError / PermanentError (see ./errors.ts).
 *
 * @example
 * ```ts
 * const client = new WooClient({ store, policy, log });
 * for await (const page of client.list<WooOrder>('orders', { status: 'processing' })) {
 *   for (const order of page.items) console.log(order.id, order.total);
 * }
 * const result = await client.batch('products', { update: [{ id: 10, stock_quantity: 3, manage_stock: true }] });
 * await client.createOrderNote(727, { note: 'Shipped with DHL 123', customer_note: true });
 * ```
 */
import type { Logger } from 'pino';
import type { EndpointPolicy } from '../../runtime/contracts.js';
import { TransientError } from '../../runtime/errors.js';
import { basicAuthorization } from './auth/basic.js';
import { signOAuth1 } from './auth/oauth1.js';
import {
  BATCH_LIMIT,
  chunkBatch,
  mergeBatchResults,
  readBatchResponse,
  type BatchRequest,
  type BatchResult,
} from './batch.js';
import { errorFromResponse, errorFromTransport, isTransientStatus, parseWooError } from './errors.js';
import { clampPerPage, paginate, type WooPage } from './pagination.js';
import { directPolicy } from './policy.js';
import type { WooQuery, WooStoreConfig } from './types.js';
import { keepAliveFetch } from '../http/keep-alive-fetch.js';

export interface WooClientOptions {
  store: Pick<WooStoreConfig, 'id' | 'url' | 'consumerKey' | 'consumerSecret'>;
  policy?: EndpointPolicy;
  fetch?: typeof fetch;
  log: Logger;
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number;
}

export interface WooResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface WooNote {
  id: number;
  note: string;
  customer_note: boolean;
  author?: string;
  date_created_gmt?: string;
}

export interface WooWebhook {
  id: number;
  name: string;
  status: 'active' | 'paused' | 'disabled';
  topic: string;
  delivery_url: string;
  [key: string]: unknown;
}

export interface WooWebhookInput {
  name?: string;
  status?: 'active' | 'paused' | 'disabled';
  topic?: string;
  delivery_url?: string;
  secret?: string;
}

export interface WooRefundInput {
  amount?: string;
  reason?: string;
  /** Defaults to false here: the hub records refunds, it does not move money through the gateway. */
  api_refund?: boolean;
  api_restock?: boolean;
  line_items?: {
    id: number;
    quantity?: number;
    refund_total?: string;
    refund_tax?: { id: number; refund_total: string }[];
  }[];
}

export class WooClient {
  readonly system: string;
  private readonly base: URL;
  private readonly policy: EndpointPolicy;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: WooClientOptions) {
    this.system = `woocommerce:${options.store.id}`;
    this.base = new URL(options.store.url.endsWith('/') ? options.store.url : `${options.store.url}/`);
    this.policy = options.policy ?? directPolicy(this.system);
    this.fetchImpl = options.fetch ?? keepAliveFetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Builds the signed URL and headers for one call; exposed for tests of the auth rules. */
  prepare(
    method: Method,
    resource: string,
    query: WooQuery = {},
  ): { url: URL; headers: Record<string, string> } {
    const url = new URL(`wp-json/wc/v3/${resource.replace(/^\/+/, '')}`, this.base);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    const credentials = {
      consumerKey: this.options.store.consumerKey,
      consumerSecret: this.options.store.consumerSecret,
    };
    if (url.protocol === 'https:') headers.authorization = basicAuthorization(credentials);
    else signOAuth1(method, url, credentials);
    return { url, headers };
  }

  /** One HTTP call through the policy; throws TransientError / PermanentError on failure. */
  async request<T>(
    method: Method,
    resource: string,
    options: { query?: WooQuery; body?: unknown } = {},
  ): Promise<WooResponse<T>> {
    const started = Date.now();
    const { url, headers } = this.prepare(method, resource, options.query);
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    // Transient outcomes are thrown inside the policy so its breaker counts them; a 404 is an
    // answer, not an outage, so permanent ones are raised after it.
    const raw = await this.policy.execute(async (signal) => {
      let response: Response;
      let text: string;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers,
          ...(payload === undefined ? {} : { body: payload }),
          signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
          redirect: 'manual',
        });
        text = await response.text();
      } catch (error) {
        throw errorFromTransport(this.system, error);
      }
      if (!response.ok && isTransientStatus(response.status, parseWooError(text)?.code)) {
        throw errorFromResponse(this.system, response.status, response.headers, text);
      }
      return { status: response.status, headers: response.headers, text };
    });
    this.options.log.debug(
      { system: this.system, method, resource, status: raw.status, ms: Date.now() - started },
      'woocommerce call',
    );
    if (raw.status < 200 || raw.status >= 300)
      throw errorFromResponse(this.system, raw.status, raw.headers, raw.text);
    try {
      return { status: raw.status, headers: raw.headers, body: JSON.parse(raw.text) as T };
    } catch (error) {
      throw new TransientError(`${this.system} answered ${raw.status} with a body that is not JSON`, {
        system: this.system,
        code: 'invalid_response',
        cause: error,
      });
    }
  }

  async get<T>(resource: string, query?: WooQuery): Promise<T> {
    return (await this.request<T>('GET', resource, query === undefined ? {} : { query })).body;
  }

  async create<T>(resource: string, body: unknown): Promise<T> {
    return (await this.request<T>('POST', resource, { body })).body;
  }

  async update<T>(resource: string, body: unknown): Promise<T> {
    return (await this.request<T>('PUT', resource, { body })).body;
  }

  async delete<T>(resource: string, query: WooQuery = { force: true }): Promise<T> {
    return (await this.request<T>('DELETE', resource, { query })).body;
  }

  /** Iterates a collection page by page (`per_page` ≤ 100), following `X-WP-TotalPages`. */
  list<T>(resource: string, params: WooQuery = {}, startPage = 1): AsyncGenerator<WooPage<T>> {
    const perPage = clampPerPage(typeof params.per_page === 'number' ? params.per_page : undefined);
    return paginate(async (page) => {
      const response = await this.request<T[]>('GET', resource, {
        query: { ...params, per_page: perPage, page },
      });
      return { items: Array.isArray(response.body) ? response.body : [], headers: response.headers };
    }, startPage);
  }

  /** Every item of a collection (for small ones such as webhooks). */
  async listAll<T>(resource: string, params: WooQuery = {}): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.list<T>(resource, params)) all.push(...page.items);
    return all;
  }

  /**
   * `POST <resource>/batch` in chunks of ≤ 100 items; per-item results tell success from the inline
   * `error`. Chunks run in sequence; a transport failure mid-way throws, and re-sending is safe for
   * the updates the hub sends (they set absolute values).
   */
  async batch<T, C = unknown, U = unknown>(
    resource: string,
    request: BatchRequest<C, U>,
    limit: number = BATCH_LIMIT,
  ): Promise<BatchResult<T>> {
    const results: BatchResult<T>[] = [];
    for (const chunk of chunkBatch(request, limit)) {
      results.push(
        readBatchResponse<T>(await this.create<unknown>(`${resource.replace(/\/+$/, '')}/batch`, chunk)),
      );
    }
    return mergeBatchResults(results);
  }

  listOrderNotes(orderId: number): Promise<WooNote[]> {
    return this.listAll<WooNote>(`orders/${orderId}/notes`);
  }

  /** `customer_note: true` makes the note visible to (and emailed to) the customer. */
  createOrderNote(orderId: number, note: { note: string; customer_note?: boolean }): Promise<WooNote> {
    return this.create<WooNote>(`orders/${orderId}/notes`, note);
  }

  listRefunds<T = unknown>(orderId: number): Promise<T[]> {
    return this.listAll<T>(`orders/${orderId}/refunds`);
  }

  createRefund<T = unknown>(orderId: number, refund: WooRefundInput): Promise<T> {
    return this.create<T>(`orders/${orderId}/refunds`, { api_refund: false, ...refund });
  }

  listWebhooks(): Promise<WooWebhook[]> {
    return this.listAll<WooWebhook>('webhooks');
  }

  createWebhook(input: WooWebhookInput): Promise<WooWebhook> {
    return this.create<WooWebhook>('webhooks', input);
  }

  updateWebhook(id: number, input: WooWebhookInput): Promise<WooWebhook> {
    return this.update<WooWebhook>(`webhooks/${id}`, input);
  }

  /** Webhooks cannot be trashed: WooCommerce answers 501 without `force=true`. */
  deleteWebhook(id: number): Promise<WooWebhook> {
    return this.delete<WooWebhook>(`webhooks/${id}`, { force: true });
  }
}
