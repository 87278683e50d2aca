/**
 * With `server.storefrontToken` set, the hub as `createHub` builds it answers the storefront APIs
 * (availability, checkout validate and holds) only to callers with the token — on its node:http fast
 * paths and its Fastify routes alike — while webhooks and health stay as they were.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHub, type Hub } from '../../src/app/create-hub.js';
import { startDemoSystems, type DemoSystems } from '../../src/demo/demo-systems.js';
import { silentLogger } from '../../src/ops/logger.js';

const TOKEN = 'storefront-e2e-token';
let systems: DemoSystems;
let hub: Hub;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'retail-hub-storefront-'));
  systems = await startDemoSystems({ hubUrl: 'http://127.0.0.1:1' });
  const base = systems.hubConfig({ port: 0, databasePath: join(dir, 'hub.db') });
  hub = await createHub({
    config: { ...base, server: { ...base.server, storefrontToken: TOKEN } },
    log: silentLogger(),
    role: 'api',
    port: 0,
  });
  await hub.start();
});
afterAll(async () => {
  await hub.stop();
  await systems.close();
  await rm(dir, { recursive: true, force: true });
});

const call = async (path: string, init: RequestInit & { token?: string } = {}) => {
  const { token, ...rest } = init;
  const response = await fetch(`${hub.url}${path}`, {
    ...rest,
    headers: {
      ...(rest.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
};

it('refuses availability, checkout and hold release without the token', async () => {
  const basket = JSON.stringify({ store: 'eu', lines: [{ sku: 'MUG-ENAMEL', quantity: 1 }], hold: true });
  for (const [path, init] of [
    ['/v1/availability?store=eu&sku=MUG-ENAMEL', {}],
    ['/v1/availability?store=eu', {}],
    ['/v1/checkout/validate', { method: 'POST', body: basket }],
    ['/v1/checkout/holds/h-1', { method: 'DELETE' }],
  ] as const) {
    for (const token of [undefined, 'wrong']) {
      const answer = await call(path, { ...init, ...(token ? { token } : {}) });
      expect(answer.status, `${path} with ${token ?? 'no token'}`).toBe(401);
      expect(answer.body.code).toBe('storefront_token_required');
    }
  }
});

it('answers them with the token; health and webhooks do not need it', async () => {
  expect((await call('/v1/availability?store=eu&sku=MUG-ENAMEL', { token: TOKEN })).status).toBe(200);
  expect((await call('/v1/availability?store=eu', { token: TOKEN })).body.code).toBe('invalid_request');
  const validated = await call('/v1/checkout/validate', {
    method: 'POST',
    token: TOKEN,
    body: JSON.stringify({ store: 'eu', lines: [{ sku: 'MUG-ENAMEL', quantity: 1 }] }),
  });
  expect(validated.status).toBe(200);
  expect((await call('/v1/checkout/holds/h-1', { method: 'DELETE', token: TOKEN })).body.code).toBe(
    'hold_not_found',
  );
  expect((await call('/health/live')).status).toBe(200);
  const webhook = await call('/webhooks/woocommerce/eu', { method: 'POST', body: '{}' });
  expect(webhook.body.code).toBe('signature_missing');
});
