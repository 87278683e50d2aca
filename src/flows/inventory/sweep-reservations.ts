import type { Kysely } from 'kysely';
import type { EventInput, Trx } from '../../runtime/contracts.js';
import type { Database } from '../../store/schema.js';
import type { AvailabilityCache } from './availability-cache.js';
import { feedHealth } from './feed-health.js';
import { recomputeSku } from './recompute-sku.js';
import type { InventorySettings } from './settings.js';

const OVERLAP_MS = 2_000;

/**
 * Some ledger changes travel with no event of their own (a release inside a cancellation's
 * commit); this sweep recomputes every SKU whose reservations changed since the last sweep
 * (with an overlap for late commits). Recomputing an unchanged SKU writes nothing.
 *
 * @example
 * ```ts
 * const sweep = reservationSweeper({ db, settings, cache, publish: runtime.publish });
 * await sweep(); // every second
 * ```
 */
export function reservationSweeper(deps: {
  db: Kysely<Database>;
  settings: InventorySettings;
  cache: AvailabilityCache;
  /** The runtime's publish: events given a transaction commit with it (the outbox). */
  publish: (events: EventInput[], trx?: Trx) => Promise<void>;
}): () => Promise<number> {
  let since = new Date(Date.now() - 60_000).toISOString();
  return async () => {
    const startedAt = new Date(Date.now() - OVERLAP_MS).toISOString();
    const skus = await deps.db
      .selectFrom('reservations')
      .select('sku')
      .distinct()
      .where('updated_at', '>=', since)
      .execute();
    const stale = feedHealth(deps.cache.lastFeedSuccess(), deps.settings.staleAfterSeconds).stale;
    for (const { sku } of skus) {
      const result = await deps.db.transaction().execute(async (trx) => {
        const r = await recomputeSku(trx, deps.settings, sku, { changedAt: new Date().toISOString(), stale });
        if (r.events.length > 0) await deps.publish(r.events, trx);
        return r;
      });
      deps.cache.putAvailability(result.rows);
    }
    since = startedAt;
    return skus.length;
  };
}
