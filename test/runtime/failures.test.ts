import { describe, expect, it } from 'vitest';
import { DIALECTS, fakeClock, inbound, waitFor } from './helpers.js';
import { useRuntimeHarness } from './harness.js';
import { BusinessError, PermanentError, TransientError } from '../../src/runtime/errors.js';

describe.each(DIALECTS)('failure handling on %s', (dialect) => {
  const h = useRuntimeHarness(dialect);
  const delivery = (consumer: string) =>
    h.store.db
      .selectFrom('deliveries')
      .selectAll()
      .where('consumer', '=', consumer)
      .orderBy('seq')
      .executeTakeFirst();

  it('retries a transient failure no sooner than Retry-After, and holds back the partition meanwhile', async () => {
    const clock = fakeClock();
    const runtime = h.runtime({
      clock,
      random: () => 0,
      retry: { maxAttempts: 5, baseMs: 100, maxMs: 1_000 },
    });
    const attempts: { attempt: number; at: number; type: string }[] = [];
    runtime.subscribe('flaky', ['test.message', 'marker'], async (ctx) => {
      attempts.push({ attempt: ctx.message.attempt, at: clock.now(), type: ctx.message.type });
      if (ctx.message.type === 'test.message' && ctx.message.attempt === 1) {
        throw new TransientError('woocommerce answered 429', { code: 'rate_limited', retryAfterMs: 5_000 });
      }
    });
    await runtime.start();
    const t0 = clock.now();
    await runtime.inbox.accept(inbound({ partitionKey: 'orders.1' }));
    await runtime.inbox.accept(inbound({ partitionKey: 'orders.1', type: 'marker' }));
    const failed = await waitFor(async () => {
      const d = await delivery('flaky');
      return d?.status === 'pending' && d.attempts === 1 ? d : undefined;
    });
    // Retry-After (5 s) beats the back-off (at most 100 ms for a first retry).
    expect(failed.available_at).toBe(t0 + 5_000);
    expect(JSON.parse(failed.last_error ?? '{}')).toMatchObject({ kind: 'transient', code: 'rate_limited' });

    // Just before it is due: a marker on another partition proves the dispatcher ran meanwhile.
    clock.advance(4_999);
    await runtime.publish([{ type: 'marker', subject: 's', partitionKey: 'other', data: {} }]);
    await waitFor(() => attempts.some((a) => a.type === 'marker'));
    expect(attempts.filter((a) => a.type === 'test.message')).toHaveLength(1);
    // The same partition's next message waited behind the retrying one.
    expect(attempts.filter((a) => a.type === 'marker')).toHaveLength(1);

    clock.advance(1);
    await runtime.idle();
    const retried = attempts.filter((a) => a.type === 'test.message');
    expect(retried.map((a) => a.attempt)).toEqual([1, 2]);
    expect(retried[1]?.at).toBeGreaterThanOrEqual(t0 + 5_000);
    expect(attempts.map((a) => a.type)).toEqual(['test.message', 'marker', 'test.message', 'marker']);
  });

  it('dead-letters a permanent failure at once with the whole message, and lets the partition proceed', async () => {
    const runtime = h.runtime();
    const handled: string[] = [];
    runtime.subscribe('strict', ['test.message'], async (ctx) => {
      const body = (ctx.message.data as { body: string }).body;
      if (body === 'bad')
        throw new PermanentError('unknown product id', {
          code: 'woocommerce_rest_product_invalid_id',
          system: 'woocommerce:eu',
        });
      handled.push(body);
    });
    await runtime.start();
    const bad = await runtime.inbox.accept(inbound({ body: 'bad', partitionKey: 'k' }));
    await runtime.inbox.accept(inbound({ body: 'good', partitionKey: 'k' }));
    await runtime.idle();
    expect(handled).toEqual(['good']);
    const [letter] = await runtime.deadLetters.list({ consumer: 'strict' });
    expect(letter).toMatchObject({
      consumer: 'strict',
      type: 'test.message',
      partitionKey: 'k',
      attempts: 1,
      error: {
        kind: 'permanent',
        code: 'woocommerce_rest_product_invalid_id',
        message: 'unknown product id',
      },
      replayedAt: undefined,
    });
    expect(letter?.message.id).toBe(bad.id);
    expect(letter?.message.data).toEqual({ body: 'bad', headers: {} });
    expect(letter?.error.stack).toContain('PermanentError');
    expect(await runtime.deadLetters.get(letter?.id ?? '')).toEqual(letter);
  });

  it('dead-letters a transient failure after maxAttempts, with first and last attempt times', async () => {
    const runtime = h.runtime({ retry: { maxAttempts: 3, baseMs: 1, maxMs: 2 } });
    let calls = 0;
    runtime.subscribe('down', ['test.message'], async () => {
      calls++;
      throw new Error('connect ECONNREFUSED');
    });
    await runtime.start();
    await runtime.inbox.accept(inbound());
    await runtime.idle();
    expect(calls).toBe(3);
    const [letter] = await runtime.deadLetters.list();
    expect(letter?.attempts).toBe(3);
    expect(letter?.error).toMatchObject({
      kind: 'transient',
      code: 'unexpected',
      message: 'connect ECONNREFUSED',
    });
    expect(Date.parse(letter?.lastAttemptAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(letter?.firstAttemptAt ?? ''),
    );
    expect((await delivery('down'))?.status).toBe('dead');
  });

  it('replays a dead letter by id and by filter', async () => {
    const runtime = h.runtime();
    let broken = true;
    const handled: string[] = [];
    runtime.subscribe('replayable', ['test.message'], async (ctx) => {
      if (broken) throw new PermanentError('mapping bug');
      handled.push((ctx.message.data as { body: string }).body);
    });
    await runtime.start();
    await runtime.inbox.accept(inbound({ body: 'one', partitionKey: 'a' }));
    await runtime.inbox.accept(inbound({ body: 'two', partitionKey: 'b' }));
    await runtime.inbox.accept(inbound({ body: 'three', partitionKey: 'c' }));
    await runtime.idle();
    const letters = await runtime.deadLetters.list({ consumer: 'replayable' });
    expect(letters).toHaveLength(3);

    broken = false;
    // The three partitions fail concurrently, so the letters' order is not the messages' order.
    const one = letters.find((l) => l.partitionKey === 'a')?.id ?? '';
    expect(await runtime.deadLetters.replay(one)).toBe(1);
    await runtime.idle();
    expect(handled).toEqual(['one']);
    expect(await runtime.deadLetters.replay(one)).toBe(0); // already replayed
    expect((await runtime.deadLetters.get(one))?.replayedAt).toBeDefined();

    expect(await runtime.deadLetters.replay({ consumer: 'replayable' })).toBe(2);
    await runtime.idle();
    expect(handled.sort()).toEqual(['one', 'three', 'two']);
    expect(await runtime.deadLetters.list({ consumer: 'replayable' })).toEqual([]);
    expect(await runtime.deadLetters.list({ consumer: 'replayable', includeReplayed: true })).toHaveLength(3);
  });

  it('parks a business exception with its reason, lets the partition proceed, and resumes it', async () => {
    const runtime = h.runtime();
    let rejecting = true;
    const handled: string[] = [];
    runtime.subscribe('erp', ['test.message'], async (ctx) => {
      const body = (ctx.message.data as { body: string }).body;
      if (body === 'vat' && rejecting)
        throw new BusinessError('ERP rejected customer: VAT number invalid', {
          code: 'vat_invalid',
          system: 'odoo',
        });
      handled.push(body);
    });
    await runtime.start();
    await runtime.inbox.accept(inbound({ body: 'vat', partitionKey: 'k' }));
    await runtime.inbox.accept(inbound({ body: 'next', partitionKey: 'k' }));
    await runtime.idle();
    expect(handled).toEqual(['next']);
    const parked = await runtime.parked.list({ consumer: 'erp' });
    expect(parked).toHaveLength(1);
    expect(parked[0]?.reason).toEqual({
      code: 'vat_invalid',
      message: 'ERP rejected customer: VAT number invalid',
    });
    expect(await runtime.deadLetters.list()).toEqual([]);

    rejecting = false;
    expect(await runtime.parked.resume(parked[0]?.id ?? '')).toBe(1);
    await runtime.idle();
    expect(handled).toEqual(['next', 'vat']);
    expect(await runtime.parked.list()).toEqual([]);
  });
});
