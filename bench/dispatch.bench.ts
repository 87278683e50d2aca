/**
 * Dispatcher throughput with a no-op handler: a backlog of events over many partition keys is
 * claimed, handled and acknowledged (acks by group commit).
 */
import { createRuntime } from '../src/runtime/create-runtime.js';
import { silentLogger } from '../src/ops/logger.js';
import { benchStore, cpuMicrosPer, postgresAvailable, round } from './bench-store.js';

export const name = 'dispatch';

async function measure(
  dialect: 'sqlite' | 'postgres',
  total: number,
  partitions: number,
  concurrency: number,
) {
  const store = await benchStore(dialect);
  try {
    const runtime = createRuntime({
      db: store.db,
      dialect: store.dialect,
      log: silentLogger(),
      concurrency,
      pollIntervalMs: 50,
    });
    let handled = 0;
    let resolveAll: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (resolveAll = resolve));
    runtime.subscribe('bench', ['bench.noop'], async () => {
      if (++handled === total) resolveAll();
    });
    for (let i = 0; i < total; i += 1_000) {
      await runtime.publish(
        Array.from({ length: Math.min(1_000, total - i) }, (_, j) => ({
          type: 'bench.noop',
          subject: `thing:${i + j}`,
          partitionKey: `p-${(i + j) % partitions}`,
          data: { n: i + j },
        })),
      );
    }
    const cpu = process.cpuUsage();
    const started = performance.now();
    await runtime.start();
    await all;
    await runtime.idle();
    const seconds = (performance.now() - started) / 1000;
    const cpuPerMessage = cpuMicrosPer(cpu, total);
    await runtime.stop();
    return {
      dialect,
      messages: total,
      partitions,
      concurrency,
      seconds: round(seconds, 2),
      'messages/s': round(total / seconds),
      'hub cpu µs/msg': cpuPerMessage,
    };
  } finally {
    await store.close();
  }
}

export async function run() {
  const rows: Record<string, string | number>[] = [];
  rows.push(await measure('sqlite', 30_000, 1_000, 32));
  if (await postgresAvailable()) rows.push(await measure('postgres', 15_000, 1_000, 32));
  else rows.push({ dialect: 'postgres', messages: 0, 'messages/s': 'skipped: no server' });
  return { title: 'Dispatcher, no-op handler (claim + handle + ack)', rows };
}
