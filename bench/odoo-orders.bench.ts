/**
 * Sales orders registered per second through the Odoo connector (idempotent look-ups, customer,
 * SKUs, one `create` with all lines, external id, total check) against the Odoo emulator over
 * HTTP, at the emulator's default latency (0) and at 50 ms per call, one order at a time and
 * with 16 / 32 in flight. Each registration is ~9 sequential Odoo calls, so at 50 ms one at a
 * time is bound near 2 orders/s; concurrency overlaps the waits.
 *
 * @example
 * ```sh
 * npm run bench -- odoo-orders
 * ```
 */
import { createOdooErp } from '../src/connectors/odoo/index.js';
import { createEndpointPolicy } from '../src/runtime/index.js';
import { startOdooEmulator } from '../sim/odoo/index.js';
import { fixtureOrder } from '../test/connectors/odoo/order-fixture.js';
import type { BenchResult } from './index.js';

export const name = 'odoo-orders';

const SKUS = ['BENCH-A', 'BENCH-B', 'BENCH-C', 'BENCH-D'];

async function measure(
  latencyMs: number,
  concurrency: number,
  orders: number,
  run: string,
): Promise<Record<string, string | number>> {
  const emulator = await startOdooEmulator({ port: 0, version: 19, latencyMs: 0 });
  try {
    for (const sku of SKUS) emulator.seed.product({ sku, name: `Bench ${sku}`, listPrice: 10 });
    const policy = createEndpointPolicy(`odoo-bench-${run}`, {
      ratePerSecond: 100_000,
      burst: 100_000,
      timeoutMs: 30_000,
    });
    const erp = createOdooErp({
      config: { url: emulator.url, database: emulator.db, username: 'admin', apiKey: 'admin', version: 19 },
      policy,
    });
    const order = (i: number) =>
      fixtureOrder({
        id: `${run}-${i}`,
        email: `bench-${i % 20}@example.com`,
        lines: [
          { sku: SKUS[i % SKUS.length] as string, quantity: 2, price: '10.00' },
          { sku: SKUS[(i + 1) % SKUS.length] as string, quantity: 1, price: '24.90' },
        ],
        shipping: '4.95',
      });
    // Warm-up: service products, pricelist, partners exist; then the latency is switched on.
    await erp.registerOrder(order(orders), { storeId: 'eu' });
    emulator.faults.set({ latencyMs });
    const calls0 = emulator.calls.count({});
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < orders) {
          const i = next++;
          const result = await erp.registerOrder(order(i), { storeId: 'eu' });
          if (!result.created) throw new Error(`order ${i} was not created`);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const calls = emulator.calls.count({}) - calls0;
    return {
      'latency ms': latencyMs,
      'in flight': concurrency,
      orders,
      'orders/s': Math.round((orders / seconds) * 10) / 10,
      'Odoo calls/order': Math.round((calls / orders) * 10) / 10,
      seconds: Math.round(seconds * 100) / 100,
    };
  } finally {
    await emulator.close();
  }
}

export async function run(): Promise<BenchResult> {
  const rows: Record<string, string | number>[] = [];
  const plan: [number, number, number][] = [
    [0, 1, 100],
    [0, 16, 200],
    [0, 32, 200],
    [50, 1, 10],
    [50, 16, 96],
    [50, 32, 160],
  ];
  for (const [latency, concurrency, orders] of plan) {
    rows.push(await measure(latency, concurrency, orders, `l${latency}c${concurrency}`));
  }
  return { title: 'Sales orders registered in Odoo (emulator, JSON-2, Odoo 19)', rows };
}
