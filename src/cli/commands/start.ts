/**
 * `retail-hub start [--role api|worker|all]`: runs the hub from the config file until SIGINT or
 * SIGTERM, then drains in-flight work and exits 0.
 *
 * @example
 * ```sh
 * retail-hub start --config ./retail-hub.yaml --role all
 * ```
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import { createHub, type HubRole } from '../../app/create-hub.js';
import { createLogger } from '../../ops/logger.js';

export function register(program: Command): void {
  program
    .command('start')
    .description('Run the hub (HTTP API, webhooks, handlers and pollers)')
    .addOption(
      new Option('--role <role>', 'which part of the hub this process runs')
        .choices(['api', 'worker', 'all'])
        .default('all'),
    )
    .option('--port <port>', 'override server.port', (v) => Number.parseInt(v, 10))
    .action(async (opts: { role: HubRole; port?: number }) => {
      const config = await loadConfig(program.opts<{ config: string }>().config);
      const log = createLogger({ level: config.log?.level ?? 'info' });
      const hub = await createHub({
        config,
        log,
        role: opts.role,
        ...(opts.port !== undefined ? { port: opts.port } : {}),
      });
      await hub.start();
      await waitForSignal();
      log.info('stopping: draining in-flight work');
      await hub.stop();
    });
}

export function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
