import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { deleteLapsedHolds, lapsedHoldSkus } from './checkout-holds.js';
import type { StockProjector } from './stock-projector.js';

const OVERLAP_MS = 2_000;

/**
 * Some ledger changes travel with no event of their own (a release inside a cancellation's
 * commit, a checkout hold lapsing); this sweep recomputes every SKU whose reservations changed
 * since the last sweep (with an overlap for late commits) or whose holds lapsed, then deletes the
 * lapsed holds. Recomputing an unchanged SKU writes nothing.
 *
 * @example
 * ```ts
 * const sweep = reservationSweeper(db, projector);
 * await sweep(); // every second
 * ```
 */
export function reservationSweeper(db: Kysely<Database>, projector: StockProjector): () => Promise<number> {
  let since = new Date(Date.now() - 60_000).toISOString();
  return async () => {
    const startedAt = new Date(Date.now() - OVERLAP_MS).toISOString();
    const now = new Date().toISOString();
    const [changed, lapsed] = await Promise.all([
      db.selectFrom('reservations').select('sku').distinct().where('updated_at', '>=', since).execute(),
      lapsedHoldSkus(db, now),
    ]);
    const skus = new Set([...changed.map((r) => r.sku), ...lapsed]);
    // Recomputed after `now`, so without the lapsed holds; only then are they deleted.
    await Promise.all([...skus].map((sku) => projector.submit({ sku, changedAt: now })));
    if (lapsed.length > 0) await deleteLapsedHolds(db, now);
    since = startedAt;
    return skus.size;
  };
}
