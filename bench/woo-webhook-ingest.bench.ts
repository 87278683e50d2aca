/**
 * WooCommerce webhook ingest (signature check + durable inbox write + 202) against a bare
 * `node:http` server answering 202 without work, same run, same load: 50 concurrent keep-alive
 * senders posting realistic ~3 KB signed order bodies (each a distinct order, so nothing is
 * deduplicated away). The hub answers only after the delivery is committed (group commit).
 *
 * @example
 * ```sh
 * npm run bench -- woo-webhook
 * ```
 */
import Fastify from 'fastify';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createRuntime } from '../src/runtime/create-runtime.js';
import { silentLogger } from '../src/ops/logger.js';
import { signWooPayload } from '../src/connectors/woocommerce/signature.js';
import { wooWebhookRoutes } from '../src/connectors/woocommerce/webhooks.js';
import { benchStore, percentile, round } from './bench-store.js';

export const name = 'woo-webhook-ingest';

const SECRET = 'bench-webhook-secret';
const SENDERS = 50;
const REQUESTS = 20_000;

function bodies(count: number): { body: string; signature: string }[] {
  const template = JSON.parse(
    readFileSync(
      new URL('../test/connectors/woocommerce/fixtures/order-727-retrieve.docs.json', import.meta.url),
      'utf8',
    ),
  ) as Record<string, unknown>;
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify({
      ...template,
      id: 100_000 + i,
      number: String(100_000 + i),
      customer_note: 'Please leave at the door — thanks!',
    }).replace(/\//g, '\\/');
    return { body, signature: signWooPayload(body, SECRET) };
  });
}

async function load(url: string, payloads: { body: string; signature: string }[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: SENDERS });
  const target = new URL(url);
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const send = (p: { body: string; signature: string }, i: number) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(p.body),
            'x-wc-webhook-topic': 'order.updated',
            'x-wc-webhook-resource': 'order',
            'x-wc-webhook-delivery-id': `d${i}`,
            'x-wc-webhook-signature': p.signature,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      // Without it Nagle + delayed ACK add ~40 ms to every keep-alive request.
      request.on('socket', (socket) => socket.setNoDelay(true));
      request.end(p.body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      while (next < payloads.length) {
        const i = next++;
        const t = performance.now();
        const status = await send(payloads[i] as { body: string; signature: string }, i);
        latencies.push(performance.now() - t);
        if (status !== 202) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: payloads.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
}

async function bare(payloads: { body: string; signature: string }[]) {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(202, { 'content-type': 'application/json' });
      response.end('{"status":"accepted"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await load(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/woocommerce/eu`,
      payloads,
    );
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function hub(payloads: { body: string; signature: string }[]) {
  const store = await benchStore('sqlite');
  const runtime = createRuntime({ db: store.db, dialect: store.dialect, log: silentLogger() });
  runtime.subscribe('bench', ['woocommerce.order'], async () => undefined);
  const app = Fastify();
  await app.register(wooWebhookRoutes, {
    stores: [{ id: 'eu', webhookSecret: SECRET }],
    inbox: runtime.inbox,
    log: silentLogger(),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const result = await load(
      `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/webhooks/woocommerce/eu`,
      payloads,
    );
    const stored = await store.db
      .selectFrom('inbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
      .catch(() => undefined);
    return { ...result, stored: stored ? Number(stored.n) : undefined };
  } finally {
    await app.close();
    await runtime.stop();
    await store.close();
  }
}

export async function run() {
  const payloads = bodies(REQUESTS);
  const size = Math.round(payloads.reduce((n, p) => n + Buffer.byteLength(p.body), 0) / payloads.length);
  // Warm both paths (JIT, sockets) on a few hundred requests first.
  await bare(payloads.slice(0, 500));
  const base = await bare(payloads);
  const ingest = await hub(payloads);
  const row = (
    label: string,
    r: { rps: number; p50: number; p99: number; failures: number },
    extra: Record<string, string | number> = {},
  ) => ({
    server: label,
    senders: SENDERS,
    requests: REQUESTS,
    'body bytes': size,
    'req/s': round(r.rps),
    'p50 ms': round(r.p50, 2),
    'p99 ms': round(r.p99, 2),
    'non-202': r.failures,
    ...extra,
  });
  return {
    title: 'WooCommerce webhook ingest (verify + durable inbox + 202) vs bare node:http 202, SQLite',
    rows: [
      row('bare node:http', base),
      row('hub webhook', ingest, {
        'vs bare req/s': `${round((ingest.rps / base.rps) * 100)}%`,
        'p99 vs bare': `${round(ingest.p99 / base.p99, 2)}x`,
        ...(ingest.stored === undefined ? {} : { 'rows in inbox': ingest.stored }),
      }),
    ],
  };
}
