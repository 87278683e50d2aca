import { describe, expect, it } from 'vitest';
import { DIALECTS, inbound } from './helpers.js';
import { useRuntimeHarness } from './harness.js';
import type { Envelope } from '../../src/runtime/contracts.js';

describe.each(DIALECTS)('inbox on %s', (dialect) => {
  const h = useRuntimeHarness(dialect);

  it('accepts a message once per (source, dedupe key), even when sent concurrently', async () => {
    const runtime = h.runtime();
    const handled: Envelope[] = [];
    runtime.subscribe('c', ['test.message'], async (ctx) => {
      handled.push(ctx.message);
    });
    await runtime.start();
    const message = inbound({
      dedupeKey: 'delivery-1',
      body: '{"id":1}',
      headers: { 'x-wc-webhook-topic': 'order.created' },
    });
    const results = await Promise.all([
      runtime.inbox.accept(message),
      runtime.inbox.accept(message),
      runtime.inbox.accept(message),
    ]);
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(2);
    const acceptedId = results.find((r) => r.status === 'accepted')?.id;
    expect(results.every((r) => r.id === acceptedId)).toBe(true);

    // Same key from another source is a different message.
    expect((await runtime.inbox.accept({ ...message, source: 'other' })).status).toBe('accepted');
    // A later resend is still a duplicate.
    expect((await runtime.inbox.accept(message)).status).toBe('duplicate');

    await runtime.idle();
    expect(handled).toHaveLength(2);
    const first = handled.find((m) => m.id === acceptedId);
    expect(first?.data).toEqual({ body: '{"id":1}', headers: { 'x-wc-webhook-topic': 'order.created' } });
    expect(first?.type).toBe('test.message');
    expect(first?.correlationId).toBe(acceptedId);
  });

  it('refuses an older or equal version of a resource as stale and keeps it for the record', async () => {
    const runtime = h.runtime();
    const bodies: string[] = [];
    runtime.subscribe('c', ['test.message'], async (ctx) => {
      bodies.push((ctx.message.data as { body: string }).body);
    });
    await runtime.start();
    const v = (value: string, body: string) => inbound({ body, version: { key: 'order:eu:7', value } });
    expect((await runtime.inbox.accept(v('2026-01-02T10:00:00', 'v2'))).status).toBe('accepted');
    expect((await runtime.inbox.accept(v('2026-01-01T10:00:00', 'v1'))).status).toBe('stale');
    expect((await runtime.inbox.accept(v('2026-01-02T10:00:00', 'v2-again'))).status).toBe('stale');
    expect((await runtime.inbox.accept(v('2026-01-03T10:00:00', 'v3'))).status).toBe('accepted');
    // Another resource's versions are independent.
    expect(
      (
        await runtime.inbox.accept(
          inbound({ body: 'other', version: { key: 'order:eu:8', value: '2020-01-01T00:00:00' } }),
        )
      ).status,
    ).toBe('accepted');
    await runtime.idle();
    expect(bodies.sort()).toEqual(['other', 'v2', 'v3']);
    const stale = await h.store.db
      .selectFrom('inbox')
      .select('body')
      .where('status', '=', 'stale')
      .orderBy('body')
      .execute();
    expect(stale.map((r) => r.body)).toEqual(['v1', 'v2-again']);
  });

  it('decides versions in arrival order inside one group-commit batch', async () => {
    const runtime = h.runtime();
    const results = await Promise.all(
      ['05', '03', '07', '07', '09'].map((value, i) =>
        runtime.inbox.accept(inbound({ body: String(i), version: { key: 'sku:A', value } })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['accepted', 'stale', 'accepted', 'stale', 'accepted']);
  });

  it('accepts a different state with an equal version by its tag, in arrival order, and refuses a re-sent one', async () => {
    const runtime = h.runtime();
    const v = (value: string, tag?: string) =>
      inbound({ version: { key: 'order:eu:9', value, ...(tag === undefined ? {} : { tag }) } });
    const status = async (value: string, tag?: string) => (await runtime.inbox.accept(v(value, tag))).status;
    expect(await status('2026-01-02T10:00:00', 'aa')).toBe('accepted');
    expect(await status('2026-01-02T10:00:00', 'bb')).toBe('accepted');
    expect(await status('2026-01-02T10:00:00', 'aa')).toBe('stale');
    expect(await status('2026-01-02T10:00:00', 'bb')).toBe('stale');
    expect(await status('2026-01-02T10:00:00')).toBe('stale');
    expect(await status('2026-01-01T10:00:00', 'cc')).toBe('stale');
    // A newer version starts a fresh list: a tag seen at the old version is new here.
    expect(await status('2026-01-03T10:00:00', 'cc')).toBe('accepted');
    expect(await status('2026-01-03T10:00:00', 'aa')).toBe('accepted');
    expect(await status('2026-01-03T10:00:00', 'cc')).toBe('stale');

    // Inside one group-commit batch the same rule holds message by message.
    const batch = await Promise.all(
      ['x1', 'x2', 'x1', 'x3'].map((tag) => runtime.inbox.accept(v('2026-01-04T10:00:00', tag))),
    );
    expect(batch.map((r) => r.status)).toEqual(['accepted', 'accepted', 'stale', 'accepted']);
    await expect(runtime.inbox.accept(v('2026-01-05T10:00:00', 'Not Valid'))).rejects.toMatchObject({
      code: 'invalid_message',
    });
  });

  it('refuses a malformed message alone, without failing the batch it would have joined', async () => {
    const runtime = h.runtime();
    const good = runtime.inbox.accept(inbound());
    const bad = runtime.inbox.accept({ ...inbound(), dedupeKey: '' });
    await expect(bad).rejects.toMatchObject({
      kind: 'permanent',
      code: 'invalid_message',
      message: 'inbound message without dedupeKey',
    });
    expect((await good).status).toBe('accepted');
  });

  it('resolves each accept only after its row is committed', async () => {
    const runtime = h.runtime();
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => runtime.inbox.accept(inbound({ dedupeKey: `bulk-${i}` }))),
    );
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    const rows = await h.store.db
      .selectFrom('inbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(300);
  });
});
