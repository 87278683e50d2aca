/**
 * Counts the emulator's unfinished work (milestone timers, webhook deliveries) so tests can wait
 * for "nothing left to happen" instead of sleeping.
 */
export class PendingWork {
  private count = 0;
  private waiters: (() => void)[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  /**
   * Runs `fn` after `ms`; counted as pending until `fn`'s promise settles. Returns a function that
   * disarms the timer if it has not fired yet.
   */
  after(ms: number, fn: () => Promise<void> | void): () => void {
    this.count += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.track(Promise.resolve().then(fn)).finally(() => this.done());
    }, ms);
    this.timers.add(timer);
    return () => {
      if (!this.timers.delete(timer)) return;
      clearTimeout(timer);
      this.done();
    };
  }

  /** Counts `promise` as pending until it settles; its rejection is swallowed (callers log). */
  track(promise: Promise<unknown>): Promise<void> {
    this.count += 1;
    return promise.then(
      () => this.done(),
      () => this.done(),
    );
  }

  /** Marks one piece of work that is held open by the caller (e.g. a buffered event). */
  hold(): () => void {
    this.count += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.done();
    };
  }

  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Cancels timers that have not fired yet (on close). */
  cancelTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.count -= this.timers.size;
    this.timers.clear();
    this.settleIfIdle();
  }

  private done(): void {
    this.count -= 1;
    this.settleIfIdle();
  }

  private settleIfIdle(): void {
    if (this.count > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
