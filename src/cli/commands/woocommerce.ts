/**
 * `retail-hub woocommerce …`: operator commands for the WooCommerce stores.
 * - `backfill orders|products|customers --store S [--since DATE]` pages through a store's history
 *   into the hub's inbox (deduplicated against what webhooks and polls already brought), resumable;
 *   a progress line with count, rate and ETA goes to stderr.
 * - `webhooks sync [--store S]` ensures each store has one active webhook per topic the hub needs,
 *   re-activates disabled ones, deletes duplicates and prints what it changed.
 *
 * @example
 * ```sh
 * retail-hub woocommerce backfill orders --store eu --since 2026-01-01
 * retail-hub woocommerce webhooks sync
 * ```
 */
import { CommanderError, type Command } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import type { HubConfig } from '../../config/schema.js';
import { createLogger } from '../../ops/logger.js';
import { createRuntime, type Runtime } from '../../runtime/create-runtime.js';
import { createDatabase, type DatabaseHandle } from '../../store/create-database.js';
import { databaseConfigFrom } from '../../store/database-config-from.js';
import { migrateToLatest } from '../../store/migrate.js';
import { WooClient } from '../../connectors/woocommerce/client.js';
import { backfill, type BackfillCollection } from '../../connectors/woocommerce/sync/backfill.js';
import { createProgress } from '../../connectors/woocommerce/sync/progress.js';
import {
  formatWebhookChanges,
  syncWebhooks,
  type WebhookChange,
} from '../../connectors/woocommerce/sync/webhook-sync.js';

type Write = (text: string) => void;
type StoreConfig = HubConfig['stores'][number];

const COLLECTIONS: readonly BackfillCollection[] = ['orders', 'products', 'customers'];

/** A client for one configured store, through the runtime's endpoint policy for it. */
export function clientFor(
  runtime: Pick<Runtime, 'policy'>,
  store: StoreConfig,
  log = createLogger({ level: 'warn' }),
): WooClient {
  const policy = runtime.policy(`woocommerce:${store.id}`, {
    ...(store.rateLimit
      ? {
          ratePerSecond: store.rateLimit.perSecond,
          ...(store.rateLimit.burst ? { burst: store.rateLimit.burst } : {}),
        }
      : {}),
  });
  return new WooClient({ store, policy, log });
}

function pickStores(config: HubConfig, storeId: string | undefined): StoreConfig[] {
  if (storeId === undefined) return config.stores;
  const store = config.stores.find((s) => s.id === storeId);
  if (!store)
    throw new CommanderError(
      2,
      'woocommerce.unknown_store',
      `no store "${storeId}" in the configuration (known: ${config.stores.map((s) => s.id).join(', ')})`,
    );
  return [store];
}

async function withRuntime<R>(config: HubConfig, fn: (runtime: Runtime) => Promise<R>): Promise<R> {
  const store: DatabaseHandle = await createDatabase(databaseConfigFrom(config.database));
  try {
    await migrateToLatest(store.db);
    // Not started: this process only writes to the inbox; the running hub dispatches.
    const runtime = createRuntime({
      db: store.db,
      dialect: store.dialect,
      log: createLogger({ level: 'warn' }),
    });
    try {
      return await fn(runtime);
    } finally {
      await runtime.stop();
    }
  } finally {
    await store.close();
  }
}

export async function runBackfill(
  config: HubConfig,
  input: { collection: string; store: string; since?: string },
  err: NodeJS.WriteStream | { write: Write; isTTY?: boolean },
  out: Write,
): Promise<void> {
  if (!(COLLECTIONS as readonly string[]).includes(input.collection)) {
    throw new CommanderError(
      2,
      'woocommerce.bad_collection',
      `backfill what? "${input.collection}" is not one of ${COLLECTIONS.join(', ')}`,
    );
  }
  const collection = input.collection as BackfillCollection;
  const [store] = pickStores(config, input.store);
  if (!store) return;
  await withRuntime(config, async (runtime) => {
    const report = await backfill({
      store,
      client: clientFor(runtime, store),
      inbox: runtime.inbox,
      cursors: runtime.cursors,
      collection,
      ...(input.since ? { since: input.since } : {}),
      progress: createProgress({ label: `${collection} ${store.id}`, stream: err }),
    });
    out(
      `${collection} from ${store.id}: ${report.fetched} fetched, ${report.accepted} new, ${report.duplicate + report.stale} already known` +
        `${report.resumedFromPage ? ` (resumed at page ${report.resumedFromPage})` : ''}\n`,
    );
  });
}

export async function runWebhookSync(
  config: HubConfig,
  storeId: string | undefined,
  out: Write,
): Promise<WebhookChange[]> {
  const changes: WebhookChange[] = [];
  await withRuntime(config, async (runtime) => {
    for (const store of pickStores(config, storeId)) {
      changes.push(
        ...(await syncWebhooks({
          storeId: store.id,
          client: clientFor(runtime, store),
          publicUrl: config.server.publicUrl,
          secret: store.webhookSecret,
        })),
      );
    }
  });
  out(formatWebhookChanges(changes));
  const reactivated = changes.filter((c) => c.action === 'reactivated');
  if (reactivated.length > 0) {
    out(
      `re-activated ${reactivated.length} webhook(s) that WooCommerce had ${[...new Set(reactivated.map((c) => c.previousStatus))].join('/')}: deliveries were failing — check the hub's reachability at ${config.server.publicUrl}\n`,
    );
  }
  return changes;
}

export function register(program: Command): void {
  const woo = program.command('woocommerce').description('WooCommerce store operations');
  woo
    .command('backfill')
    .description("page through a store's history (orders, products or customers) into the hub, resumably")
    .argument('<collection>', COLLECTIONS.join('|'))
    .requiredOption('--store <id>', 'configured store id')
    .option('--since <date>', 'only records created since this date (YYYY-MM-DD or ISO time, UTC)')
    .action(async (collection: string, options: { store: string; since?: string }, command: Command) => {
      const config = await loadConfig(command.optsWithGlobals<{ config: string }>().config);
      await runBackfill(config, { collection, ...options }, process.stderr, (t) => process.stdout.write(t));
    });
  woo
    .command('webhooks')
    .description("manage the stores' webhooks")
    .command('sync')
    .description('ensure one active webhook per topic the hub needs, pointing at server.publicUrl')
    .option('--store <id>', 'only this store')
    .action(async (options: { store?: string }, command: Command) => {
      const config = await loadConfig(command.optsWithGlobals<{ config: string }>().config);
      await runWebhookSync(config, options.store, (t) => process.stdout.write(t));
    });
}
