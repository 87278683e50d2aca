/**
 * `retail-hub reconcile stock [--store S] [--repair] [--json]`: compares every store's stock with
 * the hub's available-to-sell and prints the drift; `--repair` pushes corrections through the
 * pusher. Exits 1 when drift remains (so a cron job can alert).
 *
 * @example
 * ```sh
 * retail-hub reconcile stock --store eu
 * # store  sku          store  hub  status
 * # eu     MUG-ENAMEL       3   65  drift
 * retail-hub reconcile stock --store eu --repair
 * ```
 */
import { CommanderError, type Command } from 'commander';
import { createHub } from '../../app/create-hub.js';
import { loadConfig } from '../../config/load-config.js';
import { inventorySettings } from '../../flows/inventory/settings.js';
import { reconcileStock, type DriftRow } from '../../flows/inventory/reconcile-stock.js';
import { createLogger } from '../../ops/logger.js';

export function formatDrift(rows: readonly DriftRow[], all: boolean): string {
  const shown = all ? rows : rows.filter((r) => r.status !== 'ok');
  const count = (status: DriftRow['status']) => rows.filter((r) => r.status === status).length;
  const summary = `${count('drift')} drifting, ${count('not_in_store')} not in the store, ${count('not_tracked')} without hub stock figures, ${count('ok')} in step\n`;
  if (shown.length === 0) return summary;
  const width = Math.max(3, ...shown.map((r) => r.sku.length));
  const lines = [
    `${'store'.padEnd(6)} ${'sku'.padEnd(width)} ${'store'.padStart(7)} ${'hub'.padStart(7)}  status`,
  ];
  for (const r of shown) {
    lines.push(
      `${r.store.padEnd(6)} ${r.sku.padEnd(width)} ${String(r.storeQuantity ?? '-').padStart(7)} ${String(r.available ?? '-').padStart(7)}  ${r.status}`,
    );
  }
  return `${lines.join('\n')}\n${summary}`;
}

export function register(program: Command): void {
  const group = program.command('reconcile').description('compare the stores with the hub and repair drift');
  group
    .command('stock')
    .description("compare every store's stock with the hub's available-to-sell")
    .option('--store <id>', 'only this store')
    .option('--repair', 'push corrections to the stores', false)
    .option('--json', 'print JSON', false)
    .option('--all', 'list matching SKUs too', false)
    .action(
      async (options: { store?: string; repair: boolean; json: boolean; all: boolean }, command: Command) => {
        const { config: path } = command.optsWithGlobals<{ config: string }>();
        const config = await loadConfig(path);
        if (options.store !== undefined && !config.stores.some((s) => s.id === options.store))
          throw new CommanderError(2, 'reconcile.unknown_store', `no store "${options.store}" is configured`);
        const log = createLogger({ level: config.log?.level ?? 'warn' });
        const hub = await createHub({ config, log, role: 'api' });
        try {
          const report = await reconcileStock(
            {
              db: hub.store.db,
              settings: inventorySettings(config),
              woo: (id) => hub.connectors.woo(id),
              log,
            },
            { ...(options.store === undefined ? {} : { store: options.store }), repair: options.repair },
          );
          process.stdout.write(
            options.json ? `${JSON.stringify(report, null, 2)}\n` : formatDrift(report.rows, options.all),
          );
          const drift = report.rows.filter((r) => r.status === 'drift').length;
          if (drift > 0 && !options.repair) process.exitCode = 1;
        } finally {
          await hub.stop();
        }
      },
    );
}
