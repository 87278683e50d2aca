import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StartupError } from '../../cli/fatal.js';
import type { Database } from '../schema.js';
import { SQLITE_PRAGMAS } from './config.js';
import { GroupCommitSqliteDialect } from './group-commit-dialect.js';

/** Opens (creating if needed) the SQLite file with the hub's pragmas. */
export function connectSqlite(path: string): { db: Kysely<Database>; close(): Promise<void> } {
  let raw: BetterSqlite3.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    raw = new BetterSqlite3(path);
    for (const pragma of SQLITE_PRAGMAS) raw.pragma(pragma);
  } catch (error) {
    throw new StartupError(
      `cannot open the SQLite database at ${path}: ${error instanceof Error ? error.message : String(error)}`,
      'Check that `database.path` points to a writable location (its folder is created when missing).',
      { cause: error },
    );
  }
  const db = new Kysely<Database>({ dialect: new GroupCommitSqliteDialect(raw) });
  return { db, close: () => db.destroy() };
}
