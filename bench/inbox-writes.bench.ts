/**
 * Durable inbox accepts per second: concurrent writers each await `inbox.accept` (answered only
 * after the group commit holding their message is fsync'd), as webhook requests would.
 */
import { createRuntime } from '../src/runtime/create-runtime.js';
import { silentLogger } from '../src/ops/logger.js';
import { benchStore, cpuMicrosPer, percentile, postgresAvailable, round } from './bench-store.js';

export const name = 'inbox-writes';

const BODY = JSON.stringify({
  id: 0,
  status: 'processing',
  line_items: Array.from({ length: 8 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1, total: '19.90' })),
});

async function measure(dialect: 'sqlite' | 'postgres', writers: number, total: number) {
  const store = await benchStore(dialect);
  try {
    const runtime = createRuntime({ db: store.db, dialect: store.dialect, log: silentLogger() });
    // A subscriber, so each accept also writes its delivery row (the dispatcher is not started).
    runtime.subscribe('bench', ['woocommerce.order'], async () => undefined);
    const latencies: number[] = [];
    let next = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (next < total) {
          const i = next++;
          const t = performance.now();
          await runtime.inbox.accept({
            source: 'woocommerce:eu',
            dedupeKey: `delivery-${i}`,
            type: 'woocommerce.order',
            partitionKey: `orders.eu.${i % 500}`,
            subject: `order:eu:${i}`,
            body: BODY,
          });
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      dialect,
      writers,
      messages: total,
      'accepts/s': round(total / seconds),
      'p50 ms': round(percentile(latencies, 50), 1),
      'p99 ms': round(percentile(latencies, 99), 1),
      'hub cpu µs/msg': cpuMicrosPer(cpu, total),
    };
  } finally {
    await store.close();
  }
}

export async function run() {
  const rows: Record<string, string | number>[] = [];
  rows.push(await measure('sqlite', 1, 500));
  rows.push(await measure('sqlite', 200, 40_000));
  if (await postgresAvailable()) {
    rows.push(await measure('postgres', 1, 300));
    rows.push(await measure('postgres', 200, 20_000));
  } else rows.push({ dialect: 'postgres', writers: '-', messages: 0, 'accepts/s': 'skipped: no server' });
  return { title: 'Durable inbox accepts (group commit, synchronous=FULL on SQLite)', rows };
}
