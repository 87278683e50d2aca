/**
 * The `retail-hub` command. Each subcommand lives in `./commands/<name>.ts` and registers itself.
 *
 * @example
 * ```sh
 * retail-hub --help
 * retail-hub migrate --config ./retail-hub.yaml
 * ```
 */
import { Command, CommanderError } from 'commander';
import { pathToFileURL } from 'node:url';
import { reportFatal } from './fatal.js';
import { register as registerStart } from './commands/start.js';
import { register as registerDemo } from './commands/demo.js';
import { register as registerMigrate } from './commands/migrate.js';
import { register as registerDeadLetters } from './commands/dead-letters.js';
import { register as registerSchemas } from './commands/schemas.js';
import { register as registerSimWms } from './commands/sim-wms.js';
import { register as registerSimWooCommerce } from './commands/sim-woocommerce.js';
import { register as registerSimOdoo } from './commands/sim-odoo.js';
import { register as registerWooCommerce } from './commands/woocommerce.js';
import { register as registerOrders } from './commands/orders.js';
import { register as registerReconcile } from './commands/reconcile.js';

export function buildProgram(): Command {
  const program = new Command('retail-hub')
    .description('Integration hub for WooCommerce stores, an ERP and warehouses')
    .option('-c, --config <path>', 'configuration file', process.env.RETAIL_HUB_CONFIG ?? 'retail-hub.yaml')
    .option('--verbose', 'print stack traces on errors', false)
    .exitOverride();
  // Command registrations (one line each):
  registerStart(program);
  registerDemo(program);
  registerMigrate(program);
  registerDeadLetters(program);
  registerSchemas(program);
  registerOrders(program);
  registerReconcile(program);
  registerSimWms(program);
  registerSimWooCommerce(program);
  registerSimOdoo(program);
  registerWooCommerce(program);
  return program;
}

/** Runs the CLI and returns the process exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    return reportFatal(error, program.opts<{ verbose?: boolean }>().verbose === true);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv);
}
