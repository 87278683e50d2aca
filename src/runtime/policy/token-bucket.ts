import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';

/**
 * A token bucket: `ratePerSecond` sustained, bursts up to `burst`. `take()` waits (in order of
 * arrival) until a token is available.
 *
 * @example
 * ```ts
 * const bucket = new TokenBucket({ ratePerSecond: 5, burst: 10 });
 * await bucket.take(); // immediate while tokens last, then one every 200 ms
 * ```
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;
  #tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: { ratePerSecond: number; burst: number },
    private readonly clock: Clock = systemClock,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.#tokens = options.burst;
    this.#updatedAt = clock.now();
  }

  /** Tokens available now (fractional while refilling). */
  available(): number {
    this.#refill();
    return this.#tokens;
  }

  /** Takes a token if one is there; never waits. */
  tryTake(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** How long until a token is available (0 if one is). */
  waitMs(): number {
    this.#refill();
    return this.#tokens >= 1 ? 0 : Math.ceil(((1 - this.#tokens) * 1000) / this.options.ratePerSecond);
  }

  take(): Promise<void> {
    const turn = this.#tail.then(async () => {
      while (!this.tryTake()) await this.sleep(this.waitMs());
    });
    this.#tail = turn;
    return turn;
  }

  #refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.options.burst, this.#tokens + (elapsed * this.options.ratePerSecond) / 1000);
    this.#updatedAt = now;
  }
}
