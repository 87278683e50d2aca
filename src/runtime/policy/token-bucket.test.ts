import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

function manualClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TokenBucket', () => {
  it('allows a burst, then refills at the sustained rate', () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 3 }, clock);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.waitMs()).toBe(100);
    clock.advance(99);
    expect(bucket.tryTake()).toBe(false);
    clock.advance(1);
    expect(bucket.tryTake()).toBe(true);
    clock.advance(10_000);
    expect(bucket.available()).toBe(3); // never above the burst
  });

  it('take() waits for tokens in arrival order', async () => {
    const clock = manualClock();
    const waits: number[] = [];
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 1 }, clock, async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    });
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => bucket.take().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(waits).toEqual([500, 500]);
  });
});
