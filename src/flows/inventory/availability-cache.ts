/**
 * The in-memory copy of the availability and price projections that the sync APIs answer from.
 * Kept coherent with the database two ways: the inventory handlers put rows they commit, and a
 * refresh every `refreshMs` reads rows changed since its last read (with an overlap, so a
 * transaction committing late is not missed) — which is what keeps api-only processes current.
 *
 * @example
 * ```ts
 * const cache = createAvailabilityCache({ db, cursors, refreshMs: 200 });
 * await cache.load();
 * cache.availability('eu', 'MUG'); // { available: 7, onHand: 10, … }
 * await cache.stop();
 * ```
 */
import type { Kysely } from 'kysely';
import type { Cursors } from '../../runtime/contracts.js';
import type { Database } from '../../store/schema.js';
import type { StoredPrice } from '../catalogue/store-price.js';
import { STOCK_FEED_HEALTH_CURSOR } from './feed-health.js';
import type { StoreAvailabilityTable } from './tables.js';

export interface CachedAvailability {
  available: number;
  onHand: number;
  reserved: number;
  safetyStock: number;
  asOf: string;
  computedAt: string;
}

export interface AvailabilityCache {
  availability(storeId: string, sku: string): CachedAvailability | undefined;
  prices(sku: string): readonly StoredPrice[];
  /** The stock feed's last successful poll (ISO), as last read. */
  lastFeedSuccess(): string | undefined;
  putAvailability(rows: readonly StoreAvailabilityTable[]): void;
  putPrice(sku: string, price: StoredPrice): void;
  load(): Promise<void>;
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

const OVERLAP_MS = 5_000;

export function createAvailabilityCache(options: {
  db: Kysely<Database>;
  cursors: Pick<Cursors, 'get'>;
  refreshMs?: number;
  healthCursor?: string;
}): AvailabilityCache {
  const { db } = options;
  // Keyed store → SKU, not by a joined string: the hot path then hashes strings it already has.
  const rows = new Map<string, Map<string, CachedAvailability>>();
  const prices = new Map<string, StoredPrice[]>();
  let feed: string | undefined;
  let watermark = '';
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const put = (row: StoreAvailabilityTable) => {
    let store = rows.get(row.store_id);
    if (!store) rows.set(row.store_id, (store = new Map()));
    const current = store.get(row.sku);
    if (current && current.computedAt > row.computed_at) return; // never step back in time
    store.set(row.sku, {
      available: Number(row.available),
      onHand: Number(row.on_hand),
      reserved: Number(row.reserved),
      safetyStock: Number(row.safety_stock),
      asOf: row.as_of,
      computedAt: row.computed_at,
    });
  };
  const putPrice = (sku: string, price: StoredPrice) => {
    const list = (prices.get(sku) ?? []).filter((p) => p.price_list !== price.price_list);
    list.push(price);
    prices.set(sku, list);
  };

  const read = async (since: string) => {
    const startedAt = new Date(Date.now() - OVERLAP_MS).toISOString();
    const [availability, priceRows, health] = await Promise.all([
      db.selectFrom('store_availability').selectAll().where('computed_at', '>=', since).execute(),
      db.selectFrom('catalogue_prices').selectAll().where('updated_at', '>=', since).execute(),
      options.cursors.get(options.healthCursor ?? STOCK_FEED_HEALTH_CURSOR),
    ]);
    for (const row of availability) put(row);
    for (const row of priceRows) putPrice(row.sku, row);
    feed = health;
    watermark = startedAt;
  };
  const refresh = () => {
    inFlight = inFlight.then(() => read(watermark)).catch(() => undefined);
    return inFlight;
  };

  const cache: AvailabilityCache = {
    availability: (storeId, sku) => rows.get(storeId)?.get(sku),
    prices: (sku) => prices.get(sku) ?? [],
    lastFeedSuccess: () => feed,
    putAvailability: (list) => list.forEach(put),
    putPrice,
    async load() {
      await read('');
      if (options.refreshMs && !timer) {
        timer = setInterval(() => void refresh(), options.refreshMs);
        timer.unref();
      }
    },
    refresh,
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await inFlight;
    },
  };
  return cache;
}
