/**
 * Stock propagation: 500 ERP stock changes per second for 10 s, across 300 SKUs at both warehouses
 * (so all three demo stores change), published as the ERP feed publishes them; measured per pushed
 * value from the ERP change time to the store's acknowledgement (the same figures as the
 * `retail_hub_stock_propagation_seconds` histogram, read exactly from the SKU timeline), and the
 * WooCommerce requests the hub issued per 1,000 changes. Target: p95 < 2 s.
 *
 * @example
 * ```sh
 * npm run bench -- stock-propagation
 * ```
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub } from '../src/app/create-hub.js';
import { makeEvent, skuPartitionKey, skuSubject, type StockPosition } from '../src/canonical/index.js';
import { startDemoSystems } from '../src/demo/demo-systems.js';
import { silentLogger } from '../src/ops/logger.js';
import { freePort } from '../test/free-port.js';

export const name = 'stock-propagation';

const SKUS = 300;
const RATE = 500;
const SECONDS = 10;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export async function run() {
  const dir = await mkdtemp(join(tmpdir(), 'retail-hub-bench-propagation-'));
  const port = await freePort();
  const systems = await startDemoSystems({ hubUrl: `http://127.0.0.1:${port}` });
  const skus = Array.from({ length: SKUS }, (_, i) => `BENCH-${String(i).padStart(4, '0')}`);
  for (const { emulator } of systems.stores) {
    for (const sku of skus)
      emulator.createProduct({
        name: sku,
        type: 'simple',
        sku,
        regular_price: '10.00',
        manage_stock: true,
        stock_quantity: 0,
      });
  }
  const config = systems.hubConfig({ port, databasePath: join(dir, 'hub.db') });
  const hub = await createHub({
    config: { ...config, inventory: { pushIntervalMs: 200 } },
    log: silentLogger(),
    port,
  });
  await hub.start();
  try {
    const count = () => systems.stores.reduce((sum, s) => sum + s.emulator.requests.count({}), 0);
    const before = count();
    const started = new Date();
    let sent = 0;
    const t0 = Date.now();
    // Publish in 50 ms slices at the target rate; each change moves one SKU at one warehouse.
    while (sent < RATE * SECONDS) {
      const due = Math.min(RATE * SECONDS, Math.floor(((Date.now() - t0) / 1000) * RATE));
      const events = [];
      for (; sent < due; sent += 1) {
        const sku = skus[sent % SKUS]!;
        const at = new Date().toISOString();
        const position: StockPosition = {
          sku,
          location: sent % 2 === 0 ? 'main' : 'east',
          onHand: 100 + sent,
          reserved: 0,
          available: 100 + sent,
          asOf: at,
          source: 'odoo',
        };
        events.push(
          makeEvent(
            'stock.changed',
            skuSubject(sku),
            skuPartitionKey(sku),
            { position, changedAt: at },
            { source: 'odoo' },
          ),
        );
      }
      if (events.length > 0) await hub.runtime.publish(events);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Drain: wait (bounded) until nothing is queued for any store.
    const deadline = Date.now() + 60_000;
    for (;;) {
      await hub.runtime.idle();
      const pending = await hub.store.db
        .selectFrom('stock_push_pending')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      if (Number(pending?.n ?? 0) === 0) break;
      if (Date.now() > deadline) throw new Error('pushes did not drain');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const requests = count() - before;
    const entries = await hub.store.db
      .selectFrom('timeline_entries')
      .select(['system', 'data'])
      .where('subject', 'like', 'sku:BENCH-%')
      .where('kind', '=', 'effect')
      .where('at', '>=', started.toISOString())
      .execute();
    const byStore = new Map<string, number[]>();
    for (const e of entries) {
      const lag = (JSON.parse(e.data ?? '{}') as { lagSeconds?: number }).lagSeconds;
      if (lag === undefined) continue;
      const list = byStore.get(e.system) ?? [];
      list.push(lag);
      byStore.set(e.system, list);
    }
    const rows = [...byStore].map(([system, lags]) => {
      lags.sort((a, b) => a - b);
      return {
        store: system.replace('woocommerce:', ''),
        'pushed values': lags.length,
        'p50 s': Number(percentile(lags, 0.5).toFixed(3)),
        'p95 s': Number(percentile(lags, 0.95).toFixed(3)),
        'max s': Number((lags.at(-1) ?? 0).toFixed(3)),
      };
    });
    rows.push({ store: 'all', 'pushed values': entries.length, 'p50 s': 0, 'p95 s': 0, 'max s': 0 });
    const all = [...byStore.values()].flat().sort((a, b) => a - b);
    rows[rows.length - 1] = {
      store: `all (${sent} changes, ${requests} WooCommerce requests = ${((requests / sent) * 1000).toFixed(1)} per 1,000 changes)`,
      'pushed values': all.length,
      'p50 s': Number(percentile(all, 0.5).toFixed(3)),
      'p95 s': Number(percentile(all, 0.95).toFixed(3)),
      'max s': Number((all.at(-1) ?? 0).toFixed(3)),
    };
    return {
      title: `Stock propagation: ${RATE} ERP changes/s for ${SECONDS} s over ${SKUS} SKUs → 3 stores (target p95 < 2 s)`,
      rows,
    };
  } finally {
    await hub.stop();
    await systems.close();
    await rm(dir, { recursive: true, force: true });
  }
}
