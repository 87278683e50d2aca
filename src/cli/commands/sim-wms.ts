/**
 * `retail-hub sim wms`: runs the WMS / carrier emulator in the foreground until Ctrl-C.
 *
 * @example
 * ```sh
 * retail-hub sim wms --port 9100 --warehouse main --secret s3cret \
 *   --webhook-url http://127.0.0.1:8080/webhooks/wms/main --unpickable SKU-BROKEN
 * ```
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { startWmsEmulator } from '../../../sim/wms/index.js';
import { createLogger } from '../../ops/logger.js';
import { simCommand } from './sim.js';
import { csv, nonNegativeInt } from '../option-parsers.js';
import { waitForSignal } from './start.js';

interface SimWmsFlags {
  port: number;
  host: string;
  warehouse: string;
  secret?: string;
  apiKey?: string;
  webhookUrl?: string;
  unpickable: string[];
  pickMs: number;
  packMs: number;
  shipMs: number;
  maxUnitsPerShipment?: number;
}

export function register(program: Command): void {
  simCommand(program)
    .command('wms')
    .description('Run the WMS / carrier emulator (fulfilment orders, milestones, signed webhooks)')
    .option('--port <n>', 'port to listen on (0 = any free port)', nonNegativeInt, 9100)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .requiredOption('--warehouse <id>', 'warehouse id this WMS serves')
    .option('--secret <secret>', 'webhook signing secret (default: env WMS_WEBHOOK_SECRET)')
    .option('--api-key <key>', 'API key clients must send (default: env WMS_API_KEY or wms-dev-key)')
    .option('--webhook-url <url>', 'where milestone webhooks are POSTed')
    .option('--unpickable <skus>', 'comma-separated SKUs the warehouse cannot pick', csv, [])
    .option('--pick-ms <ms>', 'time from acceptance to picking', nonNegativeInt, 50)
    .option('--pack-ms <ms>', 'time from picking to packed', nonNegativeInt, 50)
    .option('--ship-ms <ms>', 'time from packed to shipped', nonNegativeInt, 50)
    .option('--max-units-per-shipment <n>', 'split orders into parcels of at most n units', nonNegativeInt)
    .action(async (flags: SimWmsFlags) => {
      // Secrets are read from the environment here, not as option defaults, so --help never prints them.
      const secret = flags.secret ?? process.env.WMS_WEBHOOK_SECRET;
      if (secret === undefined || secret === '')
        throw new InvalidArgumentError('--secret (or WMS_WEBHOOK_SECRET) is required');
      const log = createLogger({ name: 'sim-wms' });
      const wms = await startWmsEmulator({
        port: flags.port,
        host: flags.host,
        warehouseId: flags.warehouse,
        webhookSecret: secret,
        apiKeys: [flags.apiKey ?? process.env.WMS_API_KEY ?? 'wms-dev-key'],
        ...(flags.webhookUrl === undefined ? {} : { webhookUrl: flags.webhookUrl }),
        clock: { pickMs: flags.pickMs, packMs: flags.packMs, shipMs: flags.shipMs },
        ...(flags.maxUnitsPerShipment ? { maxUnitsPerShipment: flags.maxUnitsPerShipment } : {}),
        faults: { unpickableSkus: flags.unpickable },
        log,
      });
      process.stdout.write(`WMS emulator for warehouse "${flags.warehouse}" listening on ${wms.url}\n`);
      await waitForSignal();
      await wms.close();
    });
}
