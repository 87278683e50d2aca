/**
 * Group commit: callers arriving while a transaction is being written queue up and share the next
 * one (up to `maxBatch`), so one fsync durably commits many writes. Each caller's promise settles
 * only after the transaction holding its item committed (or failed).
 *
 * @example
 * ```ts
 * const writer = new GroupCommit<string, number>((items) => writeAllInOneTransaction(items), 256);
 * const id = await writer.submit('row'); // durable once this resolves
 * ```
 */
export class GroupCommit<I, O> {
  #queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  readonly #drains = new Map<symbol, Promise<void>>();

  /**
   * `writers` transactions may be open at once: 1 for SQLite (one writer anyway); a few for
   * PostgreSQL, whose round trips would otherwise leave the server idle between batches.
   */
  constructor(
    private readonly commit: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 256,
    private readonly writers = 1,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (this.#drains.size < this.writers) this.#startDrain();
    });
  }

  /** Resolves once everything submitted so far has been committed or failed. */
  async flushed(): Promise<void> {
    while (this.#drains.size > 0) await Promise.all([...this.#drains.values()]);
  }

  #startDrain(): void {
    const id = Symbol('drain');
    this.#drains.set(id, this.#drain(id));
  }

  get pending(): number {
    return this.#queue.length;
  }

  async #drain(id: symbol): Promise<void> {
    // Let the current tick's callers join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.maxBatch);
      try {
        const results = await this.commit(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(results[i] as O));
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    // Synchronously with seeing the queue empty: a caller resumed by the last batch that submits
    // again must find this drain gone and start another, never rely on one that is finishing.
    this.#drains.delete(id);
  }
}
