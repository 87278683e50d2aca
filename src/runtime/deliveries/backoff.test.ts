import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay } from './backoff.js';
import { decideFailure } from '../dispatcher/decide-failure.js';
import { BusinessError, PermanentError, TransientError } from '../errors.js';

const retry = { maxAttempts: 5, baseMs: 100, maxMs: 2_000 };

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt up to maxMs (random at its top)', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, retry, undefined, top))).toEqual([
      99, 199, 399, 799, 1599, 1999,
    ]);
  });

  it('spreads delays over [0, ceiling) and never goes below Retry-After', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 60_000 })),
        (attempt, r, retryAfter) => {
          const delay = backoffDelay(attempt, retry, retryAfter ?? undefined, () => r);
          const ceiling = Math.min(retry.maxMs, retry.baseMs * 2 ** (attempt - 1));
          expect(delay).toBeGreaterThanOrEqual(retryAfter ?? 0);
          expect(delay).toBeLessThanOrEqual(Math.max(ceiling, retryAfter ?? 0));
        },
      ),
    );
  });
});

describe('decideFailure', () => {
  it('retries transient failures until maxAttempts, then dead-letters', () => {
    expect(
      decideFailure(new TransientError('x', { retryAfterMs: 3_000 }), 1, 1_000, retry, () => 0),
    ).toMatchObject({ action: 'retry', at: 4_000 });
    expect(decideFailure(new Error('bug'), 5, 0, retry).action).toBe('dead');
  });

  it('dead-letters permanent failures and parks business exceptions at once', () => {
    expect(decideFailure(new PermanentError('bad', { code: 'invalid' }), 1, 0, retry)).toMatchObject({
      action: 'dead',
      failure: { kind: 'permanent', code: 'invalid' },
    });
    expect(decideFailure(new BusinessError('decide'), 1, 0, retry).action).toBe('park');
  });
});
