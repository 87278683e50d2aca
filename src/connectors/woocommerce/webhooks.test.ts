import Fastify from 'fastify';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { AcceptResult, InboundMessage, Inbox } from '../../runtime/contracts.js';
import { silentLogger } from '../../ops/logger.js';
import { signWooPayload } from './signature.js';
import { wooWebhookRoutes } from './webhooks.js';
import { fixtureText } from '../../../test/connectors/woocommerce/fixtures/index.js';

const SECRET = 'wh&secret<1>';
const FIXTURE = fixtureText('order-205-webhook-body.frappe.json');

/** Records what the plugin hands over; the inbox's own semantics are tested in the runtime suite. */
function recordingInbox(result: AcceptResult['status'] = 'accepted'): Inbox & { messages: InboundMessage[] } {
  const messages: InboundMessage[] = [];
  return {
    messages,
    accept: async (message) => {
      messages.push(message);
      return result === 'accepted'
        ? { status: 'accepted', id: `m${messages.length}` }
        : { status: result, id: undefined };
    },
  };
}

async function app(inbox: Inbox, registry?: Registry) {
  const server = Fastify();
  await server.register(wooWebhookRoutes, {
    stores: [{ id: 'eu', webhookSecret: SECRET }],
    inbox,
    log: silentLogger(),
    ...(registry ? { metrics: registry } : {}),
  });
  return server;
}

function compact(json: string): string {
  // PHP's wp_json_encode: compact, `/` escaped.
  return JSON.stringify(JSON.parse(json)).replace(/\//g, '\\/');
}

const wcHeaders = (body: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  'x-wc-webhook-topic': 'order.updated',
  'x-wc-webhook-resource': 'order',
  'x-wc-webhook-event': 'updated',
  'x-wc-webhook-delivery-id': 'd41d8cd98f00b204e9800998ecf8427e',
  'x-wc-webhook-signature': signWooPayload(body, SECRET),
  ...extra,
});

/** A signed WooCommerce order delivery to store `eu`. */
function postSigned(server: Awaited<ReturnType<typeof app>>, body: string) {
  return server.inject({
    method: 'POST',
    url: '/webhooks/woocommerce/eu',
    headers: wcHeaders(body),
    payload: body,
  });
}

describe('POST /webhooks/woocommerce/:storeId', () => {
  it('stores a signed order delivery raw, with keys and version, and answers 202 after accept', async () => {
    const inbox = recordingInbox();
    const server = await app(inbox);
    const body = compact(FIXTURE);
    const res = await postSigned(server, body);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'accepted', id: 'm1' });
    const message = inbox.messages[0];
    expect(message?.body).toBe(body);
    expect(message).toMatchObject({
      source: 'woocommerce:eu',
      type: 'woocommerce.order',
      partitionKey: 'orders.eu.205',
      subject: 'order:eu:205',
      version: { key: 'woocommerce:eu:order:205', value: '2021-11-30T07:32:11|r0000' },
    });
    expect(message?.dedupeKey).toMatch(/^d41d8cd98f00b204e9800998ecf8427e:[0-9a-f]{64}$/);
    expect(message?.headers?.['x-wc-webhook-topic']).toBe('order.updated');
    expect(message?.headers?.['x-wc-webhook-signature']).toBeUndefined();
    expect(message?.correlationId).toEqual(expect.any(String));
  });

  it('says duplicate or stale in the 202 body', async () => {
    const server = await app(recordingInbox('stale'));
    const body = compact(FIXTURE);
    const res = await postSigned(server, body);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'stale' });
  });

  it('answers the ping with exactly 200 and stores nothing', async () => {
    const inbox = recordingInbox();
    const server = await app(inbox);
    const res = await server.inject({
      method: 'POST',
      url: '/webhooks/woocommerce/eu',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'webhook_id=17',
    });
    expect(res.statusCode).toBe(200);
    expect(inbox.messages).toHaveLength(0);
  });

  it('refuses unknown stores, bad or missing signatures, bad JSON and missing ids, counting each reason', async () => {
    const inbox = recordingInbox();
    const registry = new Registry();
    const server = await app(inbox, registry);
    const body = compact(FIXTURE);
    const cases: [string, Record<string, string>, string, number, string][] = [
      ['/webhooks/woocommerce/us', wcHeaders(body), body, 404, 'store_not_found'],
      [
        '/webhooks/woocommerce/eu',
        wcHeaders(body, { 'x-wc-webhook-signature': signWooPayload(body, 'wrong') }),
        body,
        401,
        'signature_invalid',
      ],
      ['/webhooks/woocommerce/eu', { 'content-type': 'application/json' }, body, 401, 'signature_missing'],
      ['/webhooks/woocommerce/eu', wcHeaders('{"id":'), '{"id":', 400, 'malformed_json'],
      ['/webhooks/woocommerce/eu', wcHeaders('{"name":"x"}'), '{"name":"x"}', 400, 'missing_id'],
    ];
    for (const [url, headers, payload, status, code] of cases) {
      const res = await server.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, code).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status, code });
    }
    expect(inbox.messages).toHaveLength(0);
    const metric = await registry.getSingleMetric('retail_hub_woocommerce_webhook_rejections_total')?.get();
    expect(metric?.values.map((v) => v.labels.reason).sort()).toEqual([
      'malformed_json',
      'missing_id',
      'signature_invalid',
      'signature_missing',
      'store_not_found',
    ]);
  });

  it('does not acknowledge when the inbox cannot store the delivery', async () => {
    const server = await app({ accept: async () => Promise.reject(new Error('disk full')) });
    const body = compact(FIXTURE);
    const res = await postSigned(server, body);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'inbox_unavailable' });
  });
});
