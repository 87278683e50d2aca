/**
 * WooCommerce webhook ingest (signature check + durable inbox + 202) against a bare `node:http`
 * server answering 202 without work, same run, same load: 50 concurrent keep-alive senders posting
 * realistic ~3 KB signed order bodies (three line items) (each a distinct order, so nothing is deduplicated away). The
 * hub is the real HTTP server (`buildServer` + the webhook route as `createHub` composes it, fast
 * path included, + metrics) and answers only after
 * the delivery is committed (group commit, SQLite synchronous=FULL).
 *
 * A third server is the yardstick: the least any durable ingest does (see
 * `minimal-durable-ingest.ts`: signature, JSON check, one prepared insert, group commit with
 * fsync). Its ratio to the bare server is the ceiling for the hub's on this machine.
 *
 * The load generator runs in a child process for both servers, so neither server shares its event
 * loop with the senders, and this process's CPU time is the server's alone: the `server CPU µs/req`
 * column is that time divided by the requests.
 *
 * @example
 * ```sh
 * npx tsx bench/run.ts woo-webhook
 * ```
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { createRuntime } from '../src/runtime/create-runtime.js';
import { silentLogger } from '../src/ops/logger.js';
import { buildServer } from '../src/api/server.js';
import { signWooPayload } from '../src/connectors/woocommerce/signature.js';
import { wooWebhookRoute } from '../src/connectors/woocommerce/webhooks.js';
import { benchStore, cpuMicrosPer, percentile, round } from './bench-store.js';
import { startMinimalDurableIngest } from './minimal-durable-ingest.js';

export const name = 'woo-webhook-ingest';

const SECRET = 'bench-webhook-secret';
const SENDERS = 50;
/** Requests per measurement; each server is measured ROUNDS times, alternating. */
const REQUESTS = 10_000;
/**
 * The machine is shared (2 cores, other work comes and goes), so one bare run followed by one hub
 * run compares two different moments. Alternating several pairs and taking the median of each
 * pair's ratio keeps a burst of outside load from deciding the result.
 */
const ROUNDS = 4;

interface Payload {
  body: string;
  signature: string;
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  cpuMicros: number;
}

function bodies(count: number): Payload[] {
  const template = JSON.parse(
    readFileSync(
      new URL('../test/connectors/woocommerce/fixtures/order-727-retrieve.docs.json', import.meta.url),
      'utf8',
    ),
  ) as Record<string, unknown> & { line_items: unknown };
  return Array.from({ length: count }, (_, i) => {
    // Order 727 as the REST API documents it, plus two more lines (several items are the
    // common case): ~3 KB once PHP-escaped, the size the target names.
    const lines = template.line_items as Record<string, unknown>[];
    const body = JSON.stringify({
      ...template,
      id: 100_000 + i,
      number: String(100_000 + i),
      customer_note: 'Please leave at the door — thanks!',
      line_items: [
        ...lines,
        ...['MUG-BLUE', 'MUG-GREEN'].map((sku, n) => ({ ...(lines[0] as object), id: 316 + 2 * i + n, sku })),
      ],
    }).replace(/\//g, '\\/');
    return { body, signature: signWooPayload(body, SECRET) };
  });
}

/**
 * Plain CommonJS run by `node -e` in a child process: argv = url, payload file, senders. Prints
 * `{ seconds, failures, latencies }` as JSON on stdout.
 */
const LOAD_GENERATOR = `
const http = require('node:http');
const { readFileSync } = require('node:fs');
const [url, file, senders] = process.argv.slice(1);
const payloads = JSON.parse(readFileSync(file, 'utf8'));
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(senders) });
const latencies = [];
let next = 0;
let failures = 0;
const send = (p, i) => new Promise((resolve, reject) => {
  const request = http.request({
    agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(p.body),
      'x-wc-webhook-topic': 'order.updated',
      'x-wc-webhook-resource': 'order',
      'x-wc-webhook-delivery-id': 'd' + i,
      'x-wc-webhook-signature': p.signature,
    },
  }, (response) => {
    response.resume();
    response.on('end', () => resolve(response.statusCode));
  });
  request.on('error', reject);
  // Without it Nagle + delayed ACK add ~40 ms to every keep-alive request.
  request.on('socket', (socket) => socket.setNoDelay(true));
  request.end(p.body);
});
(async () => {
  const started = performance.now();
  await Promise.all(Array.from({ length: Number(senders) }, async () => {
    while (next < payloads.length) {
      const i = next++;
      const t = performance.now();
      const status = await send(payloads[i], i);
      latencies.push(performance.now() - t);
      if (status !== 202) failures += 1;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  process.stdout.write(JSON.stringify({ seconds, failures, latencies }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

async function load(url: string, file: string, requests: number): Promise<LoadResult> {
  const child = spawn(process.execPath, ['-e', LOAD_GENERATOR, url, file, String(SENDERS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const cpu = process.cpuUsage();
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const cpuMicros = cpuMicrosPer(cpu, requests);
  if (code !== 0) throw new Error(`load generator exited with ${String(code)}`);
  const out = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    seconds: number;
    failures: number;
    latencies: number[];
  };
  const sorted = out.latencies.sort((a, b) => a - b);
  return {
    rps: requests / out.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    failures: out.failures,
    cpuMicros,
  };
}

async function bare(file: string, requests: number): Promise<LoadResult> {
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
      file,
      requests,
    );
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The yardstick: HTTP + signature + JSON check + one fsync'd row (see minimal-durable-ingest.ts). */
async function floor(file: string, requests: number): Promise<LoadResult & { stored?: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'retail-hub-bench-floor-'));
  const server = await startMinimalDurableIngest({ secret: SECRET, path: join(dir, 'floor.db') });
  try {
    const result = await load(`http://127.0.0.1:${server.port}/webhooks/woocommerce/eu`, file, requests);
    return { ...result, stored: server.rows() };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function hub(file: string, requests: number): Promise<LoadResult & { stored?: number }> {
  const store = await benchStore('sqlite');
  const metrics = new Registry();
  const log = silentLogger();
  const runtime = createRuntime({ db: store.db, dialect: store.dialect, log, metrics });
  runtime.subscribe('bench', ['woocommerce.order'], async () => undefined);
  const app = await buildServer({
    log,
    plugins: [
      wooWebhookRoute({ stores: [{ id: 'eu', webhookSecret: SECRET }], inbox: runtime.inbox, log, metrics }),
    ],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const result = await load(
      `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/webhooks/woocommerce/eu`,
      file,
      requests,
    );
    const stored = await store.db
      .selectFrom('inbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
      .catch(() => undefined);
    return { ...result, ...(stored ? { stored: Number(stored.n) } : {}) };
  } finally {
    await app.close();
    await runtime.stop();
    await store.close();
  }
}

export async function run() {
  const payloads = bodies(REQUESTS);
  const size = Math.round(payloads.reduce((n, p) => n + Buffer.byteLength(p.body), 0) / payloads.length);
  const dir = mkdtempSync(join(tmpdir(), 'retail-hub-bench-woo-'));
  const file = join(dir, 'payloads.json');
  const warmFile = join(dir, 'warm.json');
  writeFileSync(file, JSON.stringify(payloads));
  writeFileSync(warmFile, JSON.stringify(payloads.slice(0, 1_000)));
  try {
    // Warm both paths (JIT, sockets) on a thousand requests first; the hub's warm-up uses its own store.
    await bare(warmFile, 1_000);
    await hub(warmFile, 1_000);
    await floor(warmFile, 1_000);
    const pairs: {
      base: LoadResult;
      ingest: LoadResult & { stored?: number };
      least: LoadResult & { stored?: number };
    }[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const base = await bare(file, REQUESTS);
      const ingest = await hub(file, REQUESTS);
      pairs.push({ base, ingest, least: await floor(file, REQUESTS) });
    }
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
    };
    const summary = (pick: (pair: (typeof pairs)[number]) => LoadResult): LoadResult => ({
      rps: median(pairs.map((p) => pick(p).rps)),
      p50: median(pairs.map((p) => pick(p).p50)),
      p99: median(pairs.map((p) => pick(p).p99)),
      failures: pairs.reduce((n, p) => n + pick(p).failures, 0),
      cpuMicros: median(pairs.map((p) => pick(p).cpuMicros)),
    });
    const rpsRatios = pairs.map((p) => p.ingest.rps / p.base.rps);
    const p99Ratios = pairs.map((p) => p.ingest.p99 / p.base.p99);
    const row = (label: string, r: LoadResult, extra: Record<string, string | number> = {}) => ({
      server: label,
      senders: SENDERS,
      'requests × rounds': `${REQUESTS.toLocaleString('en-US')} × ${ROUNDS}`,
      'body bytes': size,
      'req/s': round(r.rps),
      'p50 ms': round(r.p50, 2),
      'p99 ms': round(r.p99, 2),
      'non-202': r.failures,
      'server CPU µs/req': round(r.cpuMicros, 1),
      ...extra,
    });
    const stored = pairs.map((p) => p.ingest.stored);
    const leastRatios = pairs.map((p) => p.least.rps / p.base.rps);
    const leastP99 = pairs.map((p) => p.least.p99 / p.base.p99);
    const leastStored = pairs.map((p) => p.least.stored);
    return {
      title:
        'WooCommerce webhook ingest (verify + durable inbox + 202) vs bare node:http 202, SQLite (medians of alternating rounds)',
      rows: [
        row(
          'bare node:http',
          summary((p) => p.base),
        ),
        row(
          'hub webhook',
          summary((p) => p.ingest),
          {
            'vs bare req/s': `${round(median(rpsRatios) * 100)}%`,
            'by round': rpsRatios.map((r) => `${round(r * 100)}%`).join(' '),
            'p99 vs bare': `${round(median(p99Ratios), 2)}x`,
            'rows in inbox': stored.every((n) => n === REQUESTS) ? `${REQUESTS} each` : stored.join(' '),
          },
        ),
        row(
          'floor: verify + JSON + 1 row, FULL',
          summary((p) => p.least),
          {
            'vs bare req/s': `${round(median(leastRatios) * 100)}%`,
            'by round': leastRatios.map((r) => `${round(r * 100)}%`).join(' '),
            'p99 vs bare': `${round(median(leastP99), 2)}x`,
            'rows in inbox': leastStored.every((n) => n === REQUESTS)
              ? `${REQUESTS} each`
              : leastStored.join(' '),
          },
        ),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
