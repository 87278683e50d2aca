import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { connectPostgres } from './connect.js';
import type { Database } from '../schema.js';

const URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schemaName = (tag: string) => `i_${tag}_${randomBytes(4).toString('hex')}`;

describe('current-schema introspection (PostgreSQL)', () => {
  const own = schemaName('own');
  const sibling = schemaName('sib');
  let hub: { db: Kysely<Database>; close(): Promise<void> };
  let admin: Kysely<unknown>;

  beforeAll(async () => {
    hub = await connectPostgres({ url: URL, schema: own, max: 2 });
    admin = new Kysely({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: URL, max: 4 }) }),
    });
    await sql`create table ${sql.id(own, 'orders')} (id serial primary key, note text)`.execute(admin);
    await sql`create schema ${sql.id(sibling)}`.execute(admin);
    await sql`create table ${sql.id(sibling, 'other')} (id int)`.execute(admin);
    // Enough catalog rows that each introspection takes a while: the race needs a window.
    for (let i = 0; i < 150; i += 1)
      await sql`create table ${sql.id(sibling, `t${i}`)} (id serial primary key, a text, b text)`.execute(
        admin,
      );
  });

  afterAll(async () => {
    for (const schema of [own, sibling])
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
    await admin.destroy();
    await hub.close();
  });

  it("lists the hub's own schema only, with its columns", async () => {
    const tables = await hub.db.introspection.getTables({ withInternalKyselyTables: true });
    expect(tables.map((t) => `${t.schema ?? ''}.${t.name}`).filter((n) => !n.startsWith('i_tmp'))).toEqual([
      `${own}.orders`,
    ]);
    expect(tables[0]?.columns.map((c) => [c.name, c.isNullable, c.hasDefaultValue])).toEqual([
      ['id', false, true],
      ['note', true, false],
    ]);
  });

  // Kysely's own introspector looks a name up for every schema in the database; one dropped while
  // it runs (another hub's tests, a tenant removed) failed this hub's migration with
  // `schema "…" does not exist`.
  it('is not disturbed by other schemas being dropped while it runs', async () => {
    let churning = true;
    const churner = async () => {
      let rounds = 0;
      while (churning || rounds < 20) {
        const doomed = schemaName('tmp');
        await sql`create schema ${sql.id(doomed)}`.execute(admin);
        await sql`create table ${sql.id(doomed, 't')} (id serial primary key)`.execute(admin);
        await sql`drop schema ${sql.id(doomed)} cascade`.execute(admin);
        rounds += 1;
      }
      return rounds;
    };
    const churns = [churner(), churner(), churner()];
    const failures: unknown[] = [];
    for (let i = 0; i < 40; i += 1) {
      await hub.db.introspection
        .getTables({ withInternalKyselyTables: true })
        .catch((e: unknown) => failures.push(e));
    }
    churning = false;
    for (const rounds of await Promise.all(churns)) expect(rounds).toBeGreaterThanOrEqual(20);
    expect(failures).toEqual([]);
  });
});
