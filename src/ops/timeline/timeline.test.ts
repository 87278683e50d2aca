import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderActions } from '../../cli/commands/orders.js';
import { buildOrder } from '../../../test/flows/order-fixture.js';
import { startSagaHarness, type SagaHarness } from '../../../test/flows/saga-harness.js';
import { timelineRoutes } from './routes.js';

describe('order timeline: HTTP and CLI', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await startSagaHarness();
    await h.receive(buildOrder({ id: '727', lines: [{ sku: 'TEE-M', quantity: 1, unitPrice: '20.00' }] }));
    await h.ship('eu', '727', 'WC-eu-727/main/1');
  });
  afterEach(async () => {
    await h.stop();
  });

  it('answers GET /v1/orders/:storeId/:orderId/timeline with systems, state and entries', async () => {
    const app = Fastify();
    await app.register(timelineRoutes, { db: h.store.db });
    const response = await app.inject({ method: 'GET', url: '/v1/orders/eu/727/timeline' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      order: {
        state: string;
        systems: { erp: { name: string }; wms: { location: string; status: string }[] };
      };
      entries: { kind: string; system: string }[];
    }>();
    expect(body.order.state).toBe('settled');
    expect(body.order.systems.erp.name).toBe('S00001');
    expect(body.order.systems.wms).toEqual([
      expect.objectContaining({ location: 'main', status: 'shipped' }),
    ]);
    expect(body.entries.some((e) => e.kind === 'effect' && e.system === 'odoo')).toBe(true);
    const missing = await app.inject({ method: 'GET', url: '/v1/orders/eu/999/timeline' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json<{ code: string }>().code).toBe('order_not_found');
    const bad = await app.inject({ method: 'GET', url: '/v1/orders/EU!/727/timeline' });
    expect(bad.statusCode).toBe(400);
    await app.close();
  });

  it('prints the same as a narrative and as JSON from the CLI actions', async () => {
    let out = '';
    const actions = orderActions(h.store.db, (text) => (out += text));
    expect(await actions.show('eu', '727', false)).toBe(true);
    expect(out).toContain('Order eu/727 — settled');
    expect(out).toContain('ERP: S00001');
    out = '';
    await actions.show('eu', '727', true);
    expect(JSON.parse(out).order.state).toBe('settled');
    out = '';
    expect(await actions.list('settled', 10, false)).toBe(1);
    expect(out).toContain('eu/727');
    expect(await actions.show('eu', '1', false)).toBe(false);
  });
});
