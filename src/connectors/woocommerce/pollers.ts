/**
 * Starts one poller per configured store (orders, plus products when `poll.products` is set), for
 * the composition root: call after `runtime.start()` on worker processes, stop before
 * `runtime.stop()`.
 *
 * @example
 * ```ts
 * registerWooIngest(runtime, { stores: config.stores, clients: connectors.woo });
 * await runtime.start();
 * const pollers = startWooPollers({ stores: config.stores, clients: connectors.woo, runtime, log });
 * // … on shutdown
 * await pollers.stop();
 * ```
 */
import type { Logger } from 'pino';
import type { Cursors, Inbox } from '../../runtime/contracts.js';
import type { WooClient } from './client.js';
import { createWooPoller, type WooPoller } from './poller.js';
import type { WooStoreConfig } from './types.js';

export interface WooPollers {
  pollers: Map<string, WooPoller>;
  stop(): Promise<void>;
}

export function startWooPollers(options: {
  stores: readonly Pick<WooStoreConfig, 'id' | 'poll'>[];
  clients: (storeId: string) => Pick<WooClient, 'request' | 'listAll'>;
  runtime: { inbox: Inbox; cursors: Cursors };
  log: Logger;
}): WooPollers {
  const pollers = new Map<string, WooPoller>();
  for (const store of options.stores) {
    const poller = createWooPoller({
      store,
      client: options.clients(store.id),
      inbox: options.runtime.inbox,
      cursors: options.runtime.cursors,
      log: options.log.child({ system: `woocommerce:${store.id}`, component: 'poller' }),
    });
    poller.start();
    pollers.set(store.id, poller);
  }
  return {
    pollers,
    stop: async () => {
      await Promise.all([...pollers.values()].map((p) => p.stop()));
    },
  };
}
