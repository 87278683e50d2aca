/**
 * Child process for the crash test: accepts messages `m-0 … m-(N-1)` through the inbox (resending
 * all of them on every start — the inbox dedupes) and handles them with a handler whose effect is
 * a row written in the ack transaction. The parent SIGKILLs it at random points.
 *
 * Usage: node --import tsx test/runtime/crash-worker.ts DB_PATH N
 * Prints `IDLE` and exits 0 once every message is handled.
 */
import { sql } from 'kysely';
import { createDatabase } from '../../src/store/create-database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createRuntime } from '../../src/runtime/create-runtime.js';
import { silentLogger } from '../../src/ops/logger.js';

export type CrashTables = {
  crash_effects: { message_id: string; partition_key: string; n: number; times: number };
  crash_order: { partition_key: string; last_n: number };
  crash_violations: { message_id: string; detail: string };
};

export const CRASH_PARTITIONS = 17;

const [path, total] = [process.argv[2] ?? '', Number(process.argv[3] ?? '0')];
const store = await createDatabase({ kind: 'sqlite', path });
await migrateToLatest(store.db);
const db = store.db.withTables<CrashTables>();
await sql`create table if not exists crash_effects (message_id text primary key, partition_key text not null, n integer not null, times integer not null)`.execute(
  db,
);
await sql`create table if not exists crash_order (partition_key text primary key, last_n integer not null)`.execute(
  db,
);
await sql`create table if not exists crash_violations (message_id text not null, detail text not null)`.execute(
  db,
);

const runtime = createRuntime({
  db: store.db,
  dialect: 'sqlite',
  log: silentLogger(),
  concurrency: 8,
  pollIntervalMs: 10,
});
runtime.subscribe('crash', ['crash.message'], async (ctx) => {
  const n = Number((ctx.message.data as { body: string }).body);
  // Yield so kills land between reading, writing and committing.
  await new Promise((resolve) => setImmediate(resolve));
  await ctx.transaction(async (trx) => {
    const t = trx.withTables<CrashTables>();
    const last = await t
      .selectFrom('crash_order')
      .select('last_n')
      .where('partition_key', '=', ctx.message.partitionKey)
      .executeTakeFirst();
    if (last && last.last_n >= n) {
      await t
        .insertInto('crash_violations')
        .values({ message_id: ctx.message.id, detail: `order: ${n} after ${last.last_n}` })
        .execute();
    }
    await t
      .insertInto('crash_order')
      .values({ partition_key: ctx.message.partitionKey, last_n: n })
      .onConflict((oc) => oc.column('partition_key').doUpdateSet({ last_n: n }))
      .execute();
    await t
      .insertInto('crash_effects')
      .values({ message_id: `m-${n}`, partition_key: ctx.message.partitionKey, n, times: 1 })
      .onConflict((oc) =>
        oc.column('message_id').doUpdateSet((eb) => ({ times: eb('crash_effects.times', '+', 1) })),
      )
      .execute();
  });
});
await runtime.start();

// Resend everything in order per partition, 64 in flight, as a webhook sender retrying would.
for (let i = 0; i < total; i += 64) {
  await Promise.all(
    Array.from({ length: Math.min(64, total - i) }, (_, j) =>
      runtime.inbox.accept({
        source: 'crash-test',
        dedupeKey: `m-${i + j}`,
        type: 'crash.message',
        partitionKey: `p-${(i + j) % CRASH_PARTITIONS}`,
        subject: `thing:${i + j}`,
        body: String(i + j),
      }),
    ),
  );
}
await runtime.idle();
await runtime.stop();
await store.close();
process.stdout.write('IDLE\n');
