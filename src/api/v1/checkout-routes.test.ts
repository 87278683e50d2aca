import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AnswerDeps } from '../../flows/inventory/answer-availability.js';
import type { AvailabilityCache } from '../../flows/inventory/availability-cache.js';
import { inventorySettings } from '../../flows/inventory/settings.js';
import { silentLogger } from '../../ops/logger.js';
import { buildServer, route } from '../server.js';
import { checkoutFastPath } from './checkout-fast-path.js';
import { checkoutRoutes } from './checkout-routes.js';

const cache = {
  availability: () => undefined,
  prices: () => [],
  lastFeedSuccess: () => new Date().toISOString(),
} as unknown as AvailabilityCache;
const settings = inventorySettings({ stores: [{ id: 'eu', currency: 'EUR', locations: ['main'] }] as never });

describe('DELETE /v1/checkout/holds/:holdId', () => {
  const live = new Set(['basket-1']);
  const released: string[] = [];
  const deps: AnswerDeps = {
    cache,
    settings,
    stores: [{ id: 'eu', currency: 'EUR' }],
    releaseHolds: async (holdId) => {
      released.push(holdId);
      return live.delete(holdId);
    },
  };
  const apps: FastifyInstance[] = [];
  const base: string[] = [];
  beforeAll(async () => {
    // With the checkout plugin's fast path in front, as the hub serves it, and a hub without holds.
    for (const plugin of [
      { ...route(checkoutRoutes, { ...deps }), fastRoute: checkoutFastPath(deps, { log: silentLogger() }) },
      route(checkoutRoutes, { cache, settings, stores: deps.stores }),
    ]) {
      const app = await buildServer({ log: silentLogger(), plugins: [plugin] });
      await app.listen({ port: 0, host: '127.0.0.1' });
      apps.push(app);
      base.push(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
    }
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
  });
  const remove = (id: string, server = 0) =>
    fetch(`${base[server]}/v1/checkout/holds/${encodeURIComponent(id)}`, { method: 'DELETE' });

  it('204 with no body for a live hold; 404 problem+json once it is gone', async () => {
    const first = await remove('basket-1');
    expect(first.status).toBe(204);
    expect(await first.text()).toBe('');
    const again = await remove('basket-1');
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await again.json()).toMatchObject({ status: 404, code: 'hold_not_found' });
    expect(released).toEqual(['basket-1', 'basket-1']);
  });

  it('404 for an unknown id, and on a hub that takes no holds; an overlong id is refused unread', async () => {
    expect((await remove('no-such-basket')).status).toBe(404);
    const none = await remove('basket-1', 1);
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ code: 'hold_not_found' });
    // Fastify's own limit on a path parameter (100) is the schema's bound.
    expect((await remove('x'.repeat(101))).status).toBe(414);
    expect(released).not.toContain('x'.repeat(101));
  });
});
