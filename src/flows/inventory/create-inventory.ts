/**
 * Wires the inventory flow into a hub: the availability projection's consumers (workers), the
 * coalescing pusher and reservation sweep loops (workers), the in-memory cache and the sync API
 * routes (every role). Loops stop when the HTTP server closes, which `hub.stop()` does first.
 *
 * @example
 * ```ts
 * const inventory = createInventory({ config, db: store.db, runtime, woo: (id) => connectors.woo(id), metrics, log, worker: true });
 * const plugins = [...otherPlugins, ...inventory.routes];
 * await inventory.flushAll(); // tests: push what is queued now
 * ```
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { HubConfig } from '../../config/schema.js';
import type { EventInput, Runtime, Trx } from '../../runtime/index.js';
import type { Database } from '../../store/schema.js';
import { requireBearerToken } from '../../api/bearer-token.js';
import { route, type RoutePlugin } from '../../api/server.js';
import { availabilityFastPath } from '../../api/v1/availability-fast-path.js';
import { availabilityRoutes } from '../../api/v1/availability-routes.js';
import { checkoutFastPath } from '../../api/v1/checkout-fast-path.js';
import { checkoutRoutes } from '../../api/v1/checkout-routes.js';
import type { AnswerDeps } from './answer-availability.js';
import { createAvailabilityCache, type AvailabilityCache } from './availability-cache.js';
import { onReservationsChanged, RESERVATION_EVENTS } from './on-reservations-changed.js';
import { onStockChanged } from './on-stock-changed.js';
import type { FlushResult } from './pusher/flush-store.js';
import { propagationHistogram } from './pusher/lag-metrics.js';
import { startPusher } from './pusher/start-pusher.js';
import { DEFAULT_STOCK_POLICY, type StockPushPolicy } from './pusher/stock-policy.js';
import type { WooStockPort } from './pusher/woo-port.js';
import { inventorySettings, type InventorySettings } from './settings.js';
import { createStockProjector } from './stock-projector.js';
import { releaseHolds } from './release-holds.js';
import { reservationSweeper } from './sweep-reservations.js';
import { takeHolds } from './take-holds.js';

export interface InventoryDeps {
  config: Pick<HubConfig, 'stores' | 'dropship' | 'inventory'>;
  db: Kysely<Database>;
  runtime: Pick<Runtime, 'subscribe' | 'publish' | 'cursors'>;
  woo: (storeId: string) => WooStockPort;
  log: Logger;
  metrics?: Registry;
  /** Subscribe consumers and run the pusher (false in api-only processes). */
  worker: boolean;
  policy?: StockPushPolicy;
  /** Cache refresh period for the APIs (default 200 ms). */
  refreshMs?: number;
  /** When set, the availability and checkout APIs need `Authorization: Bearer <token>`. */
  storefrontToken?: string;
}

export interface Inventory {
  settings: InventorySettings;
  cache: AvailabilityCache;
  answers: AnswerDeps;
  /** The route plugins (sync APIs + lifecycle) for the server's plugin list. */
  routes: RoutePlugin[];
  /** Pushes every store's due stock values now. */
  flushAll(): Promise<Record<string, FlushResult>>;
  /** Recomputes SKUs whose reservations changed without an event. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

export const INVENTORY_CONSUMER = 'inventory';
/** How long a checkout hold lasts: long enough for the order to reach the reservation ledger. */
export const CHECKOUT_HOLD_MS = 60_000;
export const RESERVATIONS_CONSUMER = 'inventory-reservations';

export function createInventory(deps: InventoryDeps): Inventory {
  const settings = inventorySettings(deps.config);
  const log = deps.log.child({ flow: 'inventory' });
  const cache = createAvailabilityCache({
    db: deps.db,
    cursors: deps.runtime.cursors,
    refreshMs: deps.refreshMs ?? 200,
  });
  const publish = (events: EventInput[], trx?: Trx) => deps.runtime.publish(events, trx);
  const projector = createStockProjector({ db: deps.db, settings, cache, publish });
  if (deps.worker) {
    deps.runtime.subscribe(INVENTORY_CONSUMER, ['stock.changed'], onStockChanged(projector));
    deps.runtime.subscribe(RESERVATIONS_CONSUMER, [...RESERVATION_EVENTS], onReservationsChanged(projector));
  }
  const pusher = startPusher({
    deps: {
      db: deps.db,
      woo: deps.woo,
      lag: propagationHistogram(deps.metrics),
      policy: deps.policy ?? DEFAULT_STOCK_POLICY,
      log,
    },
    storeIds: settings.storeIds,
    intervalMs: settings.pushIntervalMs,
    log,
    loop: deps.worker,
  });
  const sweep = reservationSweeper(deps.db, projector);
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweepTimer = deps.worker
    ? setInterval(() => {
        sweeping = sweeping
          .then(sweep)
          .catch((error: unknown) => log.warn({ err: error }, 'reservation sweep failed'));
      }, 1_000)
    : undefined;
  sweepTimer?.unref();

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (sweepTimer) clearInterval(sweepTimer);
    await Promise.all([pusher.stop(), cache.stop(), sweeping]);
  };
  const answers: AnswerDeps = {
    cache,
    settings,
    stores: deps.config.stores,
    takeHolds: (storeId, lines, now) =>
      takeHolds({ db: deps.db, settings, cache, publish, ttlMs: CHECKOUT_HOLD_MS }, storeId, lines, now),
    releaseHolds: (holdId, now) => releaseHolds({ db: deps.db, settings, cache, publish }, holdId, now),
  };
  const token = deps.storefrontToken;
  const storefront = (plugin: RoutePlugin): RoutePlugin =>
    token === undefined
      ? plugin
      : requireBearerToken(plugin, {
          token,
          code: 'storefront_token_required',
          detail: 'Send Authorization: Bearer <server.storefrontToken>.',
        });
  const lifecycle = route(async (app) => {
    await cache.load();
    app.addHook('onClose', stop);
  }, {});
  return {
    settings,
    cache,
    answers,
    routes: [
      lifecycle,
      // The hot query is answered before Fastify; the Fastify route answers everything else.
      storefront({ ...route(availabilityRoutes, { ...answers }), fastRoute: availabilityFastPath(answers) }),
      storefront({ ...route(checkoutRoutes, { ...answers }), fastRoute: checkoutFastPath(answers, { log }) }),
    ],
    flushAll: () => pusher.flushAll(),
    sweep,
    stop,
  };
}
