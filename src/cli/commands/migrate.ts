/**
 * `retail-hub migrate`: brings the configured database to the latest schema (the hub also does
 * this at start).
 *
 * @example
 * ```sh
 * retail-hub migrate --config ./retail-hub.yaml
 * # migrated: 0001-create-runtime-tables, 0100-create-woocommerce-tables
 * ```
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import { createDatabase, type DatabaseHandle } from '../../store/create-database.js';
import { databaseConfigFrom } from '../../store/database-config-from.js';
import { migrateToLatest } from '../../store/migrate.js';

/** Opens the store named by the program's `--config` file (for maintenance commands). */
export async function openStoreFromConfig(command: Command): Promise<DatabaseHandle> {
  const { config: path } = command.optsWithGlobals<{ config: string }>();
  const config = await loadConfig(path);
  return createDatabase(databaseConfigFrom(config.database));
}

export function register(program: Command): void {
  program
    .command('migrate')
    .description('apply every pending database migration (SQLite or PostgreSQL, per the config)')
    .action(async (_options: unknown, command: Command) => {
      const store = await openStoreFromConfig(command);
      try {
        const applied = await migrateToLatest(store.db);
        process.stdout.write(
          applied.length > 0 ? `migrated: ${applied.join(', ')}\n` : 'database is up to date\n',
        );
      } finally {
        await store.close();
      }
    });
}
