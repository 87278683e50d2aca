import { describe, expect, it } from 'vitest';
import { DIALECTS, inbound, waitFor } from './helpers.js';
import { useRuntimeHarness } from './harness.js';

describe.each(DIALECTS)('dispatcher on %s', (dialect) => {
  const h = useRuntimeHarness(dialect);

  it('handles each partition strictly in order and different partitions in parallel', async () => {
    const concurrency = 6;
    const runtime = h.runtime({ concurrency });
    const seen = new Map<string, number[]>();
    let running = 0;
    let maxRunning = 0;
    runtime.subscribe('ordered', ['step'], async (ctx) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      // Simulated work of varying length, so later messages would overtake if order were not enforced.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
      const list = seen.get(ctx.message.partitionKey) ?? [];
      list.push((ctx.message.data as { n: number }).n);
      seen.set(ctx.message.partitionKey, list);
      running--;
    });
    const keys = 12;
    const perKey = 15;
    // Interleave partitions; publish in several commits so the dispatcher runs while they arrive.
    for (let n = 0; n < perKey; n++) {
      await runtime.publish(
        Array.from({ length: keys }, (_, k) => ({
          type: 'step',
          subject: `order:${k}`,
          partitionKey: `orders.${k}`,
          data: { n },
        })),
      );
      if (n === 2) await runtime.start();
    }
    await runtime.idle();
    expect(seen.size).toBe(keys);
    for (const list of seen.values()) expect(list).toEqual(Array.from({ length: perKey }, (_, n) => n));
    expect(maxRunning).toBeGreaterThan(1);
    expect(maxRunning).toBeLessThanOrEqual(concurrency);
  });

  it('keeps a partition blocked after the handler acknowledged until the handler returns', async () => {
    const runtime = h.runtime({ concurrency: 4 });
    const log: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstMayFinish = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    runtime.subscribe('multi-step', ['step'], async (ctx) => {
      const n = (ctx.message.data as { n: number }).n;
      log.push(`start ${n}`);
      // The first transaction acknowledges; the handler then goes on with a later step, as the
      // saga does. The next message of the same key must not run in between.
      await ctx.transaction(async () => undefined);
      if (n === 1) await firstMayFinish;
      await ctx.transaction(async () => undefined);
      log.push(`end ${n}`);
    });
    await runtime.start();
    await runtime.publish(
      [1, 2].map((n) => ({ type: 'step', subject: 's', partitionKey: 'same-key', data: { n } })),
    );
    await waitFor(async () => (log.includes('start 1') ? true : undefined), {
      what: 'first handler started',
    });
    // Give the dispatcher several cycles in which it could (wrongly) claim message 2.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['start 1']);
    releaseFirst();
    await runtime.idle();
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    const statuses = await h.store.db.selectFrom('deliveries').select(['status', 'acked']).execute();
    expect(statuses.every((s) => s.status === 'done')).toBe(true);
  });

  it('fans an event out to every subscribed consumer, each with its own order', async () => {
    const runtime = h.runtime();
    const a: string[] = [];
    const b: string[] = [];
    runtime.subscribe('a', ['x', 'y'], async (ctx) => {
      a.push(ctx.message.type);
    });
    runtime.subscribe('b', ['y'], async (ctx) => {
      b.push(ctx.message.type);
    });
    await runtime.publish([
      { type: 'x', subject: 's', partitionKey: 'k', data: {} },
      { type: 'y', subject: 's', partitionKey: 'k', data: {} },
      { type: 'z', subject: 's', partitionKey: 'k', data: {} },
    ]);
    await runtime.start();
    await runtime.idle();
    expect(a).toEqual(['x', 'y']);
    expect(b).toEqual(['y']);
  });

  it('acknowledges in the handler transaction and carries correlation to published events', async () => {
    const runtime = h.runtime();
    const db = h.store.db;
    await db.schema
      .createTable('t_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
    const notes = db.withTables<{ t_notes: { id: string } }>();
    const followUps: { correlationId: string; causationId: string | undefined }[] = [];
    runtime.subscribe('writer', ['test.message'], async (ctx) => {
      await ctx.transaction(async (trx, publish) => {
        await trx
          .withTables<{ t_notes: { id: string } }>()
          .insertInto('t_notes')
          .values({ id: ctx.message.id })
          .execute();
        await publish([
          {
            type: 'note.written',
            subject: ctx.message.subject,
            partitionKey: ctx.message.partitionKey,
            data: {},
          },
        ]);
      });
    });
    runtime.subscribe('reader', ['note.written'], async (ctx) => {
      followUps.push({ correlationId: ctx.message.correlationId, causationId: ctx.message.causationId });
    });
    await runtime.start();
    const accepted = await runtime.inbox.accept(inbound({ correlationId: 'corr-1' }));
    await runtime.idle();
    expect(await notes.selectFrom('t_notes').selectAll().execute()).toEqual([{ id: accepted.id }]);
    expect(followUps).toEqual([{ correlationId: 'corr-1', causationId: accepted.id }]);
    const statuses = await db.selectFrom('deliveries').select('status').execute();
    expect(statuses.every((s) => s.status === 'done')).toBe(true);
  });

  it('delivers a notBefore event no earlier than asked, without holding back its partition', async () => {
    const runtime = h.runtime();
    const handled: string[] = [];
    runtime.subscribe('timers', ['later', 'now'], async (ctx) => {
      handled.push(ctx.message.type);
    });
    await runtime.start();
    await runtime.publish([
      {
        type: 'later',
        subject: 's',
        partitionKey: 'k',
        data: {},
        notBefore: new Date(Date.now() + 60_000).toISOString(),
      },
      { type: 'now', subject: 's', partitionKey: 'k', data: {} },
    ]);
    await runtime.idle();
    expect(handled).toEqual(['now']);
  });

  it('stop() drains in-flight handlers and start() after a stop resumes', async () => {
    const runtime = h.runtime({ concurrency: 4 });
    let done = 0;
    runtime.subscribe('slow', ['test.message'], async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      done++;
    });
    await runtime.start();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => runtime.inbox.accept(inbound({ partitionKey: `p${i}` }))),
    );
    await runtime.stop();
    const processing = await h.store.db
      .selectFrom('deliveries')
      .select('seq')
      .where('status', '=', 'processing')
      .execute();
    expect(processing).toEqual([]);
    await runtime.start();
    await runtime.idle();
    expect(done).toBe(8);
  });

  it('stop() gives up on a hung handler after the grace period, leaving its message to be redelivered', async () => {
    const runtime = h.runtime();
    let started = false;
    runtime.subscribe('hung', ['test.message'], async () => {
      started = true;
      await new Promise(() => undefined);
    });
    await runtime.start();
    await runtime.inbox.accept(inbound());
    await waitFor(() => started);
    await runtime.stop({ graceMs: 50 });
    const rows = await h.store.db.selectFrom('deliveries').select(['status', 'attempts']).execute();
    expect(rows).toEqual([{ status: 'processing', attempts: 1 }]);
  });
});
