import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDatabase, type DatabaseHandle } from '../src/store/create-database.js';
import { migrateToLatest } from '../src/store/migrate.js';

export const BENCH_POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

/** A fresh migrated store for one measurement (temp SQLite file or own PostgreSQL schema), removed by `close`. */
export async function benchStore(dialect: 'sqlite' | 'postgres'): Promise<DatabaseHandle> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'retail-hub-bench-'));
    const store = await createDatabase({ kind: 'sqlite', path: join(dir, 'hub.db') });
    await migrateToLatest(store.db);
    return {
      ...store,
      close: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })),
    };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = await createDatabase({ kind: 'postgres', url: BENCH_POSTGRES_URL, schema, max: 10 });
  await migrateToLatest(store.db);
  return {
    ...store,
    close: async () => {
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(store.db);
      await store.close();
    },
  };
}

/** PostgreSQL benches are skipped (with a row saying so) when no server answers. */
export async function postgresAvailable(): Promise<boolean> {
  try {
    const store = await createDatabase({ kind: 'postgres', url: BENCH_POSTGRES_URL, max: 1 });
    await store.close();
    return true;
  } catch {
    return false;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const round = (n: number, digits = 0): number => Number(n.toFixed(digits));

/** CPU time this process spent per item since `since` (user + system), in microseconds. */
export function cpuMicrosPer(since: NodeJS.CpuUsage, items: number): number {
  const used = process.cpuUsage(since);
  return round((used.user + used.system) / items, 1);
}
