import { PostgresAdapter, SqliteAdapter, type Kysely } from 'kysely';
import type { DialectName } from './config.js';

/** Which dialect a Kysely instance speaks; migrations use it for the few non-portable column types. */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  if (adapter instanceof PostgresAdapter) return 'postgres';
  throw new Error('unsupported database dialect (expected SQLite or PostgreSQL)');
}
