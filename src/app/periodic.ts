/**
 * Runs a poll function every interval, one run at a time, until stopped; a failed run is logged and
 * the next one still happens. After each successful run the time is recorded as the feed's health
 * (`cursors['health:<name>']`), which the availability API uses to say when ERP data is stale.
 *
 * @example
 * ```ts
 * const loop = startPeriodic({ name: 'odoo:stock', intervalMs: 5000, run: () => pollStockOnce(deps), log, cursors });
 * await loop.stop();
 * ```
 */
import type { Logger } from 'pino';
import type { Cursors } from '../runtime/contracts.js';

export interface Periodic {
  /** Runs once now (waiting for a run in progress first); for tests and `--once` tools. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export const healthCursor = (name: string): string => `health:${name}`;

export function startPeriodic(options: {
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
  log: Logger;
  cursors: Cursors;
}): Periodic {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const once = async () => {
    try {
      await options.run();
      await options.cursors.set(healthCursor(options.name), new Date().toISOString());
    } catch (error) {
      options.log.warn({ err: error, feed: options.name }, 'poll failed; will try again');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = once().then(schedule);
    }, options.intervalMs);
    timer.unref();
  };
  running = once().then(schedule);

  return {
    async runNow() {
      await running;
      await once();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
