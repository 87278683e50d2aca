/**
 * `retail-hub sim woocommerce`: runs the WooCommerce REST v3 + webhooks emulator in the foreground
 * until Ctrl-C. Fault knobs given here can be changed later with `POST /__control/faults`.
 *
 * @example
 * ```sh
 * retail-hub sim woocommerce --port 9001 --store-id eu --secret s3cret \
 *   --webhook-url http://127.0.0.1:8080/webhooks/woocommerce/eu \
 *   --fixtures ../shared/fixtures/woocommerce --consumer-key ck_x --consumer-secret cs_y --rate-429 0.05
 * ```
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { startWooEmulator, type Faults } from '../../../sim/woocommerce/index.js';
import { createLogger } from '../../ops/logger.js';
import { simCommand } from './sim.js';
import { fraction, integer, nonNegativeInt } from '../option-parsers.js';

interface SimWooFlags {
  port: number;
  host: string;
  storeId: string;
  secret?: string;
  webhookUrl?: string;
  fixtures?: string;
  consumerKey?: string;
  consumerSecret?: string;
  keyPermissions: 'read' | 'write' | 'read_write';
  currency: string;
  pricesIncludeTax: boolean;
  taxRate?: string;
  taxRoundAtSubtotal: boolean;
  utcOffsetMinutes: number;
  tlsKey?: string;
  tlsCert?: string;
  allowBasicOverHttp: boolean;
  latencyMs: number;
  rate429: number;
  retryAfter: number;
  burst429: number;
  rate5xx: number;
  dropWebhooks: number;
  duplicateWebhooks: number;
  reorderWebhooks: boolean;
  webhookDelayMs: number;
  seed?: number;
}

function percent(value: string): string {
  if (!/^\d+(\.\d+)?$/.test(value))
    throw new InvalidArgumentError('must be a decimal percentage such as 20 or 7.5');
  return value;
}

function permissions(value: string): SimWooFlags['keyPermissions'] {
  if (value !== 'read' && value !== 'write' && value !== 'read_write')
    throw new InvalidArgumentError('must be read, write or read_write');
  return value;
}

export function register(program: Command): void {
  simCommand(program)
    .command('woocommerce')
    .description('Run the WooCommerce REST API v3 + webhooks emulator (one store)')
    .option('--port <n>', 'port to listen on (0 = any free port)', nonNegativeInt, 9001)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .requiredOption('--store-id <id>', 'store id (used in logs and the tax rate code)')
    .option(
      '--secret <secret>',
      'webhook secret for --webhook-url webhooks (default: env WOO_WEBHOOK_SECRET)',
    )
    .option('--webhook-url <url>', 'create active order.*, product.* and customer.* webhooks to this URL')
    .option('--fixtures <dir>', 'load every *.json WooCommerce order/product/variation/refund there')
    .option('--consumer-key <key>', 'enforce WooCommerce authentication with this key')
    .option('--consumer-secret <secret>', 'secret of --consumer-key (default: env WOO_CONSUMER_SECRET)')
    .option('--key-permissions <p>', 'read, write or read_write', permissions, 'read_write')
    .option('--currency <code>', 'store currency', 'USD')
    .option('--prices-include-tax', 'catalogue prices include tax', false)
    .option('--tax-rate <percent>', 'standard tax rate (taxes disabled when omitted)', percent)
    .option('--tax-round-at-subtotal', 'round tax at subtotal level instead of per line', false)
    .option('--utc-offset-minutes <n>', 'site timezone offset for local dates', integer, 0)
    .option('--tls-key <file>', 'serve HTTPS with this PEM key')
    .option('--tls-cert <file>', 'serve HTTPS with this PEM certificate')
    .option('--allow-basic-over-http', 'accept Basic auth and query-string keys over plain HTTP', false)
    .option('--latency-ms <ms>', 'added latency per REST request', nonNegativeInt, 0)
    .option('--rate-429 <fraction>', 'fraction of REST requests answered 429', fraction, 0)
    .option('--retry-after <seconds>', 'Retry-After sent with 429s', nonNegativeInt, 1)
    .option('--burst-429 <n>', 'answer the next n REST requests with 429', nonNegativeInt, 0)
    .option('--rate-5xx <fraction>', 'fraction of REST requests answered 503', fraction, 0)
    .option('--drop-webhooks <fraction>', 'fraction of webhook deliveries silently dropped', fraction, 0)
    .option('--duplicate-webhooks <fraction>', 'fraction of webhook deliveries sent twice', fraction, 0)
    .option('--reorder-webhooks', 'deliver queued webhooks out of order', false)
    .option('--webhook-delay-ms <ms>', 'delay before queued webhooks are delivered', nonNegativeInt, 0)
    .option('--seed <n>', 'seed of the fault random generator', integer)
    .action(async (flags: SimWooFlags) => {
      // Secrets come from the environment here, not as option defaults, so --help never prints them.
      const webhookSecret = flags.secret ?? process.env.WOO_WEBHOOK_SECRET;
      if (!webhookSecret) throw new InvalidArgumentError('--secret (or WOO_WEBHOOK_SECRET) is required');
      const consumerSecret = flags.consumerSecret ?? process.env.WOO_CONSUMER_SECRET;
      if (flags.consumerKey && !consumerSecret)
        throw new InvalidArgumentError('--consumer-key needs --consumer-secret (or WOO_CONSUMER_SECRET)');
      if (Boolean(flags.tlsKey) !== Boolean(flags.tlsCert))
        throw new InvalidArgumentError('--tls-key and --tls-cert go together');
      const faults: Faults = {
        latencyMs: flags.latencyMs,
        rate429: flags.rate429,
        retryAfterSeconds: flags.retryAfter,
        burst429: flags.burst429,
        rate5xx: flags.rate5xx,
        dropWebhookRate: flags.dropWebhooks,
        duplicateWebhookRate: flags.duplicateWebhooks,
        reorderWebhooks: flags.reorderWebhooks,
        webhookDelayMs: flags.webhookDelayMs,
      };
      const log = createLogger({ name: 'sim-woocommerce' });
      const woo = await startWooEmulator({
        port: flags.port,
        host: flags.host,
        storeId: flags.storeId,
        webhookSecret,
        ...(flags.webhookUrl ? { webhookUrl: flags.webhookUrl } : {}),
        ...(flags.fixtures ? { fixturesDir: flags.fixtures } : {}),
        ...(flags.consumerKey && consumerSecret ? { consumerKey: flags.consumerKey, consumerSecret } : {}),
        keyPermissions: flags.keyPermissions,
        currency: flags.currency,
        pricesIncludeTax: flags.pricesIncludeTax,
        taxRoundAtSubtotal: flags.taxRoundAtSubtotal,
        ...(flags.taxRate ? { tax: { rate: flags.taxRate } } : {}),
        utcOffsetMinutes: flags.utcOffsetMinutes,
        ...(flags.tlsKey && flags.tlsCert
          ? { tls: { key: readFileSync(flags.tlsKey), cert: readFileSync(flags.tlsCert) } }
          : {}),
        allowBasicOverHttp: flags.allowBasicOverHttp,
        faults,
        ...(flags.seed === undefined ? {} : { seed: flags.seed }),
        log,
      });
      const loaded = woo.fixtures
        ? ` (fixtures: ${woo.fixtures.orders} orders, ${woo.fixtures.products} products, ${woo.fixtures.variations} variations)`
        : '';
      process.stdout.write(
        `WooCommerce emulator for store "${flags.storeId}" listening on ${woo.url}${loaded}\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await woo.close();
    });
}
