import { describe, expect, it } from 'vitest';
import { DIALECTS, inbound } from './helpers.js';
import { useRuntimeHarness } from './harness.js';
import { TransientError } from '../../src/runtime/errors.js';

describe.each(DIALECTS)('effects and outbox on %s', (dialect) => {
  const h = useRuntimeHarness(dialect);

  it('performs an effect once and returns the recorded result afterwards', async () => {
    const runtime = h.runtime();
    let performed = 0;
    const effect = { perform: async () => ({ erpId: 42 + performed++ }) };
    expect(await runtime.effects.run('erp:create-order:WC-eu-1', effect)).toEqual({ erpId: 42 });
    expect(await runtime.effects.run('erp:create-order:WC-eu-1', effect)).toEqual({ erpId: 42 });
    expect(performed).toBe(1);
    expect(await runtime.effects.get('erp:create-order:WC-eu-1')).toEqual({
      status: 'completed',
      result: { erpId: 42 },
    });
    expect(await runtime.effects.get('unknown')).toBeUndefined();
  });

  it('after a crash between acting and recording, asks lookup before acting again', async () => {
    const runtime = h.runtime();
    // Simulated crash: the effect started (and happened remotely) but completion was never recorded.
    await expect(
      runtime.effects.run('erp:create-order:WC-eu-2', {
        perform: async () => {
          throw new TransientError('connection reset after the ERP created the order');
        },
      }),
    ).rejects.toThrow('connection reset');
    expect((await runtime.effects.get('erp:create-order:WC-eu-2'))?.status).toBe('started');

    let performed = 0;
    const result = await runtime.effects.run('erp:create-order:WC-eu-2', {
      perform: async () => ++performed,
      lookup: async () => 7, // the ERP already has it
    });
    expect(result).toBe(7);
    expect(performed).toBe(0);
    expect(await runtime.effects.get('erp:create-order:WC-eu-2')).toEqual({ status: 'completed', result: 7 });

    // When lookup finds nothing, it is performed.
    await h.store.db
      .insertInto('effects')
      .values({ key: 'k3', status: 'started', result: null, started_at: 'x', completed_at: null })
      .execute();
    expect(
      await runtime.effects.run('k3', { perform: async () => 'made', lookup: async () => undefined }),
    ).toBe('made');
  });

  it('publishes nothing when the publishing transaction throws', async () => {
    const runtime = h.runtime();
    const handled: string[] = [];
    runtime.subscribe('c', ['order.validated'], async (ctx) => {
      handled.push(ctx.message.subject);
    });
    await runtime.start();
    await expect(
      h.store.db.transaction().execute(async (trx) => {
        await runtime.publish(
          [{ type: 'order.validated', subject: 'order:eu:1', partitionKey: 'orders.eu.1', data: {} }],
          trx,
        );
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    await h.store.db.transaction().execute(async (trx) => {
      await runtime.publish(
        [{ type: 'order.validated', subject: 'order:eu:2', partitionKey: 'orders.eu.2', data: {} }],
        trx,
      );
    });
    await runtime.idle();
    expect(handled).toEqual(['order:eu:2']);
    const events = await h.store.db.selectFrom('events').select('subject').execute();
    expect(events.map((e) => e.subject)).toEqual(['order:eu:2']);
  });

  it("rolls back a handler's state change and events with its failure, and redelivers", async () => {
    const runtime = h.runtime({ retry: { maxAttempts: 3, baseMs: 1, maxMs: 1 } });
    const db = h.store.db;
    await db.schema
      .createTable('t_state')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('attempt', 'integer')
      .execute();
    const followUps: number[] = [];
    runtime.subscribe('saga', ['test.message'], async (ctx) => {
      await ctx.transaction(async (trx, publish) => {
        await trx
          .withTables<{ t_state: { id: string; attempt: number } }>()
          .insertInto('t_state')
          .values({ id: ctx.message.id, attempt: ctx.message.attempt })
          .execute();
        await publish([
          { type: 'followed', subject: 's', partitionKey: 'k', data: { attempt: ctx.message.attempt } },
        ]);
        if (ctx.message.attempt === 1) throw new TransientError('ERP timed out');
      });
    });
    runtime.subscribe('after', ['followed'], async (ctx) => {
      followUps.push((ctx.message.data as { attempt: number }).attempt);
    });
    await runtime.start();
    await runtime.inbox.accept(inbound());
    await runtime.idle();
    const rows = await db
      .withTables<{ t_state: { id: string; attempt: number } }>()
      .selectFrom('t_state')
      .select('attempt')
      .execute();
    expect(rows).toEqual([{ attempt: 2 }]);
    expect(followUps).toEqual([2]);
  });

  it('keeps cursors durably, also inside a caller transaction', async () => {
    const runtime = h.runtime();
    expect(await runtime.cursors.get('odoo:stock')).toBeUndefined();
    await runtime.cursors.set('odoo:stock', '2026-01-01 10:00:00');
    await runtime.cursors.set('odoo:stock', '2026-01-01 11:00:00');
    await expect(
      h.store.db.transaction().execute(async (trx) => {
        await runtime.cursors.set('odoo:stock', '2026-01-01 12:00:00', trx);
        throw new Error('poll failed');
      }),
    ).rejects.toThrow();
    expect(await runtime.cursors.get('odoo:stock')).toBe('2026-01-01 11:00:00');
  });
});
