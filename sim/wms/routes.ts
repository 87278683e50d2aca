/**
 * The emulator's REST API (documented in `README.md`): fulfilment orders, returns, and the
 * `/_sim/faults` control endpoint. Authentication is `Authorization: Bearer <key>` or `X-API-Key`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventLog } from './event-log.js';
import { withIdempotency } from './idempotency.js';
import type { FulfilmentLifecycle } from './lifecycle.js';
import type { MemoryJournal } from './journal.js';
import { sendWmsProblem, wmsProblem } from './problem.js';
import { chance, type Random } from './random.js';
import {
  check,
  createFulfilmentValidator,
  createReturnValidator,
  faultsPatchValidator,
  type CreateFulfilmentBody,
  type CreateReturnBody,
} from './schemas.js';
import type { WarehouseBooks } from './store.js';
import type { FulfilmentOrder, JournalEntry, ReturnReceipt, WmsFaults } from './types.js';
import { ulid } from 'ulid';

export interface RouteDeps {
  warehouseId: string;
  apiKeys: ReadonlySet<string>;
  books: WarehouseBooks;
  events: EventLog;
  lifecycle: FulfilmentLifecycle;
  faults: { get(): WmsFaults; set(patch: Partial<WmsFaults>): WmsFaults };
  random: Random;
  requests: MemoryJournal<JournalEntry>;
}

export function registerWmsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', (request, reply, done) => gate(deps, request, reply, done));
  app.addHook('onResponse', (request, reply, done) => {
    const key = request.headers['idempotency-key'];
    deps.requests.add({
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      status: reply.statusCode,
      at: new Date().toISOString(),
      ...(typeof key === 'string' ? { idempotencyKey: key } : {}),
    });
    done();
  });
  app.setNotFoundHandler((request, reply) =>
    sendWmsProblem(reply, 404, 'route_not_found', `No route ${request.method} ${request.url}.`),
  );
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    return sendWmsProblem(reply, status, status === 500 ? 'internal_error' : 'bad_request', error.message);
  });

  app.get('/health', async () => ({ status: 'ok', warehouse: deps.warehouseId }));
  app.post('/v1/fulfilment-orders', (request, reply) => createFulfilment(deps, request, reply));
  app.get('/v1/fulfilment-orders', (request, reply) => {
    const reference = (request.query as Record<string, string | undefined>).reference;
    if (reference === undefined || reference === '') {
      return sendWmsProblem(reply, 400, 'reference_required', 'Filter by ?reference=… is required.');
    }
    return reply.send({ data: deps.books.byReference(reference) });
  });
  app.get('/v1/fulfilment-orders/:id', (request, reply) => {
    const order = deps.books.get((request.params as { id: string }).id);
    return order
      ? reply.send(order)
      : sendWmsProblem(reply, 404, 'fulfilment_order_not_found', 'No such fulfilment order.');
  });
  app.post('/v1/fulfilment-orders/:id/cancel', (request, reply) => {
    const order = deps.books.get((request.params as { id: string }).id);
    if (!order) return sendWmsProblem(reply, 404, 'fulfilment_order_not_found', 'No such fulfilment order.');
    if (!deps.lifecycle.cancel(order)) {
      return sendWmsProblem(
        reply,
        409,
        'already_shipped',
        'The fulfilment order has shipped and can no longer be cancelled.',
        {
          fulfilmentStatus: order.status,
        },
      );
    }
    return reply.send(order);
  });
  app.get('/v1/events', (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const after = Number(query.after ?? '0');
    const limit = Number(query.limit ?? '100');
    if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1 || limit > 500) {
      return sendWmsProblem(reply, 400, 'invalid_query', 'after must be an integer >= 0 and limit 1–500.');
    }
    return reply.send(deps.events.after(after, limit));
  });
  app.post('/v1/returns', (request, reply) => receiveReturn(deps, request, reply));
  app.get('/_sim/faults', async () => deps.faults.get());
  app.put('/_sim/faults', (request, reply) => {
    const parsed = parseJson(request.body);
    const result = parsed.ok ? check<Partial<WmsFaults>>(faultsPatchValidator, parsed.value) : parsed;
    if (!result.ok)
      return sendWmsProblem(reply, 400, 'validation_failed', 'Invalid fault settings.', {
        errors: result.errors,
      });
    return reply.send(deps.faults.set(result.value));
  });
}

function gate(deps: RouteDeps, request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (request.url === '/health') return done();
  const authorization = request.headers.authorization;
  const key = authorization?.startsWith('Bearer ') ? authorization.slice(7) : request.headers['x-api-key'];
  if (typeof key !== 'string' || !deps.apiKeys.has(key)) {
    void sendWmsProblem(reply, 401, 'unauthorized', 'Missing or invalid API key.');
    return;
  }
  if (!request.url.startsWith('/v1/')) return done();
  const faults = deps.faults.get();
  const proceed = () => {
    if (chance(deps.random, faults.rate429)) {
      reply.header('retry-after', String(faults.retryAfterSeconds));
      void sendWmsProblem(reply, 429, 'rate_limited', 'Too many requests.');
    } else if (chance(deps.random, faults.rate5xx)) {
      void sendWmsProblem(
        reply,
        503,
        'service_unavailable',
        'The warehouse system is temporarily unavailable.',
      );
    } else {
      done();
    }
  };
  if (faults.delayMs > 0) setTimeout(proceed, faults.delayMs);
  else proceed();
}

function parseJson(
  body: unknown,
): { ok: true; value: unknown } | { ok: false; errors: { path: string; message: string }[] } {
  if (typeof body !== 'string')
    return { ok: false, errors: [{ path: '/', message: 'expected a JSON body' }] };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '/', message: error instanceof Error ? error.message : 'malformed JSON' }],
    };
  }
}

type Validator = Parameters<typeof check>[0];

/** Parses and validates a JSON body; on failure the 400 problem is already sent. */
function readBody<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  validator: Validator,
  what: string,
): { raw: string; value: T } | undefined {
  const parsed = parseJson(request.body);
  if (!parsed.ok) {
    void sendWmsProblem(reply, 400, 'malformed_json', 'The body is not valid JSON.', {
      errors: parsed.errors,
    });
    return undefined;
  }
  const valid = check<T>(validator, parsed.value);
  if (!valid.ok) {
    void sendWmsProblem(reply, 400, 'validation_failed', `The ${what} is invalid.`, { errors: valid.errors });
    return undefined;
  }
  return { raw: request.body as string, value: valid.value };
}

function createFulfilment(deps: RouteDeps, request: FastifyRequest, reply: FastifyReply) {
  const read = readBody<CreateFulfilmentBody>(request, reply, createFulfilmentValidator, 'fulfilment order');
  if (!read) return reply;
  const { raw, value: body } = read;
  if (body.warehouse !== deps.warehouseId) {
    return sendWmsProblem(
      reply,
      422,
      'unknown_warehouse',
      `This endpoint serves warehouse "${deps.warehouseId}".`,
    );
  }
  const refs = body.lines.map((line) => line.lineRef);
  if (new Set(refs).size !== refs.length) {
    return sendWmsProblem(reply, 422, 'duplicate_line_ref', 'Each line needs its own lineRef.');
  }
  return withIdempotency(deps.books, 'fulfilment-orders', request, reply, raw, () => {
    const open = deps.books.byReference(body.reference).find((order) => order.status !== 'cancelled');
    if (open) {
      return {
        status: 409,
        body: wmsProblem(409, 'reference_exists', 'An open fulfilment order already has this reference.', {
          existingId: open.id,
        }),
      };
    }
    const now = new Date().toISOString();
    const order: FulfilmentOrder = {
      id: deps.books.nextOrderId(),
      reference: body.reference,
      warehouse: body.warehouse,
      status: 'accepted',
      lines: body.lines.map((line) => ({ lineRef: line.lineRef, sku: line.sku, quantity: line.quantity })),
      shipTo: body.shipTo,
      ...(body.carrierHint === undefined ? {} : { carrierHint: body.carrierHint }),
      shipments: [],
      unfulfilledLines: [],
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    };
    deps.books.addOrder(order);
    deps.lifecycle.start(order);
    return { status: 201, body: structuredClone(order) };
  });
}

function receiveReturn(deps: RouteDeps, request: FastifyRequest, reply: FastifyReply) {
  const read = readBody<CreateReturnBody>(request, reply, createReturnValidator, 'return');
  if (!read) return reply;
  const valid = read;
  return withIdempotency(deps.books, 'returns', request, reply, read.raw, () => {
    const receipt: ReturnReceipt = {
      id: deps.books.nextReturnId(),
      reference: valid.value.reference,
      warehouse: deps.warehouseId,
      status: 'received',
      lines: valid.value.lines,
      receivedAt: new Date().toISOString(),
    };
    deps.books.addReturn(receipt);
    deps.lifecycle.emitStandalone(receipt.id, {
      id: `evt_${ulid()}`,
      type: 'return.received',
      createdAt: receipt.receivedAt,
      warehouse: deps.warehouseId,
      sequence: 1,
      return: receipt,
    });
    return { status: 201, body: receipt };
  });
}
