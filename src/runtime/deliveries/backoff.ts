/** Retry settings for transient failures. */
export interface RetryOptions {
  /** Attempts in all, the first included; the last failure goes to dead letters. */
  maxAttempts: number;
  /** Upper bound of the first retry's delay. */
  baseMs: number;
  /** Cap on any delay (Retry-After may exceed it: the remote system's wish wins). */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 10, baseMs: 500, maxMs: 5 * 60_000 };

/**
 * Delay before the attempt after `attempt` (1-based): exponential back-off with full jitter
 * (uniform in [0, min(maxMs, baseMs·2^(attempt−1))]), spreading retries of many failed messages
 * instead of synchronising them — and never sooner than the remote's Retry-After.
 *
 * @example
 * ```ts
 * backoffDelay(3, { maxAttempts: 5, baseMs: 100, maxMs: 10_000 }, undefined, () => 1); // 400
 * backoffDelay(1, { maxAttempts: 5, baseMs: 100, maxMs: 10_000 }, 2_000, () => 0);     // 2000
 * ```
 */
export function backoffDelay(
  attempt: number,
  retry: RetryOptions,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(retry.maxMs, retry.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}
