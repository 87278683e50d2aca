import { Kysely } from 'kysely';
import pg from 'pg';
import { StartupError } from '../../cli/fatal.js';
import type { Database } from '../schema.js';
import { HubPostgresDialect } from './dialect.js';
import { assertSchemaName, CONNECT_TIMEOUT_MS, DEFAULT_POOL_SIZE, PG_TYPES } from './config.js';

/**
 * Connects a pool and proves the server answers before anything else starts, so an unreachable
 * database is one clear startup error rather than a stream of failing handlers.
 */
export async function connectPostgres(options: {
  url: string;
  schema?: string;
  max?: number;
}): Promise<{ db: Kysely<Database>; close(): Promise<void> }> {
  const schema = options.schema === undefined ? undefined : assertSchemaName(options.schema);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: PG_TYPES,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw unreachable(options.url, error);
  }
  const db = new Kysely<Database>({ dialect: new HubPostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}

function unreachable(url: string, error: unknown): StartupError {
  const target = describeTarget(url);
  const reason = error instanceof Error ? error.message : String(error);
  return new StartupError(
    `cannot connect to PostgreSQL at ${target}: ${reason}`,
    `Start PostgreSQL on ${target} (or correct \`database.url\` in the config), check the user, password and database name, ` +
      'or use `database: { kind: sqlite, path: ./data/hub.db }` to run without a database server.',
    { cause: error },
  );
}

/** host:port/database, never the password. */
function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured url (unparsable)';
  }
}
