/**
 * `retail-hub demo`: the live demo on the embedded default (SQLite, in-process bus, emulators).
 *
 * @example
 * ```sh
 * retail-hub demo --orders-per-second 5 --manifest ./demo.json
 * ```
 */
import type { Command } from 'commander';
import { createLogger } from '../../ops/logger.js';
import { runDemo } from '../../demo/run-demo.js';
import { waitForSignal } from './start.js';

const positive = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
};

export function register(program: Command): void {
  program
    .command('demo')
    .description('Run the hub with emulated stores, ERP and warehouses exchanging orders and stock')
    .option('--port <port>', 'hub HTTP port', (v) => Number.parseInt(v, 10), 8080)
    .option('--orders-per-second <n>', 'shopper checkouts per second', positive('--orders-per-second'), 3)
    .option('--manifest <file>', 'write the emulators, URLs and credentials as JSON')
    .option('--database <path>', 'SQLite file for the demo (recreated at each start)', './data/demo.db')
    .option('--duration <seconds>', 'stop by itself after this long', positive('--duration'))
    .option('--no-faults', 'no ERP maintenance windows or lost webhooks')
    .option('--seed <n>', 'seed for reproducible traffic', (v) => Number.parseInt(v, 10), 1)
    .action(
      async (opts: {
        port: number;
        ordersPerSecond: number;
        manifest?: string;
        database: string;
        duration?: number;
        faults: boolean;
        seed: number;
      }) => {
        const log = createLogger({ level: process.env.LOG_LEVEL ?? 'error' });
        await runDemo({
          port: opts.port,
          ordersPerSecond: opts.ordersPerSecond,
          databasePath: opts.database,
          log,
          faults: opts.faults,
          seed: opts.seed,
          tty: process.stdout.isTTY === true,
          stopSignal: waitForSignal(),
          ...(opts.manifest ? { manifestPath: opts.manifest } : {}),
          ...(opts.duration ? { durationSeconds: opts.duration } : {}),
        });
      },
    );
}
