/**
 * Brings the schema to the latest migration. Runs at start and via `retail-hub migrate`.
 * Modules number their migrations in separate ranges, so a later-numbered migration may be
 * applied before an earlier one written in parallel: unordered migrations are allowed.
 *
 * @example
 * ```ts
 * const store = await createDatabase({ kind: 'sqlite', path: ':memory:' });
 * const applied = await migrateToLatest(store.db); // ['0001-create-runtime-tables', ...]
 * ```
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { dialectOf } from './dialect-of.js';
import { migrations as registry } from './migrations/index.js';

/** Returns the names applied by this call (empty when already up to date). Throws on the first failure. */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  migrations: Record<string, Migration> = registry,
): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // Kysely looks for its bookkeeping tables in every schema; name ours, or a sibling schema's
  // tables (another hub, another test file) would be mistaken for this one's.
  const migrationTableSchema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
