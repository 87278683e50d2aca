/**
 * Opens the hub's store on SQLite or PostgreSQL behind one Kysely type.
 *
 * @example
 * ```ts
 * import { createDatabase } from './create-database.js';
 * import { migrateToLatest } from './migrate.js';
 * const store = await createDatabase({ kind: 'sqlite', path: './data/hub.db' });
 * await migrateToLatest(store.db);
 * await store.close();
 * ```
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { DatabaseConfig, DialectName } from './config.js';
import { connectSqlite } from './sqlite/connect.js';
import { connectPostgres } from './postgres/connect.js';

export type { DatabaseConfig, DialectName } from './config.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/** Throws `StartupError` (from `src/cli/fatal.ts`) when the database cannot be opened or reached. */
export async function createDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.kind === 'sqlite') return { dialect: 'sqlite', ...connectSqlite(config.path) };
  return { dialect: 'postgres', ...(await connectPostgres(config)) };
}
