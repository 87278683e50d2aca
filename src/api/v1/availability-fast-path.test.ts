import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AnswerDeps } from '../../flows/inventory/answer-availability.js';
import type { AvailabilityCache, CachedAvailability } from '../../flows/inventory/availability-cache.js';
import { inventorySettings } from '../../flows/inventory/settings.js';
import { silentLogger } from '../../ops/logger.js';
import { buildServer, route } from '../server.js';
import { availabilityFastPath, plainQuery } from './availability-fast-path.js';
import { availabilityRoutes } from './availability-routes.js';

const row: CachedAvailability = {
  available: 7,
  onHand: 10,
  reserved: 3,
  safetyStock: 0,
  asOf: '2026-11-23T10:00:00.000Z',
  computedAt: '2026-11-23T10:00:01.000Z',
};
const deps: AnswerDeps = {
  cache: {
    availability: (store: string, sku: string) => (store === 'eu' && sku === 'MUG' ? row : undefined),
    prices: () => [],
    lastFeedSuccess: () => new Date().toISOString(),
  } as unknown as AvailabilityCache,
  settings: inventorySettings({ stores: [{ id: 'eu', currency: 'EUR', locations: ['main'] }] as never }),
  stores: [{ id: 'eu', currency: 'EUR' }],
};

describe('availability fast path', () => {
  it('accepts only what the route schema accepts', () => {
    expect(plainQuery('store=eu&sku=MUG&sku=A%20B')).toEqual({ store: 'eu', skus: ['MUG', 'A B'] });
    expect(plainQuery('store=eu')).toBeUndefined();
    expect(plainQuery('store=eu&sku=')).toBeUndefined();
    expect(plainQuery('store=eu&sku=MUG&extra=1')).toBeUndefined();
    expect(plainQuery('store=eu&store=uk&sku=MUG')).toBeUndefined();
    expect(plainQuery(`store=eu&${'sku=A&'.repeat(101)}`)).toBeUndefined();
  });

  describe('in front of the Fastify route', () => {
    let fast: FastifyInstance;
    let plain: FastifyInstance;
    const listen = async (app: FastifyInstance) => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    };
    let fastUrl = '';
    let hits = 0;
    let plainUrl = '';
    beforeAll(async () => {
      const plugin = route(availabilityRoutes, { ...deps });
      const fastRoute = availabilityFastPath(deps);
      fast = await buildServer({
        log: silentLogger(),
        plugins: [{ ...plugin, fastRoute: (req, res) => fastRoute(req, res) && (hits += 1) > 0 }],
      });
      plain = await buildServer({ log: silentLogger(), plugins: [plugin] });
      fastUrl = await listen(fast);
      plainUrl = await listen(plain);
    });
    afterAll(async () => {
      await fast.close();
      await plain.close();
    });

    it('answers exactly as the route does, with the same headers, and leaves the rest to it', async () => {
      for (const path of [
        '/v1/availability?store=eu&sku=MUG&sku=NONE',
        '/v1/availability?store=xx&sku=MUG',
        '/v1/availability?store=eu',
        '/v1/availability?store=eu&sku=MUG&more=1',
      ]) {
        const [a, b] = await Promise.all(
          [fastUrl, plainUrl].map((base) =>
            fetch(`${base}${path}`, { headers: { 'x-correlation-id': 'c-1' } }),
          ),
        );
        expect(a!.status).toBe(b!.status);
        expect(a!.headers.get('content-type')).toBe(b!.headers.get('content-type'));
        expect(a!.headers.get('x-correlation-id')).toBe('c-1');
        const [bodyA, bodyB] = await Promise.all([a!.json(), b!.json()]);
        expect(bodyA).toEqual({ ...(bodyB as object), ...pick(bodyA, ['ageSeconds']) });
      }
      expect(hits).toBe(1); // only the valid query for a known store was answered before Fastify
    });
  });
});

const pick = (value: unknown, keys: string[]) =>
  Object.fromEntries(
    keys.filter((k) => k in (value as object)).map((k) => [k, (value as Record<string, unknown>)[k]]),
  );
