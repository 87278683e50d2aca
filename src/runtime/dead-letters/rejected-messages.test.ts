import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, fakeClock, openTestDatabase, type TestDatabase } from '../../../test/runtime/helpers.js';
import { createRejectedMessages, type RejectedInput } from './rejected-messages.js';

const refusal = (overrides: Partial<RejectedInput> = {}): RejectedInput => ({
  ingress: 'woocommerce',
  target: 'eu',
  reason: 'signature_invalid',
  detail: 'X-WC-Webhook-Signature does not match',
  headers: { 'x-wc-webhook-topic': 'order.updated' },
  body: Buffer.from('{"id":1}'),
  correlationId: 'c-1',
  ...overrides,
});

describe.each(DIALECTS)('rejected messages on %s', (dialect) => {
  let store: TestDatabase;
  afterEach(async () => {
    await store.close();
  });

  it('keeps each refusal with its raw bytes, headers and reason; a replayed one leaves the default list', async () => {
    store = await openTestDatabase(dialect);
    const rejected = createRejectedMessages(store.db);
    const binary = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]);
    expect(rejected.record(refusal({ body: binary, correlationId: 'c-bin' }))).toBe(true);
    expect(rejected.record(refusal({ reason: 'malformed_json', target: 'us' }))).toBe(true);
    await rejected.flush();
    const [first, second] = await rejected.list();
    expect(first).toMatchObject({
      ingress: 'woocommerce',
      target: 'eu',
      reason: 'signature_invalid',
      headers: { 'x-wc-webhook-topic': 'order.updated' },
      bodyBytes: 5,
      truncated: false,
      correlationId: 'c-bin',
    });
    expect(first?.body.equals(binary)).toBe(true);
    expect(second).toMatchObject({ reason: 'malformed_json', target: 'us' });
    expect(await rejected.list({ reason: 'malformed_json' })).toHaveLength(1);

    await rejected.markReplayed(first?.id ?? '', 'signature_invalid', false);
    expect((await rejected.get(first?.id ?? ''))?.replayResult).toBe('signature_invalid');
    await rejected.markReplayed(first?.id ?? '', 'accepted', true);
    expect((await rejected.list()).map((m) => m.id)).toEqual([second?.id]);
    expect(await rejected.list({ includeReplayed: true })).toHaveLength(2);
    await rejected.close();
  });

  it('bounds what a flood can store: newest rows per reason, bytes per body, refusals queued at once', async () => {
    store = await openTestDatabase(dialect);
    const clock = fakeClock();
    const rejected = createRejectedMessages(store.db, {
      clock,
      maxPerReason: 5,
      maxBodyBytes: 4,
      maxPending: 8,
    });
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 8; i += 1) {
        clock.advance(1);
        expect(rejected.record(refusal({ reason: 'store_not_found', target: `x${round}-${i}` }))).toBe(true);
      }
      // The queue is full until it is written: the ninth is dropped, not kept.
      expect(rejected.record(refusal({ reason: 'store_not_found', target: 'dropped' }))).toBe(false);
      await rejected.flush();
    }
    rejected.record(refusal({ body: Buffer.from('{"id":12345}') }));
    await rejected.close();

    const flood = await rejected.list({ reason: 'store_not_found' });
    expect(flood.map((m) => m.target)).toEqual(['x2-3', 'x2-4', 'x2-5', 'x2-6', 'x2-7']);
    // Another reason keeps its own rows; a long body is cut and flagged.
    const [kept] = await rejected.list({ reason: 'signature_invalid' });
    expect(kept).toMatchObject({ bodyBytes: 12, truncated: true });
    expect(kept?.body.toString()).toBe('{"id');
  });
});
