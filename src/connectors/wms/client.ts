/**
 * HTTP client for a warehouse's WMS (the REST API in `sim/wms/README.md`). Every call goes through
 * the endpoint's policy (rate limit, circuit breaker, timeout) when one is given; failures surface
 * as the runtime's error classes (see `errors.ts`). Responses are checked against a schema so a
 * WMS answering nonsense is a permanent error, not a crash in a flow.
 *
 * @example
 * ```ts
 * import { createWmsClient } from './client.js';
 * const wms = createWmsClient({ warehouseId: 'main', baseUrl: 'http://127.0.0.1:9100', apiKey: 'wms-dev-key' });
 * const order = await wms.createFulfilment(body, 'orders.eu.727/ff-1'); // same key again → same order
 * await wms.cancelFulfilment(order.id);
 * ```
 */
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { EndpointPolicy } from '../../runtime/contracts.js';
import { PermanentError } from '../../runtime/errors.js';
import { wmsErrorFromResponse, wmsErrorFromTransport } from './errors.js';
import { WmsEventSchema, type WmsEvent } from './event-schema.js';
import type { WmsFulfilmentRequestBody } from './mapping.js';
import { keepAliveFetch } from '../http/keep-alive-fetch.js';

const Line = Type.Object({ lineRef: Type.String(), sku: Type.String(), quantity: Type.Integer() });
export const WmsFulfilmentOrderSchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  reference: Type.String(),
  warehouse: Type.String(),
  status: Type.String(),
  lines: Type.Array(Line),
  shipments: Type.Array(
    Type.Object({
      id: Type.String(),
      carrier: Type.String(),
      trackingNumber: Type.String(),
      trackingUrl: Type.Optional(Type.String()),
      shippedAt: Type.String(),
      lines: Type.Array(Line),
    }),
  ),
  unfulfilledLines: Type.Array(
    Type.Object({
      lineRef: Type.String(),
      sku: Type.String(),
      quantity: Type.Integer(),
      reason: Type.String(),
    }),
  ),
  sequence: Type.Optional(Type.Integer()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type WmsFulfilmentOrder = Static<typeof WmsFulfilmentOrderSchema>;

export const WmsReturnReceiptSchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  reference: Type.String(),
  status: Type.String(),
  lines: Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer(), condition: Type.String() })),
  receivedAt: Type.String(),
});
export type WmsReturnReceipt = Static<typeof WmsReturnReceiptSchema>;

const orderValidator = Compile(WmsFulfilmentOrderSchema);
const listValidator = Compile(Type.Object({ data: Type.Array(WmsFulfilmentOrderSchema) }));
const returnValidator = Compile(WmsReturnReceiptSchema);
const eventPageValidator = Compile(
  Type.Object({
    data: Type.Array(WmsEventSchema),
    next: Type.Integer({ minimum: 0 }),
    hasMore: Type.Boolean(),
  }),
);

const stockPageValidator = Compile(
  Type.Object({
    data: Type.Array(
      Type.Object({
        position: Type.Integer({ minimum: 1 }),
        sku: Type.String({ minLength: 1 }),
        onHand: Type.Integer(),
        changedAt: Type.String(),
      }),
    ),
    next: Type.Integer({ minimum: 0 }),
    hasMore: Type.Boolean(),
  }),
);

/** One page of a supplier's stock-level feed (`GET /v1/stock-levels`); same paging as events. */
export interface WmsStockPage {
  data: { position: number; sku: string; onHand: number; changedAt: string }[];
  next: number;
  hasMore: boolean;
}

/** One page of the WMS event feed; ask again with `after: next` while `hasMore`. */
export interface WmsEventPage {
  data: WmsEvent[];
  next: number;
  hasMore: boolean;
}

export interface WmsClientOptions {
  warehouseId: string;
  baseUrl: string;
  apiKey: string;
  policy?: EndpointPolicy;
  /** Per-call timeout when no policy supplies one; default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface WmsReturnBody {
  reference: string;
  lines: { sku: string; quantity: number; condition: 'sellable' | 'damaged' | 'opened' | 'missing_parts' }[];
}

export interface WmsClient {
  readonly system: string;
  /** 201 for a new order, 200 when the WMS replays the key's first answer: both return the order. */
  createFulfilment(body: WmsFulfilmentRequestBody, idempotencyKey: string): Promise<WmsFulfilmentOrder>;
  /** Undefined when the WMS does not know the id. */
  getFulfilment(id: string): Promise<WmsFulfilmentOrder | undefined>;
  findByReference(reference: string): Promise<WmsFulfilmentOrder[]>;
  /** Throws PermanentError `already_shipped` when it is too late. */
  cancelFulfilment(id: string): Promise<WmsFulfilmentOrder>;
  receiveReturn(body: WmsReturnBody, idempotencyKey: string): Promise<WmsReturnReceipt>;
  /** The event feed after a position (0 = from the start): the same events the webhooks carry. */
  listEvents(after: number, limit?: number): Promise<WmsEventPage>;
  /** The stock-level feed after a position (drop-ship suppliers publish their own stock). */
  listStockLevels(after: number, limit?: number): Promise<WmsStockPage>;
}

interface Validator<T> {
  Check(value: unknown): value is T;
}

export function createWmsClient(options: WmsClientOptions): WmsClient {
  const system = `wms:${options.warehouseId}`;
  const doFetch = options.fetch ?? keepAliveFetch;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function call<T>(
    method: string,
    path: string,
    validator: Validator<T>,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<{ status: number; value: T } | { status: 404 }> {
    const run = async (signal: AbortSignal) => {
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal,
        });
      } catch (error) {
        throw wmsErrorFromTransport(system, error);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        throw wmsErrorFromTransport(system, error);
      }
      if (response.status === 404 && method === 'GET') return { status: 404 as const };
      if (!response.ok) throw wmsErrorFromResponse(system, response.status, response.headers, text);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new PermanentError(`${system} answered ${response.status} with a body that is not JSON`, {
          system,
          code: 'invalid_response',
        });
      }
      if (!validator.Check(value)) {
        throw new PermanentError(`${system} answered ${response.status} with an unexpected body`, {
          system,
          code: 'invalid_response',
        });
      }
      return { status: response.status, value };
    };
    if (options.policy) return options.policy.execute(run);
    return run(AbortSignal.timeout(options.timeoutMs ?? 10_000));
  }

  const found = <T>(result: { status: number; value: T } | { status: 404 }): T | undefined =>
    'value' in result ? result.value : undefined;
  const required = <T>(result: { status: number; value: T } | { status: 404 }): T => {
    if ('value' in result) return result.value;
    throw new PermanentError(`${system} answered 404`, { system, code: 'not_found' });
  };

  return {
    system,
    createFulfilment: async (body, key) =>
      required(await call('POST', '/v1/fulfilment-orders', orderValidator, body, key)),
    getFulfilment: async (id) =>
      found(await call('GET', `/v1/fulfilment-orders/${encodeURIComponent(id)}`, orderValidator)),
    findByReference: async (reference) =>
      found(
        await call('GET', `/v1/fulfilment-orders?reference=${encodeURIComponent(reference)}`, listValidator),
      )?.data ?? [],
    cancelFulfilment: async (id) =>
      required(await call('POST', `/v1/fulfilment-orders/${encodeURIComponent(id)}/cancel`, orderValidator)),
    receiveReturn: async (body, key) =>
      required(await call('POST', '/v1/returns', returnValidator, body, key)),
    listEvents: async (after, limit = 100) =>
      required(await call('GET', `/v1/events?after=${after}&limit=${limit}`, eventPageValidator)),
    listStockLevels: async (after, limit = 500) =>
      required(await call('GET', `/v1/stock-levels?after=${after}&limit=${limit}`, stockPageValidator)),
  };
}
