/**
 * Runs the ERP change feeds on an interval until stopped: each round polls stock, prices,
 * products and deliveries in turn; a failing feed is logged with its classification and tried
 * again next round (its cursor did not move), never crashing the hub. Rounds never overlap.
 *
 * @example
 * ```ts
 * const feeds = startErpFeeds({ erp, cursors: runtime.cursors, publish: (e) => runtime.publish(e), locations: ['main'], intervalMs: 5_000, log });
 * await feeds.pollNow();
 * await feeds.stop();
 * ```
 */
import type { Logger } from 'pino';
import { classify } from '../../../runtime/errors.js';
import {
  pollDeliveriesOnce,
  pollPricesOnce,
  pollProductsOnce,
  pollStockOnce,
  type FeedDeps,
  type PollResult,
} from './poll.js';

export type FeedName = 'stock' | 'prices' | 'products' | 'deliveries';

export interface ErpFeedOptions extends FeedDeps {
  /** Hub location ids whose stock is followed. */
  locations: readonly string[];
  intervalMs: number;
  log: Logger;
  feeds?: readonly FeedName[];
}

export interface ErpFeeds {
  /** Runs one round now (after the current one, if any). */
  pollNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startErpFeeds(options: ErpFeedOptions): ErpFeeds {
  const pollers: Record<FeedName, () => Promise<PollResult>> = {
    stock: () => pollStockOnce(options),
    prices: () => pollPricesOnce(options),
    products: () => pollProductsOnce(options),
    deliveries: () => pollDeliveriesOnce(options),
  };
  const names = options.feeds ?? (['stock', 'prices', 'products', 'deliveries'] as const);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  async function runRound(): Promise<void> {
    for (const name of names) {
      if (stopped) return;
      try {
        const { published } = await pollers[name]();
        if (published > 0) options.log.debug({ feed: name, published }, 'erp feed published changes');
      } catch (error) {
        const failure = classify(error);
        options.log.warn(
          { feed: name, kind: failure.kind, code: failure.code, err: failure.message },
          'erp feed poll failed; retrying next round',
        );
      }
    }
  }
  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      round = round.then(runRound).finally(schedule);
    }, options.intervalMs);
    timer.unref();
  }
  round = runRound().finally(schedule);
  return {
    pollNow() {
      round = round.then(runRound);
      return round;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
    },
  };
}
