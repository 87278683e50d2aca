/**
 * `retail-hub demo`: the hub on SQLite with three WooCommerce stores, one Odoo, two warehouses and
 * a drop-ship supplier, all emulated in this process, with shoppers placing orders and the usual
 * faults. Prints where to look and a live summary; Ctrl-C stops the traffic, drains the hub and
 * exits with nothing lost (the SQLite file keeps every message).
 *
 * @example
 * ```ts
 * await runDemo({ port: 8080, ordersPerSecond: 5, databasePath: './data/demo.db', log });
 * ```
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { createHub } from '../app/create-hub.js';
import { startDemoSystems } from './demo-systems.js';
import { startShopperTraffic } from './shopper-traffic.js';
import { formatSummary, readSummary } from './summary.js';
import { writeManifest } from './manifest.js';

export interface DemoOptions {
  port: number;
  ordersPerSecond: number;
  databasePath: string;
  log: Logger;
  manifestPath?: string;
  /** Stop by itself after this many seconds (default: run until Ctrl-C). */
  durationSeconds?: number;
  faults?: boolean;
  seed?: number;
  /** Resolves when the demo should stop (Ctrl-C); the duration also stops it. */
  stopSignal?: Promise<unknown>;
  write?: (line: string) => void;
  /** Redraw the summary in place (a terminal) or print a line per interval. */
  tty?: boolean;
}

export async function runDemo(options: DemoOptions): Promise<{ orders: number; deadLetters: number }> {
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const hubUrl = `http://127.0.0.1:${options.port}`;
  // The emulators keep their data in memory, so a previous demo's store would point at orders that
  // no longer exist: every demo starts from a fresh file.
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.databasePath}${suffix}`, { force: true });
  mkdirSync(dirname(options.databasePath), { recursive: true });

  const world = await startDemoSystems({ hubUrl, seed: options.seed ?? 1, log: options.log });
  const hub = await createHub({
    config: world.hubConfig({ port: options.port, databasePath: options.databasePath }),
    log: options.log,
    port: options.port,
  });
  await hub.start();
  await world.connectWebhooks(hub);
  if (options.manifestPath) await writeManifest(options.manifestPath, world, hub.url);

  write(
    [
      '',
      `Retail Hub demo — hub at ${hub.url}`,
      ...world.stores.map(
        (s) =>
          `  store ${s.spec.id.padEnd(3)} ${s.spec.currency}${s.spec.pricesIncludeTax ? ' (prices incl. tax)' : ''}  ${s.emulator.url}`,
      ),
      `  odoo      ${world.odoo.url}  (database ${world.odoo.db}, user ${world.odoo.login}, key ${world.odoo.apiKey})`,
      ...world.warehouses.map((w) => `  wms ${w.id.padEnd(5)} ${w.emulator.url}`),
      '',
      'Where to look:',
      `  curl -s ${hub.url}/v1/orders/eu/<order id>/timeline      # one order across every system`,
      `  curl -s '${hub.url}/v1/availability?store=eu&sku=TOTE-NAT&sku=MUG-ENAMEL'   # sellable now, from the projection`,
      `  curl -s ${hub.url}/v1/admin/dead-letters                  # anything that failed for good`,
      `  curl -s ${hub.url}/metrics | grep retail_hub_              # runtime metrics`,
      `  ${world.stores[0]?.emulator.url}/wp-json/wc/v3/orders?consumer_key=${world.stores[0]?.consumerKey}&consumer_secret=${world.stores[0]?.consumerSecret}`,
      ...(options.manifestPath ? [`  manifest: ${options.manifestPath}`] : []),
      '',
      `Placing ${options.ordersPerSecond} orders/s${options.faults === false ? '' : ' with occasional faults'}. Ctrl-C stops cleanly.`,
      '',
    ].join('\n') + '\n',
  );

  const traffic = startShopperTraffic({
    world,
    ordersPerSecond: options.ordersPerSecond,
    seed: options.seed ?? 1,
    log: options.log,
    ...(options.faults === undefined ? {} : { faults: options.faults }),
  });
  const render = async () => {
    const summary = formatSummary(await readSummary(hub));
    const stats = traffic.stats();
    const line = `${summary} · checkouts ${stats.checkouts} (refused ${stats.refusedCheckouts}) · refunds ${stats.refunds} · cancellations ${stats.cancellations}`;
    write(options.tty ? `\r\x1b[2K${line}` : `${line}\n`);
  };
  const ticker = setInterval(() => void render().catch(() => undefined), options.tty ? 1000 : 5000);

  const stops: Promise<unknown>[] = [];
  if (options.stopSignal) stops.push(options.stopSignal);
  if (options.durationSeconds !== undefined)
    stops.push(new Promise((r) => setTimeout(r, options.durationSeconds! * 1000)));
  await Promise.race(stops.length > 0 ? stops : [new Promise(() => undefined)]);

  write('\nstopping: no new orders; letting in-flight work finish…\n');
  await traffic.stop();
  clearInterval(ticker);
  // Give the saga a bounded moment to settle what is in flight; whatever is left stays durable.
  await Promise.race([hub.runtime.idle(), new Promise((r) => setTimeout(r, 10_000))]);
  const final = await readSummary(hub);
  write(`${formatSummary(final)}\n`);
  await hub.stop();
  await world.close();
  write(`stopped; state kept in ${options.databasePath}\n`);
  return { orders: final.orders, deadLetters: final.deadLetters };
}
