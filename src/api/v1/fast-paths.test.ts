import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AnswerDeps } from '../../flows/inventory/answer-availability.js';
import type { AvailabilityCache, CachedAvailability } from '../../flows/inventory/availability-cache.js';
import { inventorySettings } from '../../flows/inventory/settings.js';
import { silentLogger } from '../../ops/logger.js';
import { buildServer, route, type FastRoute, type RoutePlugin } from '../server.js';
import { availabilityFastPath, plainQuery } from './availability-fast-path.js';
import { availabilityRoutes } from './availability-routes.js';
import { checkoutFastPath } from './checkout-fast-path.js';
import { checkoutRoutes } from './checkout-routes.js';

const row: CachedAvailability = {
  available: 7,
  onHand: 10,
  reserved: 3,
  safetyStock: 0,
  asOf: '2026-11-23T10:00:00.000Z',
  computedAt: '2026-11-23T10:00:01.000Z',
};
const price = {
  price_list: '1',
  currency: 'EUR',
  regular: '12.00',
  sale: null,
  sale_from: null,
  sale_to: null,
  updated_at: '2026-11-23T10:00:00.000Z',
};
const deps: AnswerDeps = {
  cache: {
    availability: (store: string, sku: string) => (store === 'eu' && sku === 'MUG' ? row : undefined),
    prices: (sku: string) => (sku === 'MUG' ? [price] : []),
    lastFeedSuccess: () => new Date().toISOString(),
  } as unknown as AvailabilityCache,
  settings: inventorySettings({ stores: [{ id: 'eu', currency: 'EUR', locations: ['main'] }] as never }),
  stores: [{ id: 'eu', currency: 'EUR' }],
};

/** The same routes twice: with the fast path in front (counting what it answers) and without. */
function twins(plugin: RoutePlugin, fastRoute: FastRoute) {
  const servers: FastifyInstance[] = [];
  const urls: string[] = [];
  const state = { hits: 0 };
  beforeAll(async () => {
    const counted: FastRoute = (req, res) => fastRoute(req, res) && (state.hits += 1) > 0;
    for (const plugins of [[{ ...plugin, fastRoute: counted }], [plugin]]) {
      const app = await buildServer({ log: silentLogger(), plugins });
      await app.listen({ port: 0, host: '127.0.0.1' });
      servers.push(app);
      urls.push(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  /** Both answers to one request: status, content type and correlation id must agree; bodies returned. */
  const both = async (path: string, init: RequestInit = {}) => {
    const answers = await Promise.all(
      urls.map((base) =>
        fetch(`${base}${path}`, { ...init, headers: { ...init.headers, 'x-correlation-id': 'c-1' } }),
      ),
    );
    const [fast, plain] = answers as [Response, Response];
    expect(fast.status).toBe(plain.status);
    expect(fast.headers.get('content-type')).toBe(plain.headers.get('content-type'));
    expect(fast.headers.get('x-correlation-id')).toBe('c-1');
    return Promise.all([fast.json(), plain.json()]) as Promise<
      [Record<string, unknown>, Record<string, unknown>]
    >;
  };
  return { both, state };
}

/** `ageSeconds` may move by a tenth between the two requests. */
const sameAnswer = ([fast, plain]: [Record<string, unknown>, Record<string, unknown>]) =>
  expect(fast).toEqual('ageSeconds' in fast ? { ...plain, ageSeconds: fast.ageSeconds } : plain);

describe('availability fast path', () => {
  it('accepts only what the route schema accepts', () => {
    expect(plainQuery('store=eu&sku=MUG&sku=A%20B')).toEqual({ store: 'eu', skus: ['MUG', 'A B'] });
    expect(plainQuery('store=eu')).toBeUndefined();
    expect(plainQuery('store=eu&sku=')).toBeUndefined();
    expect(plainQuery('store=eu&sku=MUG&extra=1')).toBeUndefined();
    expect(plainQuery('store=eu&store=uk&sku=MUG')).toBeUndefined();
    expect(plainQuery(`store=eu&${'sku=A&'.repeat(101)}`)).toBeUndefined();
  });

  const { both, state } = twins(route(availabilityRoutes, { ...deps }), availabilityFastPath(deps));
  it('answers exactly as the route does, with the same headers, and leaves the rest to it', async () => {
    for (const query of [
      'store=eu&sku=MUG&sku=NONE',
      'store=xx&sku=MUG',
      'store=eu',
      'store=eu&sku=MUG&more=1',
    ])
      sameAnswer(await both(`/v1/availability?${query}`));
    expect(state.hits).toBe(1); // only the valid query for a known store was answered before Fastify
  });
});

describe('checkout fast path', () => {
  const { both, state } = twins(
    route(checkoutRoutes, { ...deps }),
    checkoutFastPath(deps, { log: silentLogger() }),
  );
  const post = (body: string, type = 'application/json') =>
    both('/v1/checkout/validate', { method: 'POST', body, headers: { 'content-type': type } });

  it('answers baskets and bad input as the route does; other content types are left to it', async () => {
    const line = (quantity: number, expectedPrice?: string) => ({ sku: 'MUG', quantity, expectedPrice });
    for (const body of [
      { store: 'eu', lines: [line(2, '12.00'), { sku: 'NONE', quantity: 1 }] },
      { store: 'eu', lines: [line(8)] },
      { store: 'eu', lines: [line(1, '11.00')] },
      { store: 'xx', lines: [line(1)] },
      { store: 'eu', lines: [{ sku: 'MUG', quantity: 0, colour: 'red' }] },
    ])
      sameAnswer(await post(JSON.stringify(body)));
    const [fast, plain] = await post('{"store":');
    expect([fast.code, plain.code]).toEqual(['malformed_json', 'malformed_json']);
    sameAnswer(await post('store=eu', 'text/plain'));
    expect(state.hits).toBe(6);
  });
});

describe('checkout fast path with hold: true', () => {
  const held: AnswerDeps = {
    ...deps,
    takeHolds: async () => ({ ok: true, heldUntil: '2026-11-23T10:01:00.000Z', holdId: 'basket-1' }),
  };
  const { both, state } = twins(
    route(checkoutRoutes, { ...held }),
    checkoutFastPath(held, { log: silentLogger() }),
  );

  it('both return the basket’s holdId beside heldUntil (the route’s response schema keeps it)', async () => {
    const body = { store: 'eu', hold: true, lines: [{ sku: 'MUG', quantity: 2 }] };
    const answers = await both('/v1/checkout/validate', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    sameAnswer(answers);
    expect(answers[1]).toMatchObject({ ok: true, heldUntil: '2026-11-23T10:01:00.000Z', holdId: 'basket-1' });
    expect(state.hits).toBe(1);
  });
});
