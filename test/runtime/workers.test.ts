import { describe, expect, it } from 'vitest';
import { useRuntimeHarness } from './harness.js';

describe('several workers on one PostgreSQL store', () => {
  const h = useRuntimeHarness('postgres');

  it('share the deliveries: each handled once, each partition still in order', async () => {
    const seen = new Map<string, number[]>();
    const byWorker = [0, 0];
    const workers = [0, 1].map((w) => {
      const runtime = h.runtime({ concurrency: 4, owner: `worker-${w}` });
      runtime.subscribe('shared', ['step'], async (ctx) => {
        byWorker[w] = (byWorker[w] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
        const list = seen.get(ctx.message.partitionKey) ?? [];
        list.push((ctx.message.data as { n: number }).n);
        seen.set(ctx.message.partitionKey, list);
      });
      return runtime;
    });
    const [first, second] = workers;
    if (!first || !second) throw new Error('two workers expected');
    const keys = 10;
    const perKey = 12;
    for (let n = 0; n < perKey; n++) {
      await first.publish(
        Array.from({ length: keys }, (_, k) => ({
          type: 'step',
          subject: `order:${k}`,
          partitionKey: `orders.${k}`,
          data: { n },
        })),
      );
    }
    await Promise.all(workers.map((w) => w.start()));
    await Promise.all(workers.map((w) => w.idle()));
    expect([...seen.values()].flat()).toHaveLength(keys * perKey);
    for (const list of seen.values()) expect(list).toEqual(Array.from({ length: perKey }, (_, n) => n));
    // Each delivery ran on exactly one worker (which one is up to the race for leases).
    expect((byWorker[0] ?? 0) + (byWorker[1] ?? 0)).toBe(keys * perKey);
  });
});
