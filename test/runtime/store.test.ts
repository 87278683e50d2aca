import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDatabase } from '../../src/store/create-database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { StartupError } from '../../src/cli/fatal.js';
import { DIALECTS, openTestDatabase } from './helpers.js';

describe.each(DIALECTS)('store on %s', (dialect) => {
  it('migrates to the latest version once, and again is a no-op', async () => {
    const store = await openTestDatabase(dialect, { migrate: false });
    try {
      const applied = await migrateToLatest(store.db);
      expect(applied).toContain('0001-create-runtime-tables');
      expect(await migrateToLatest(store.db)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('round-trips text byte for byte and bigint times as numbers', async () => {
    const store = await openTestDatabase(dialect);
    try {
      const body = '{"name":"Crème brûlée – 🍮","url":"https:\\/\\/shop.example\\/"}';
      const event = {
        id: '01J0000000000000000000000A',
        type: 't',
        version: 1,
        source: 's',
        subject: 'x',
        partition_key: 'k',
        correlation_id: 'c',
        causation_id: null,
        occurred_at: '2026-01-01T00:00:00.000Z',
        data: body,
        recorded_at: '2026-01-01T00:00:00.000Z',
      };
      await store.db.insertInto('events').values(event).execute();
      const later = 4_102_444_800_000; // 2100-01-01, beyond 32 bits
      await store.db
        .insertInto('deliveries')
        .values({
          event_id: event.id,
          consumer: 'c',
          partition_key: 'k',
          status: 'pending',
          attempts: 0,
          available_at: later,
        })
        .execute();
      const row = await store.db
        .selectFrom('deliveries')
        .innerJoin('events', 'events.id', 'deliveries.event_id')
        .select(['events.data', 'deliveries.available_at', 'deliveries.seq'])
        .executeTakeFirstOrThrow();
      expect(row.data).toBe(body);
      expect(row.available_at).toBe(later);
      expect(typeof row.seq).toBe('number');
    } finally {
      await store.close();
    }
  });

  it('enforces the inbox dedupe key and foreign keys', async () => {
    const store = await openTestDatabase(dialect);
    try {
      const row = {
        id: 'a',
        source: 's',
        dedupe_key: 'k',
        type: 't',
        partition_key: 'p',
        subject: 'x',
        headers: '{}',
        body: '',
        status: 'accepted',
        received_at: 'now',
      };
      await store.db.insertInto('inbox').values(row).execute();
      await expect(
        store.db
          .insertInto('inbox')
          .values({ ...row, id: 'b' })
          .execute(),
      ).rejects.toThrow();
      await expect(
        store.db
          .insertInto('deliveries')
          .values({
            event_id: 'missing',
            consumer: 'c',
            partition_key: 'k',
            status: 'pending',
            attempts: 0,
            available_at: 0,
          })
          .execute(),
      ).rejects.toThrow();
    } finally {
      await store.close();
    }
  });
});

describe('SQLite specifics', () => {
  it('creates the folder and opens in WAL mode with synchronous=FULL and foreign keys on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retail-hub-store-'));
    const path = join(dir, 'nested', 'data', 'hub.db');
    const store = await createDatabase({ kind: 'sqlite', path });
    try {
      expect(existsSync(path)).toBe(true);
      const pragma = async (name: string) => (await sql.raw(`PRAGMA ${name}`).execute(store.db)).rows[0];
      expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await pragma('synchronous')).toEqual({ synchronous: 2 });
      expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(store.dialect).toBe('sqlite');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL specifics', () => {
  it('refuses an unreachable server with a StartupError naming the host and a fix', async () => {
    const error = await createDatabase({
      kind: 'postgres',
      url: 'postgres://hub:secret-pw@127.0.0.1:1/hub',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    const startup = error as StartupError;
    expect(startup.message).toContain('127.0.0.1:1/hub');
    expect(startup.message).not.toContain('secret-pw');
    expect(startup.fix).toMatch(/Start PostgreSQL/);
  });

  it('keeps each schema isolated', async () => {
    const a = await openTestDatabase('postgres');
    const b = await openTestDatabase('postgres');
    try {
      await a.db.insertInto('cursors').values({ name: 'x', value: '1', updated_at: 'now' }).execute();
      expect(await b.db.selectFrom('cursors').selectAll().execute()).toEqual([]);
      expect(b.location).not.toBe(a.location);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
