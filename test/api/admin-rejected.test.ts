/**
 * The admin API for refused webhooks (`/v1/admin/rejected`): list with filters, show one (body as
 * text or base64), replay one or by filter through the ingress's checks with the configuration as
 * it is now, behind the admin token; problem+json for bad input and unknown ids.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminRoutes } from '../../src/api/admin/admin-routes.js';
import { buildServer, route } from '../../src/api/server.js';
import { createRejectedReplay } from '../../src/app/rejected-replay.js';
import { signWooPayload } from '../../src/connectors/woocommerce/signature.js';
import { signWmsBody } from '../../src/connectors/wms/signature.js';
import { shippedEvent } from '../../src/connectors/wms/test-events.js';
import { silentLogger } from '../../src/ops/logger.js';
import { createRuntime, type Runtime } from '../../src/runtime/create-runtime.js';
import {
  createRejectedMessages,
  type RejectedInput,
  type RejectedMessages,
} from '../../src/runtime/dead-letters/rejected-messages.js';
import { openTestDatabase, type TestDatabase } from '../runtime/helpers.js';

const TOKEN = 'admin-token-1';
const WMS_SECRET = 'wms-secret';
const WOO_SECRET = 'woo-secret';
const AUTH = { authorization: `Bearer ${TOKEN}` };

let store: TestDatabase;
let runtime: Runtime;
let rejected: RejectedMessages;
let app: FastifyInstance;

beforeEach(async () => {
  store = await openTestDatabase('sqlite');
  runtime = createRuntime({ db: store.db, dialect: store.dialect, log: silentLogger() });
  rejected = createRejectedMessages(store.db, { maxBodyBytes: 4096 });
  app = await buildServer({
    log: silentLogger(),
    plugins: [
      route(adminRoutes, {
        deadLetters: runtime.deadLetters,
        parked: runtime.parked,
        token: TOKEN,
        rejected,
        replayRejected: createRejectedReplay({
          stores: [{ id: 'eu', webhookSecret: WOO_SECRET }],
          warehouses: [{ id: 'main', webhookSecret: WMS_SECRET }],
          inbox: runtime.inbox,
          log: silentLogger(),
        }),
      }),
    ],
  });
});
afterEach(async () => {
  await app.close();
  await runtime.stop();
  await store.close();
});

/** A WMS delivery as the route would have kept it; signed with `secret`. */
function wmsRefusal(reason: string, secret: string, id: string, sequence: number): RejectedInput {
  const body = JSON.stringify(shippedEvent({ id, sequence }));
  const timestamp = String(Math.floor(Date.now() / 1000) - 86_400); // a day old: no window on replay
  return {
    ingress: 'wms',
    target: 'main',
    reason,
    detail: 'X-WMS-Signature / X-WMS-Timestamp do not verify for this warehouse.',
    headers: {
      'x-wms-timestamp': timestamp,
      'x-wms-signature': signWmsBody(secret, timestamp, body),
      'x-wms-event-id': id,
    },
    body: Buffer.from(body),
    correlationId: `c-${id}`,
  };
}

const replay = (id: string | undefined) =>
  app.inject({ method: 'POST', url: `/v1/admin/rejected/${id}/replay`, headers: AUTH });

async function keep(...inputs: RejectedInput[]): Promise<string[]> {
  for (const input of inputs) expect(rejected.record(input)).toBe(true);
  await rejected.flush();
  const all = await rejected.list({ includeReplayed: true });
  return all.map((m) => m.id);
}

const ORDER = '{"id":41,"date_modified_gmt":"2026-01-01T10:00:00","status":"processing","refunds":[]}';
const wooRefusal: RejectedInput = {
  ingress: 'woocommerce',
  target: 'eu',
  reason: 'signature_invalid',
  detail: 'X-WC-Webhook-Signature does not match.',
  headers: {
    'content-type': 'application/json',
    'x-wc-webhook-topic': 'order.updated',
    'x-wc-webhook-resource': 'order',
    'x-wc-webhook-delivery-id': 'd-41',
    'x-wc-webhook-signature': signWooPayload(ORDER, WOO_SECRET),
  },
  body: Buffer.from(ORDER),
  correlationId: 'c-woo',
};

describe('/v1/admin/rejected', () => {
  it('lists refusals by ingress and reason, without bodies', async () => {
    await keep(
      wmsRefusal('signature_invalid', WMS_SECRET, 'evt_a', 4),
      wmsRefusal('timestamp_out_of_tolerance', WMS_SECRET, 'evt_b', 5),
      wooRefusal,
    );
    const all = await app.inject({ url: '/v1/admin/rejected', headers: AUTH });
    expect(all.statusCode).toBe(200);
    const items = all.json<{ items: Record<string, unknown>[] }>().items;
    expect(items.map((m) => [m.ingress, m.reason])).toEqual([
      ['wms', 'signature_invalid'],
      ['wms', 'timestamp_out_of_tolerance'],
      ['woocommerce', 'signature_invalid'],
    ]);
    expect(items[0]).not.toHaveProperty('body');
    expect(items[0]).toMatchObject({ target: 'main', correlationId: 'c-evt_a', truncated: false });

    const wms = await app.inject({ url: '/v1/admin/rejected?ingress=wms&limit=1', headers: AUTH });
    expect(wms.json<{ items: { correlationId: string }[] }>().items.map((m) => m.correlationId)).toEqual([
      'c-evt_a',
    ]);
    const byReason = await app.inject({ url: '/v1/admin/rejected?reason=signature_invalid', headers: AUTH });
    expect(byReason.json<{ items: { ingress: string }[] }>().items.map((m) => m.ingress)).toEqual([
      'wms',
      'woocommerce',
    ]);
  });

  it('shows one with its body as text, or as base64 when it is not UTF-8', async () => {
    const [textId, binaryId] = await keep(wooRefusal, {
      ...wooRefusal,
      body: Buffer.from([0xff, 0xfe, 0x00, 0x41]),
      correlationId: 'c-binary',
    });
    const text = await app.inject({ url: `/v1/admin/rejected/${textId}`, headers: AUTH });
    expect(text.statusCode).toBe(200);
    expect(text.json()).toMatchObject({
      id: textId,
      body: ORDER,
      headers: { 'x-wc-webhook-delivery-id': 'd-41' },
    });
    expect(text.json()).not.toHaveProperty('bodyBase64');
    const binary = await app.inject({ url: `/v1/admin/rejected/${binaryId}`, headers: AUTH });
    expect(binary.json()).toMatchObject({ correlationId: 'c-binary', bodyBase64: '//4AQQ==' });
    expect(binary.json()).not.toHaveProperty('body');
  });

  it('replays one into the inbox and records it; a refusal that still fails says why', async () => {
    const [fixedId, forgedId] = await keep(
      wmsRefusal('signature_invalid', WMS_SECRET, 'evt_a', 4),
      wmsRefusal('signature_invalid', 'not-the-secret', 'evt_b', 5),
    );
    const fixed = await replay(fixedId);
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toEqual({ result: 'accepted', done: true });
    const forged = await replay(forgedId);
    expect(forged.statusCode).toBe(200);
    expect(forged.json()).toEqual({ result: 'signature_invalid', done: false });
    const inbox = await store.db.selectFrom('inbox').select(['source', 'dedupe_key']).execute();
    expect(inbox).toEqual([{ source: 'wms:main', dedupe_key: 'evt_a' }]);

    // The replayed one leaves the default listing; includeReplayed shows it with its result.
    const open = await app.inject({ url: '/v1/admin/rejected', headers: AUTH });
    expect(open.json<{ items: { id: string; replayResult: string }[] }>().items).toMatchObject([
      { id: forgedId, replayResult: 'signature_invalid' },
    ]);
    const every = await app.inject({ url: '/v1/admin/rejected?includeReplayed=true', headers: AUTH });
    expect(every.json<{ items: { id: string; replayedAt?: string }[] }>().items.map((m) => m.id)).toEqual([
      fixedId,
      forgedId,
    ]);
  });

  it('replays by filter and counts what went in and what is still refused', async () => {
    await keep(
      wmsRefusal('signature_invalid', WMS_SECRET, 'evt_a', 4),
      wmsRefusal('signature_invalid', 'not-the-secret', 'evt_b', 5),
      wmsRefusal('timestamp_out_of_tolerance', WMS_SECRET, 'evt_c', 6),
      wooRefusal,
    );
    const wmsOnly = await app.inject({
      method: 'POST',
      url: '/v1/admin/rejected/replay',
      headers: AUTH,
      payload: { ingress: 'wms', reason: 'signature_invalid' },
    });
    expect(wmsOnly.statusCode).toBe(200);
    expect(wmsOnly.json()).toEqual({ replayed: 1, stillRefused: 1 });
    const rest = await app.inject({ method: 'POST', url: '/v1/admin/rejected/replay', headers: AUTH });
    expect(rest.json()).toEqual({ replayed: 2, stillRefused: 1 });
    const inbox = await store.db.selectFrom('inbox').select('source').orderBy('id').execute();
    expect(inbox.map((m) => m.source)).toEqual(['wms:main', 'wms:main', 'woocommerce:eu']);
  });

  it('409 for a truncated body or an ingress with no replay; 404 for an unknown id', async () => {
    const [truncatedId, otherId] = await keep(
      { ...wooRefusal, body: Buffer.alloc(5000, 0x20) },
      { ...wooRefusal, ingress: 'shopify' },
    );
    const truncated = await replay(truncatedId);
    expect(truncated.statusCode).toBe(409);
    expect(truncated.headers['content-type']).toContain('application/problem+json');
    expect(truncated.json()).toMatchObject({ status: 409, code: 'rejected_message_truncated' });
    const other = await replay(otherId);
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('rejected_not_replayable');
    // Neither was marked: both are still listed without a replay result.
    const listed = await app.inject({ url: '/v1/admin/rejected', headers: AUTH });
    expect(listed.json<{ items: { replayResult?: string }[] }>().items.map((m) => m.replayResult)).toEqual([
      undefined,
      undefined,
    ]);

    for (const request of [
      { method: 'GET' as const, url: '/v1/admin/rejected/01NOPE' },
      { method: 'POST' as const, url: '/v1/admin/rejected/01NOPE/replay' },
    ]) {
      const response = await app.inject({ ...request, headers: AUTH });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ status: 404, code: 'rejected_message_not_found' });
    }
  });

  it('400 for a bad query or filter body; 401 without the token', async () => {
    for (const query of [
      'limit=abc',
      'limit=0',
      'limit=1001',
      'includeReplayed=yes',
      'ingress=',
      'colour=red',
    ]) {
      const response = await app.inject({ url: `/v1/admin/rejected?${query}`, headers: AUTH });
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_request' });
    }
    const badFilter = await app.inject({
      method: 'POST',
      url: '/v1/admin/rejected/replay',
      headers: AUTH,
      payload: { reason: 'signature_invalid', includeReplayed: true },
    });
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().errors.length).toBeGreaterThan(0);

    const [id] = await keep(wooRefusal);
    for (const request of [
      { method: 'GET' as const, url: '/v1/admin/rejected' },
      { method: 'GET' as const, url: `/v1/admin/rejected/${id}` },
      { method: 'POST' as const, url: `/v1/admin/rejected/${id}/replay` },
      { method: 'POST' as const, url: '/v1/admin/rejected/replay' },
    ]) {
      const response = await app.inject({ ...request, headers: { authorization: 'Bearer wrong' } });
      expect(response.statusCode, request.url).toBe(401);
      expect(response.json().code).toBe('admin_token_required');
    }
    expect(await store.db.selectFrom('inbox').select('id').execute()).toHaveLength(0);
  });
});
