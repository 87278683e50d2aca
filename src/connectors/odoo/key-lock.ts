/**
 * In-process serialisation per key: concurrent `registerOrder` calls for the same order in one
 * process queue behind each other instead of racing to Odoo. (Across processes the external id's
 * unique constraint is the guard.)
 *
 * @example
 * ```ts
 * const lock = createKeyLock();
 * await lock.run('order_eu_1', () => createIt());
 * ```
 */
export interface KeyLock {
  run<R>(key: string, fn: () => Promise<R>): Promise<R>;
}

export function createKeyLock(): KeyLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async run<R>(key: string, fn: () => Promise<R>): Promise<R> {
      const previous = tails.get(key) ?? Promise.resolve();
      const current = previous.then(fn, fn);
      const tail = current.catch(() => undefined);
      tails.set(key, tail);
      try {
        return await current;
      } finally {
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
