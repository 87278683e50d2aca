import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import { STATEMENT_CACHE_SIZE } from './config.js';

/** How many callers may share one commit. */
export interface GroupCommitOptions {
  /** Commit once this many callers wait, even if more are queued for the connection. */
  maxGroup: number;
}

const DEFAULTS: GroupCommitOptions = { maxGroup: 256 };

/**
 * Kysely driver for better-sqlite3 that commits many callers' writes with one fsync.
 *
 * better-sqlite3 is synchronous, so with `synchronous=FULL` every commit blocks the event loop for
 * a whole fsync (~0.4 ms here) — at ~60 commits an order that alone capped the saga. This driver
 * keeps one outer transaction open while callers queue for the single connection: each caller's
 * transaction becomes a savepoint inside it (rolled back alone on failure), each plain statement
 * runs in it, and the outer transaction commits when the connection falls idle or `maxGroup`
 * callers wait. Durability is unchanged: a caller that wrote — or read while the group held
 * uncommitted writes — gets its result only after the group's COMMIT returned, so nothing a caller
 * acts on can vanish in a crash. If the COMMIT fails, or SQLite rolls the outer transaction back
 * itself (I/O error, disk full), every caller in the group gets the error.
 *
 * @example
 * ```ts
 * import BetterSqlite3 from 'better-sqlite3';
 * import { Kysely } from 'kysely';
 * import { GroupCommitSqliteDialect } from './group-commit-dialect.js';
 * const db = new Kysely<Database>({ dialect: new GroupCommitSqliteDialect(new BetterSqlite3('hub.db')) });
 * ```
 */
export class GroupCommitSqliteDriver implements Driver {
  readonly #raw: BetterSqlite3.Database;
  readonly #options: GroupCommitOptions;
  readonly #connection: GroupConnection;
  readonly #mutex = new Mutex();
  /** Callers whose results wait for the open group's commit. */
  #waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  #flushScheduled = false;

  constructor(raw: BetterSqlite3.Database, options: Partial<GroupCommitOptions> = {}) {
    this.#raw = raw;
    this.#options = { ...DEFAULTS, ...options };
    this.#connection = new GroupConnection(raw, (error) => this.#lost(error));
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    if (!this.#raw.inTransaction) {
      this.#raw.exec('begin');
      this.#connection.wrote = false;
    }
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('savepoint rh_caller'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('release rh_caller'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // SQLite may already have rolled the whole group back (then there is no savepoint left).
    if (!this.#raw.inTransaction) return;
    await connection.executeQuery(CompiledQuery.raw('rollback to rh_caller'));
    await connection.executeQuery(CompiledQuery.raw('release rh_caller'));
  }

  async releaseConnection(): Promise<void> {
    if (!this.#raw.inTransaction) {
      this.#mutex.unlock();
      return;
    }
    if (!this.#connection.wrote) {
      // Nothing uncommitted seen: end the read transaction now so its snapshot does not linger.
      this.#raw.exec('commit');
      this.#mutex.unlock();
      return;
    }
    const durable = new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }));
    // Commit on the next turn of the event loop, so callers resumed in this one join the group.
    if (this.#waiting.length >= this.#options.maxGroup) this.#commitGroup();
    else this.#scheduleFlush();
    this.#mutex.unlock();
    await durable;
  }

  async destroy(): Promise<void> {
    await this.#mutex.lock();
    if (this.#raw.inTransaction) this.#commitGroup();
    this.#raw.close();
    this.#mutex.unlock();
  }

  /** Commits once the callers already queued for the connection have joined the group. */
  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      void this.#mutex.lock().then(() => {
        this.#flushScheduled = false;
        if (this.#raw.inTransaction) this.#commitGroup();
        this.#mutex.unlock();
      });
    });
  }

  /** Runs with the connection held (or idle). */
  #commitGroup(): void {
    const group = this.#waiting;
    this.#waiting = [];
    this.#connection.wrote = false;
    try {
      this.#raw.exec('commit');
    } catch (error) {
      if (this.#raw.inTransaction) this.#raw.exec('rollback');
      for (const caller of group) caller.reject(error);
      return;
    }
    for (const caller of group) caller.resolve();
  }

  /** SQLite ended the outer transaction on an error: the group's earlier writes are gone. */
  #lost(error: unknown): void {
    const group = this.#waiting;
    this.#waiting = [];
    this.#connection.wrote = false;
    const lost = new Error('the group transaction was rolled back by SQLite', { cause: error });
    for (const caller of group) caller.reject(lost);
  }
}

class GroupConnection implements DatabaseConnection {
  /** The open group holds uncommitted writes (this caller's or an earlier one's). */
  wrote = false;
  readonly #cache = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly onGroupLost: (error: unknown) => void,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#prepare(compiled.sql);
    const parameters = compiled.parameters as unknown[];
    if (!statement.readonly) this.wrote = true;
    try {
      if (statement.reader) return { rows: statement.all(parameters) as R[] };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    } catch (error) {
      if (!this.raw.inTransaction) this.onGroupLost(error);
      throw error;
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('SQLite streams only select queries');
    const statement = this.#prepare(compiled.sql);
    for (const row of statement.iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }

  /** Re-preparing the same SQL costs more than running it; keep a bounded number prepared. */
  #prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.#cache.get(sql);
    if (!statement) {
      if (this.#cache.size >= STATEMENT_CACHE_SIZE) this.#cache.clear();
      statement = this.raw.prepare(sql);
      this.#cache.set(sql, statement);
    }
    return statement;
  }
}

/** FIFO lock on the one connection. */
class Mutex {
  #held = false;
  readonly #queue: (() => void)[] = [];

  lock(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#queue.push(resolve));
  }

  unlock(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#held = false;
  }
}
