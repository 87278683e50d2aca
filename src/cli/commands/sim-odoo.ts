/**
 * `retail-hub sim odoo`: runs the Odoo emulator (JSON-2, JSON-RPC and XML-RPC over one database)
 * in the foreground until Ctrl-C. Fault knobs can be changed later with `POST /__control/faults`.
 *
 * @example
 * ```sh
 * retail-hub sim odoo --port 8069 --db demo --version 17 --login admin --api-key admin --latency 50
 * ```
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { startOdooEmulator, type OdooVersion } from '../../../sim/odoo/index.js';
import { createLogger } from '../../ops/logger.js';
import { simCommand } from './sim.js';
import { fraction, nonNegativeInt } from '../option-parsers.js';

interface SimOdooFlags {
  port: number;
  host: string;
  db: string;
  version: OdooVersion;
  login: string;
  password?: string;
  apiKey?: string;
  latency: number;
  errorRate: number;
  lostResponseRate: number;
  maintenance: boolean;
}

function odooVersion(value: string): OdooVersion {
  const parsed = Number(value);
  if (parsed !== 16 && parsed !== 17 && parsed !== 18 && parsed !== 19)
    throw new InvalidArgumentError('must be 16, 17, 18 or 19');
  return parsed;
}

export function register(program: Command): void {
  simCommand(program)
    .command('odoo')
    .description(
      'Run the Odoo emulator (JSON-2, JSON-RPC, XML-RPC) with default data: db demo, user admin, warehouses WH and WH2',
    )
    .option('--port <n>', 'port to listen on (0 = any free port)', nonNegativeInt, 8069)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--db <name>', 'database name', 'demo')
    .option('--version <n>', 'Odoo version whose fields, states and APIs to emulate', odooVersion, 19)
    .option('--login <login>', 'user login', 'admin')
    .option('--password <password>', 'user password (default: env ODOO_PASSWORD, else admin)')
    .option('--api-key <key>', 'API key for bearer and RPC auth (default: env ODOO_API_KEY, else admin)')
    .option('--latency <ms>', 'latency added to every call', nonNegativeInt, 0)
    .option('--error-rate <fraction>', 'fraction of calls failing with a server error', fraction, 0)
    .option('--lost-response-rate <fraction>', 'fraction of calls executed but answered 504', fraction, 0)
    .option('--maintenance', 'start in a maintenance window (every call answered 503)', false)
    .action(async (flags: SimOdooFlags) => {
      const log = createLogger({ name: 'odoo-emulator' });
      const odoo = await startOdooEmulator({
        port: flags.port,
        host: flags.host,
        db: flags.db,
        version: flags.version,
        login: flags.login,
        password: flags.password ?? process.env.ODOO_PASSWORD ?? 'admin',
        apiKey: flags.apiKey ?? process.env.ODOO_API_KEY ?? 'admin',
        latencyMs: flags.latency,
        errorRate: flags.errorRate,
        lostResponseRate: flags.lostResponseRate,
        maintenance: flags.maintenance,
        log,
      });
      process.stdout.write(
        `Odoo ${odoo.version}.0 emulator (database "${odoo.db}", login "${odoo.login}") listening on ${odoo.url}\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await odoo.close();
    });
}
