/**
 * The order-to-cash saga end to end on SQLite: WooCommerce, Odoo and two WMS emulators in this
 * process at zero latency, the whole hub (`createHub`) over real HTTP. Measures
 * 1. orders/s from checkout to `settled` (registered, reserved, fulfilled, shipped, completed,
 *    invoiced, paid) for a burst of orders;
 * 2. the p50/p95/p99 time from checkout (webhook sent) to ERP registration when orders arrive
 *    steadily at half the measured rate;
 * 3. the protocol floor: how many HTTP exchanges an order costs across the systems (REST calls,
 *    ERP calls, webhooks), and how many orders/s bare `node:http` round trips alone would allow
 *    at that count on this machine, with no work done on either side.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOdooEmulator } from '../sim/odoo/index.js';
import { startWmsEmulator } from '../sim/wms/index.js';
import { startWooEmulator } from '../sim/woocommerce/index.js';
import { createHub, type Hub } from '../src/app/create-hub.js';
import type { HubConfig } from '../src/config/schema.js';
import { WooClient } from '../src/connectors/woocommerce/client.js';
import { keepAliveFetch } from '../src/connectors/http/keep-alive-fetch.js';
import { silentLogger } from '../src/ops/logger.js';
import type { BenchResult } from './index.js';

export const name = 'saga';

const BURST = Number(process.env.SAGA_BENCH_ORDERS ?? 600);
const STEADY_SECONDS = Number(process.env.SAGA_BENCH_SECONDS ?? 10);
const SKUS = ['TEE-M', 'MUG', 'CAP', 'SOCKS', 'BAG'];
const SHOPPER = {
  billing: {
    first_name: 'Ada',
    last_name: 'Lovelace',
    address_1: '1 Main St',
    city: 'Dublin',
    postcode: 'D01',
    country: 'IE',
    email: 'ada@example.com',
  },
  paymentMethod: 'stripe',
};

async function startWorld() {
  const dir = await mkdtemp(join(tmpdir(), 'retail-hub-saga-bench-'));
  const secret = 'bench-secret';
  const keys = { consumerKey: 'ck_bench', consumerSecret: 'cs_bench' };
  const odoo = await startOdooEmulator({});
  const woo = await startWooEmulator({
    storeId: 'eu',
    webhookSecret: secret,
    ...keys,
    currency: 'EUR',
    tax: { rate: '20.0000', label: 'VAT' },
  });
  const clock = { pickMs: 0, packMs: 0, shipMs: 0 };
  const main = await startWmsEmulator({
    warehouseId: 'main',
    webhookSecret: secret,
    clock,
    webhookRetry: { attempts: 20, baseDelayMs: 50 },
  });
  for (const [i, sku] of SKUS.entries()) {
    woo.createProduct({
      name: sku,
      sku,
      regular_price: `${10 + i}.00`,
      manage_stock: true,
      stock_quantity: 10_000_000,
    });
    odoo.seed.product({ sku, name: sku, listPrice: 10 + i });
    odoo.seed.stock({ sku, location: 'WH/Stock', quantity: 10_000_000 });
  }
  const config: HubConfig = {
    database: { kind: 'sqlite', path: join(dir, 'hub.db') },
    bus: { kind: 'embedded' },
    server: { port: 0, publicUrl: 'http://127.0.0.1:8080' },
    stores: [
      {
        id: 'eu',
        url: woo.url,
        ...keys,
        webhookSecret: secret,
        currency: 'EUR',
        locations: ['main'],
        rateLimit: { perSecond: 100_000, burst: 100_000 },
      },
    ],
    erp: {
      kind: 'odoo',
      url: odoo.url,
      database: odoo.db,
      username: odoo.login,
      apiKey: odoo.apiKey,
      rateLimit: { perSecond: 100_000, burst: 100_000 },
    },
    warehouses: [
      {
        id: 'main',
        erpLocation: 'WH/Stock',
        wms: { url: main.url, apiKey: main.apiKey, webhookSecret: secret },
      },
    ],
    runtime: { concurrency: 64, maxAttempts: 100, retryBaseMs: 20, retryMaxMs: 500 },
  };
  const hub = await createHub({ config, log: silentLogger(), port: 0 });
  await hub.start();
  main.setWebhookUrl(`${hub.url}/webhooks/wms/main`);
  const client = new WooClient({ store: { id: 'eu', url: woo.url, ...keys }, log: silentLogger() });
  for (const topic of ['order.created', 'order.updated']) {
    await client.createWebhook({
      name: topic,
      topic,
      delivery_url: `${hub.url}/webhooks/woocommerce/eu`,
      secret,
      status: 'active',
    });
  }
  return {
    hub,
    woo,
    /** Every HTTP exchange so far: REST and ERP calls answered, webhooks sent, by any system. */
    exchanges: () =>
      woo.requests.count() +
      woo.state.deliveries.length +
      odoo.calls.count() +
      main.requests.list().length +
      main.deliveries.list().length,
    async close() {
      await hub.stop();
      await Promise.all([woo.close(), odoo.close(), main.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function countState(hub: Hub, state: string): Promise<number> {
  const row = await hub.store.db
    .selectFrom('saga_orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', state)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('saga bench: timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export async function run(): Promise<BenchResult> {
  const world = await startWorld();
  try {
    const { hub, woo } = world;
    const order = (i: number) =>
      woo.createOrder({
        lineItems: [{ sku: SKUS[i % SKUS.length] as string, quantity: 1 + (i % 3) }],
        ...SHOPPER,
        // One customer per order: the ERP connector serialises work per customer e-mail.
        billing: { ...SHOPPER.billing, email: `shopper${i}@example.com` },
      });

    // 1. Burst: everything at once, timed until the last order is settled.
    const exchangesBefore = world.exchanges();
    const cpuBefore = process.cpuUsage();
    const started = Date.now();
    for (let i = 0; i < BURST; i += 1) order(i);
    await until(async () => (await countState(hub, 'settled')) >= BURST, 15 * 60_000);
    const burstSeconds = (Date.now() - started) / 1000;
    const rate = BURST / burstSeconds;
    const exchangesPerOrder = (world.exchanges() - exchangesBefore) / BURST;
    const cpu = process.cpuUsage(cpuBefore);
    // Hub and emulators together: the figure that holds when other load skews wall-clock rates.
    const cpuMsPerOrder = (cpu.user + cpu.system) / 1000 / BURST;

    // 2. Steady arrivals at half that rate; latency checkout → ERP registration from the timeline.
    const steadyRate = Math.max(1, rate / 2);
    const total = Math.max(1, Math.round(steadyRate * STEADY_SECONDS));
    const createdAt = new Map<string, number>();
    const t0 = Date.now();
    for (let i = 0; i < total; i += 1) {
      const due = t0 + (i * 1000) / steadyRate;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const created = order(BURST + i);
      createdAt.set(`order:eu:${created.id}`, Date.now());
    }
    await until(async () => (await countState(hub, 'settled')) >= BURST + total, 15 * 60_000);
    const registered = await hub.store.db
      .selectFrom('timeline_entries')
      .select(['subject', 'at'])
      .where('summary', '=', 'routed → registered')
      .where('subject', 'in', [...createdAt.keys()])
      .execute();
    const latencies = registered
      .map((r) => Date.parse(r.at) - (createdAt.get(r.subject) ?? 0))
      .sort((a, b) => a - b);
    const roundTripUs = await bareRoundTripMicros();
    const ceiling = 1e6 / (exchangesPerOrder * roundTripUs);
    return {
      title: `Order-to-cash saga, SQLite, emulators at zero latency (${SKUS.length} SKUs, 1 store, 1 warehouse)`,
      rows: [
        {
          measure: 'burst: orders checkout → settled',
          orders: BURST,
          seconds: burstSeconds.toFixed(1),
          'orders/s': rate.toFixed(1),
          'CPU ms/order': cpuMsPerOrder.toFixed(1),
          'p50 ms': '',
          'p95 ms': '',
          'p99 ms': '',
        },
        {
          measure: `steady ${steadyRate.toFixed(0)}/s: checkout → ERP registered`,
          orders: latencies.length,
          seconds: STEADY_SECONDS,
          'orders/s': steadyRate.toFixed(1),
          'CPU ms/order': '',
          'p50 ms': quantile(latencies, 0.5),
          'p95 ms': quantile(latencies, 0.95),
          'p99 ms': quantile(latencies, 0.99),
        },
        {
          measure: `floor: ${exchangesPerOrder.toFixed(1)} HTTP exchanges/order × bare round trip ${roundTripUs.toFixed(0)} µs`,
          orders: '',
          seconds: '',
          'orders/s': `≤ ${ceiling.toFixed(0)}`,
          'CPU ms/order': ((exchangesPerOrder * roundTripUs) / 1000).toFixed(1),
          'p50 ms': '',
          'p95 ms': '',
          'p99 ms': '',
        },
      ],
    };
  } finally {
    await world.close();
  }
}

/**
 * CPU cost of one HTTP exchange with no work behind it, client and server in this process as in
 * the saga run: `keepAliveFetch` (the connectors' client) POSTing a small JSON body to a bare `node:http`
 * server, 32 in flight.
 */
async function bareRoundTripMicros(count = 5_000, inFlight = 32): Promise<number> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"jsonrpc":"2.0","id":1,"result":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const call = () =>
    keepAliveFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    }).then((r) => r.text());
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await call();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker)); // warm-up
  next = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const wallUs = Number(process.hrtime.bigint() - started) / 1000;
  const used = process.cpuUsage(cpu);
  server.close();
  // The event loop is one thread: wall time per exchange bounds it, even if GC adds CPU elsewhere.
  return Math.min(wallUs, used.user + used.system) / count;
}
