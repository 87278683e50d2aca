import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AcceptResult, InboundMessage, Inbox } from '../../runtime/contracts.js';
import { buildServer, type RoutePlugin } from '../../api/server.js';
import { silentLogger } from '../../ops/logger.js';
import { signWooPayload } from './signature.js';
import { wooWebhookRoute } from './webhooks.js';

const SECRET = 'fast-secret';
const BODY = '{"id":205,"date_modified_gmt":"2021-11-30T07:32:11","refunds":[],"note":"a\\/b"}';

function recordingInbox(): Inbox & { messages: InboundMessage[] } {
  const messages: InboundMessage[] = [];
  return {
    messages,
    accept: async (message): Promise<AcceptResult> => {
      messages.push(message);
      return { status: 'accepted', id: `m${messages.length}` };
    },
  };
}

const servers: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The hub's server with the webhook route; `fast` counts the requests the fast path took. */
async function start(inbox: Inbox, bodyLimit?: number) {
  const plugin = wooWebhookRoute({
    stores: [{ id: 'eu', webhookSecret: SECRET }],
    inbox,
    log: silentLogger(),
    ...(bodyLimit === undefined ? {} : { bodyLimit }),
  });
  const counted = { fast: 0 };
  const fastRoute = plugin.fastRoute;
  const wrapped: RoutePlugin = {
    register: (app) => plugin.register(app),
    ...(fastRoute
      ? {
          fastRoute: (request, response) => {
            const taken = fastRoute(request, response);
            if (taken) counted.fast += 1;
            return taken;
          },
        }
      : {}),
  };
  const server = await buildServer({ log: silentLogger(), plugins: [wrapped] });
  servers.push(server);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { server, url, counted };
}

const signed = (body: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  'x-wc-webhook-topic': 'order.updated',
  'x-wc-webhook-resource': 'order',
  'x-wc-webhook-delivery-id': 'd1',
  'x-wc-webhook-signature': signWooPayload(body, SECRET),
  ...extra,
});

/** A POST over real HTTP (so through the fast path when it takes the request). */
const post = (
  base: string,
  headers: Record<string, string>,
  body: string,
  path = '/webhooks/woocommerce/eu',
) => fetch(`${base}${path}`, { method: 'POST', headers, body });

describe('WooCommerce webhook fast path', () => {
  it('stores a signed delivery exactly as the Fastify route does, and answers with the correlation id', async () => {
    const fastInbox = recordingInbox();
    const fast = await start(fastInbox);
    const res = await fetch(`${fast.url}/webhooks/woocommerce/eu?x=1`, {
      method: 'POST',
      headers: signed(BODY, { 'x-correlation-id': 'corr-1' }),
      body: BODY,
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-correlation-id')).toBe('corr-1');
    expect(await res.json()).toEqual({ status: 'accepted', id: 'm1' });
    expect(fast.counted.fast).toBe(1);
    // The server in front keeps the timeouts Fastify gives its own (keep-alive 72 s).
    expect(fast.server.server.keepAliveTimeout).toBe(72_000);

    const injectedInbox = recordingInbox();
    const injected = await start(injectedInbox);
    const viaFastify = await injected.server.inject({
      method: 'POST',
      url: '/webhooks/woocommerce/eu?x=1',
      headers: signed(BODY, { 'x-correlation-id': 'corr-1' }),
      payload: BODY,
    });
    expect(viaFastify.statusCode).toBe(202);
    expect(injected.counted.fast).toBe(0);
    expect(fastInbox.messages).toEqual(injectedInbox.messages);
    expect(fastInbox.messages[0]?.body).toBe(BODY);
    expect(fastInbox.messages[0]?.correlationId).toBe('corr-1');
  });

  it('answers pings and every refusal like the Fastify route (status, content type, problem body)', async () => {
    const inbox = recordingInbox();
    const { server, url, counted } = await start(inbox);
    const cases: { path: string; headers: Record<string, string>; body: string; status: number }[] = [
      {
        path: '/webhooks/woocommerce/eu',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'webhook_id=17',
        status: 200,
      },
      { path: '/webhooks/woocommerce/us', headers: signed(BODY), body: BODY, status: 404 },
      {
        path: '/webhooks/woocommerce/eu',
        headers: signed(BODY, { 'x-wc-webhook-signature': signWooPayload(BODY, 'wrong') }),
        body: BODY,
        status: 401,
      },
      {
        path: '/webhooks/woocommerce/eu',
        headers: { 'content-type': 'application/json' },
        body: BODY,
        status: 401,
      },
      { path: '/webhooks/woocommerce/eu', headers: signed('{"id":'), body: '{"id":', status: 400 },
      { path: '/webhooks/woocommerce/eu', headers: signed('{"n":1}'), body: '{"n":1}', status: 400 },
    ];
    for (const c of cases) {
      const res = await post(url, c.headers, c.body, c.path);
      const viaFastify = await server.inject({
        method: 'POST',
        url: c.path,
        headers: c.headers,
        payload: c.body,
      });
      expect(res.status, c.path).toBe(c.status);
      expect(viaFastify.statusCode).toBe(c.status);
      expect(res.headers.get('content-type')).toBe(viaFastify.headers['content-type']);
      expect(await res.json()).toEqual(viaFastify.json());
      expect(res.headers.get('x-correlation-id')).toMatch(/^[\w-]+$/);
    }
    expect(counted.fast).toBe(cases.length);
    expect(inbox.messages).toHaveLength(0);
  });

  it('passes chunked, oversized, other-typed and other-path requests on to Fastify unchanged', async () => {
    const inbox = recordingInbox();
    const { url, counted } = await start(inbox, 1024);
    // No Content-Length (a streamed body): Fastify reads and stores it.
    const chunked = await fetch(`${url}/webhooks/woocommerce/eu`, {
      method: 'POST',
      headers: signed(BODY),
      body: new Blob([BODY]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(202);
    expect(inbox.messages).toHaveLength(1);

    const big = 'x'.repeat(2048);
    const tooLarge = await post(url, signed(big), big);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: 'payload_too_large' });

    const unknownRoute = await post(url, signed(BODY), BODY, '/webhooks/woocommerce/eu/extra');
    expect(unknownRoute.status).toBe(404);
    expect(await unknownRoute.json()).toMatchObject({ code: 'route_not_found' });

    const plainText = await post(url, { 'content-type': 'text/plain' }, 'hello');
    expect(plainText.status).toBe(401);
    expect(counted.fast).toBe(0);
  });

  it('does not acknowledge when the inbox fails (503) and answers 500 when the ingest throws', async () => {
    const failing = await start({ accept: async () => Promise.reject(new Error('disk full')) });
    const res = await post(failing.url, signed(BODY), BODY);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'inbox_unavailable' });

    const throwing = wooWebhookRoute({
      stores: [{ id: 'eu', webhookSecret: SECRET }],
      inbox: recordingInbox(),
      log: silentLogger(),
      ingest: async () => {
        throw new Error('bug');
      },
    });
    const server = await buildServer({ log: silentLogger(), plugins: [throwing] });
    servers.push(server);
    await server.listen({ port: 0, host: '127.0.0.1' });
    const crashed = await post(
      `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
      signed(BODY),
      BODY,
    );
    expect(crashed.status).toBe(500);
    expect(crashed.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await crashed.json()).toMatchObject({ code: 'internal_error' });
  });
});
