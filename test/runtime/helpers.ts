/**
 * Test helpers for suites that need a real store and runtime: a migrated SQLite file in a temp
 * folder or a PostgreSQL schema of its own (dropped on close), a controllable clock, and
 * `waitFor` to wait on a condition with a deadline instead of sleeping.
 *
 * @example
 * ```ts
 * const store = await openTestDatabase('postgres');
 * const runtime = createRuntime({ db: store.db, dialect: store.dialect, log: silentLogger() });
 * await waitFor(async () => (await countHandled()) === 10);
 * await store.close();
 * ```
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDatabase, type DatabaseHandle } from '../../src/store/create-database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import type { Clock } from '../../src/runtime/clock.js';
import type { InboundMessage } from '../../src/runtime/contracts.js';

export type TestDialect = 'sqlite' | 'postgres';
export const DIALECTS: readonly TestDialect[] = ['sqlite', 'postgres'];

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends DatabaseHandle {
  /** The SQLite file, or the PostgreSQL schema name. */
  location: string;
}

/** A migrated, empty store of its own; `close()` removes it (temp folder or schema). */
export async function openTestDatabase(
  dialect: TestDialect,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let handle: DatabaseHandle;
  let location: string;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'retail-hub-test-'));
    location = join(dir, 'hub.db');
    handle = await createDatabase({ kind: 'sqlite', path: location });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    location = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
    handle = await createDatabase({ kind: 'postgres', url: TEST_POSTGRES_URL, schema: location, max: 5 });
    cleanup = async () => {
      const admin = await createDatabase({ kind: 'postgres', url: TEST_POSTGRES_URL, max: 1 });
      await sql`DROP SCHEMA IF EXISTS ${sql.id(location)} CASCADE`.execute(admin.db);
      await admin.close();
    };
  }
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return {
    ...handle,
    location,
    close: async () => {
      await handle.close();
      await cleanup();
    },
  };
}

/** A clock that moves only when told to. */
export function fakeClock(
  start = Date.parse('2026-01-01T00:00:00.000Z'),
): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}

/**
 * Polls `probe` until it returns a truthy value, failing after `timeoutMs`; `intervalMs` is the
 * pause between probes (longer when a probe is itself costly, e.g. an HTTP call).
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  {
    timeoutMs = 15_000,
    what = 'condition',
    intervalMs = 5,
  }: { timeoutMs?: number; what?: string; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

let counter = 0;
/** An inbound message with unique dedupe key unless given. */
export function inbound(overrides: Partial<InboundMessage> = {}): InboundMessage {
  counter++;
  return {
    source: 'test',
    dedupeKey: `d-${counter}`,
    type: 'test.message',
    partitionKey: 'p-1',
    subject: 'thing:1',
    body: JSON.stringify({ n: counter }),
    ...overrides,
  };
}
