/**
 * Availability API under load: `GET /v1/availability` with 10 SKUs per query from 50 concurrent
 * keep-alive clients against a whole hub (demo world: three stores, Odoo, SQLite), answered from
 * the in-memory projection. Target: p99 < 10 ms at ≥ 5,000 req/s. The load generator shares the
 * machine's cores with the hub, so the figures are a floor.
 *
 * @example
 * ```sh
 * npm run bench -- availability
 * ```
 */
import { Agent, request } from 'node:http';
import { Worker } from 'node:worker_threads';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub } from '../src/app/create-hub.js';
import { allVariants } from '../src/demo/catalogue.js';
import { startDemoSystems } from '../src/demo/demo-systems.js';
import { silentLogger } from '../src/ops/logger.js';
import { freePort } from '../test/flows/inventory/world.js';

export const name = 'availability';

const CLIENTS = 50;
const DURATION_MS = 5_000;

function get(agent: Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const { port, path, clients, durationMs } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: clients });
const latencies = [];
let errors = 0;
const get = () => new Promise((resolve) => {
  const req = request({ host: '127.0.0.1', port, path, agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
  req.on('error', () => resolve(0));
  req.end();
});
(async () => {
  const end = Date.now() + durationMs;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (Date.now() < end) {
      const t = performance.now();
      const status = await get();
      latencies.push(performance.now() - t);
      if (status !== 200) errors += 1;
    }
  }));
  agent.destroy();
  parentPort.postMessage({ latencies: Float64Array.from(latencies), errors, seconds: (performance.now() - started) / 1000 });
})();
`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export async function run() {
  const dir = await mkdtemp(join(tmpdir(), 'retail-hub-bench-availability-'));
  const port = await freePort();
  const systems = await startDemoSystems({ hubUrl: `http://127.0.0.1:${port}` });
  const config = systems.hubConfig({ port, databasePath: join(dir, 'hub.db') });
  const hub = await createHub({ config, log: silentLogger(), port });
  await hub.start();
  const skus = allVariants()
    .map((v) => v.sku)
    .slice(0, 10);
  const path = `/v1/availability?store=eu&${skus.map((s) => `sku=${encodeURIComponent(s)}`).join('&')}`;
  try {
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    // Wait (bounded) until the projection holds the SKUs.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const body = await fetch(`${hub.url}${path}`).then(
        (r) => r.json() as Promise<{ items: { asOf: string | null }[] }>,
      );
      if (body.items.every((i) => i.asOf !== null)) break;
      if (Date.now() > deadline) throw new Error('the projection did not fill');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (let i = 0; i < 500; i += 1) await get(agent, port, path); // warm-up
    agent.destroy();
    // The load generator runs on its own thread (its own event loop) so it does not queue behind the hub.
    const worker = new Worker(LOAD_GENERATOR, {
      eval: true,
      workerData: { port, path, clients: CLIENTS, durationMs: DURATION_MS },
    });
    const {
      latencies: raw,
      errors,
      seconds,
    } = await new Promise<{ latencies: Float64Array; errors: number; seconds: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    const latencies = [...raw];
    latencies.sort((a, b) => a - b);
    return {
      title: `Availability API: 10-SKU queries, ${CLIENTS} concurrent keep-alive clients, ${DURATION_MS / 1000} s (target p99 < 10 ms at ≥ 5,000 req/s)`,
      rows: [
        {
          requests: latencies.length,
          'req/s': Math.round(latencies.length / seconds),
          'p50 ms': Number(percentile(latencies, 0.5).toFixed(2)),
          'p99 ms': Number(percentile(latencies, 0.99).toFixed(2)),
          'max ms': Number((latencies.at(-1) ?? 0).toFixed(2)),
          errors,
        },
      ],
    };
  } finally {
    await hub.stop();
    await systems.close();
    await rm(dir, { recursive: true, force: true });
  }
}
