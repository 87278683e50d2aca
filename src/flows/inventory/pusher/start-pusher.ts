import type { Logger } from 'pino';
import { flushStore, type FlushDeps, type FlushResult } from './flush-store.js';

export interface Pusher {
  /** Flushes every store once now (waiting for a flush in progress first). */
  flushAll(): Promise<Record<string, FlushResult>>;
  stop(): Promise<void>;
}

/**
 * The pusher loop: every `intervalMs`, each store's due stock values are flushed, one flush per
 * store at a time. The interval is the coalescing window: changes arriving within it leave only
 * their latest value queued. A failed flush is logged and the next tick tries again.
 *
 * @example
 * ```ts
 * const pusher = startPusher({ deps, storeIds: ['eu', 'uk'], intervalMs: 250, log });
 * await pusher.flushAll();
 * await pusher.stop();
 * ```
 */
export function startPusher(options: {
  deps: FlushDeps;
  storeIds: readonly string[];
  intervalMs: number;
  log: Logger;
  /** false: no timer, flush only through `flushAll()` (CLI, tests). */
  loop?: boolean;
}): Pusher {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<Record<string, FlushResult>> = Promise.resolve({});

  const once = async (): Promise<Record<string, FlushResult>> => {
    const entries = await Promise.all(
      options.storeIds.map(async (storeId) => {
        try {
          return [storeId, await flushStore(options.deps, storeId)] as const;
        } catch (error) {
          options.log.warn({ err: error, store: storeId }, 'stock flush failed; next tick tries again');
          return [storeId, { pushed: 0, skipped: 0, retrying: 0, failed: 0, batches: 0 }] as const;
        }
      }),
    );
    return Object.fromEntries(entries);
  };
  // One flush at a time: ticks and `flushAll()` queue behind each other.
  const run = () => {
    running = running.then(once, once);
    return running;
  };
  const schedule = () => {
    if (stopped || options.loop === false) return;
    timer = setTimeout(() => {
      void run().then(schedule);
    }, options.intervalMs);
    timer.unref();
  };
  schedule();

  return {
    flushAll: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
