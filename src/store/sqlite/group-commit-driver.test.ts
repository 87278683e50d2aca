import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitSqliteDialect } from './group-commit-dialect.js';

interface Tables {
  items: { id: number; label: string };
}

describe('GroupCommitSqliteDriver', () => {
  let dir: string;
  let raw: BetterSqlite3.Database;
  let db: Kysely<Tables>;
  /** A second connection: sees only what the first has committed. */
  let observer: BetterSqlite3.Database;
  let commits: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
    const path = join(dir, 'db.sqlite');
    raw = new BetterSqlite3(path);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec('create table items (id integer primary key, label text not null unique)');
    const exec = raw.exec.bind(raw);
    commits = 0;
    raw.exec = (source: string) => {
      if (source === 'commit') commits += 1;
      return exec(source);
    };
    db = new Kysely<Tables>({ dialect: new GroupCommitSqliteDialect(raw) });
    observer = new BetterSqlite3(path, { readonly: true });
  });

  afterEach(async () => {
    await db.destroy();
    observer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const committedLabels = () =>
    (observer.prepare('select label from items order by id').all() as { label: string }[]).map(
      (r) => r.label,
    );

  it('commits concurrent writers together, each answered only once its row is committed', async () => {
    const seenAtResolve: boolean[] = [];
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        await db
          .insertInto('items')
          .values({ id: i + 1, label: `item-${i}` })
          .execute();
        seenAtResolve.push(committedLabels().includes(`item-${i}`));
      }),
    );
    expect(seenAtResolve).toHaveLength(100);
    expect(seenAtResolve.every(Boolean)).toBe(true);
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(10);
  });

  it('rolls back a failed transaction alone, keeping the rest of its group', async () => {
    const results = await Promise.allSettled([
      db.insertInto('items').values({ id: 1, label: 'kept-before' }).execute(),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ id: 2, label: 'undone' }).execute();
        await trx.insertInto('items').values({ id: 3, label: 'kept-before' }).execute();
      }),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ id: 4, label: 'kept-after' }).execute();
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committedLabels()).toEqual(['kept-before', 'kept-after']);
  });

  it('holds back a read of uncommitted group state until that state is durable', async () => {
    const write = db.insertInto('items').values({ id: 1, label: 'pending' }).execute();
    const read = db
      .selectFrom('items')
      .select('label')
      .execute()
      .then((rows) => ({ rows, committed: committedLabels() }));
    await write;
    const { rows, committed } = await read;
    expect(rows.map((r) => r.label)).toEqual(['pending']);
    expect(committed).toEqual(['pending']);
  });

  it('answers a read on a clean connection without waiting for a commit', async () => {
    await db.insertInto('items').values({ id: 1, label: 'a' }).execute();
    const before = commits;
    expect(await db.selectFrom('items').select('label').execute()).toEqual([{ label: 'a' }]);
    // The read transaction is ended (a no-op commit), so its snapshot never lingers.
    expect(raw.inTransaction).toBe(false);
    expect(commits).toBe(before + 1);
  });

  it('fails every caller of a group that SQLite rolled back as a whole', async () => {
    raw.exec(
      "create trigger abort_all before insert on items when new.label = 'poison' begin select raise(rollback, 'poisoned'); end",
    );
    const results = await Promise.allSettled([
      db.insertInto('items').values({ id: 1, label: 'innocent' }).execute(),
      db.insertInto('items').values({ id: 2, label: 'poison' }).execute(),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(committedLabels()).toEqual([]);
    // The connection recovers: the next write commits normally.
    await db.insertInto('items').values({ id: 3, label: 'later' }).execute();
    expect(committedLabels()).toEqual(['later']);
    expect((await sql<{ n: number }>`select count(*) as n from items`.execute(db)).rows[0]?.n).toBe(1);
  });
});
