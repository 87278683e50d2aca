import type BetterSqlite3 from 'better-sqlite3';
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
} from 'kysely';
import { GroupCommitSqliteDriver, type GroupCommitOptions } from './group-commit-driver.js';

/**
 * Kysely's SQLite dialect with the group-commit driver in place of its own.
 *
 * @example
 * ```ts
 * const db = new Kysely<Database>({ dialect: new GroupCommitSqliteDialect(new BetterSqlite3('hub.db')) });
 * ```
 */
export class GroupCommitSqliteDialect implements Dialect {
  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly options: Partial<GroupCommitOptions> = {},
  ) {}

  createDriver(): Driver {
    return new GroupCommitSqliteDriver(this.raw, this.options);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
