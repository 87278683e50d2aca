import { classify } from '../errors.js';
import type { FailureRecord } from '../../bus/port.js';
import { backoffDelay, type RetryOptions } from '../deliveries/backoff.js';

export type FailureDecision =
  | { action: 'retry'; at: number; failure: FailureRecord }
  | { action: 'dead'; failure: FailureRecord }
  | { action: 'park'; failure: FailureRecord };

/**
 * Business → park for a person; permanent → dead letter at once; transient → retry after
 * `backoffDelay` (full jitter, never before Retry-After) until `maxAttempts`, then dead letter.
 */
export function decideFailure(
  error: unknown,
  attempt: number,
  now: number,
  retry: RetryOptions,
  random: () => number = Math.random,
): FailureDecision {
  const c = classify(error);
  const failure: FailureRecord = {
    kind: c.kind,
    code: c.code,
    message: c.message,
    stack: error instanceof Error ? error.stack : undefined,
  };
  if (c.kind === 'business') return { action: 'park', failure };
  if (c.kind === 'permanent' || attempt >= retry.maxAttempts) return { action: 'dead', failure };
  return { action: 'retry', at: now + backoffDelay(attempt, retry, c.retryAfterMs, random), failure };
}
