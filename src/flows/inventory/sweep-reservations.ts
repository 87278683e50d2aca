import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { StockProjector } from './stock-projector.js';

const OVERLAP_MS = 2_000;

/**
 * Some ledger changes travel with no event of their own (a release inside a cancellation's
 * commit); this sweep recomputes every SKU whose reservations changed since the last sweep
 * (with an overlap for late commits). Recomputing an unchanged SKU writes nothing.
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
    const skus = await db
      .selectFrom('reservations')
      .select('sku')
      .distinct()
      .where('updated_at', '>=', since)
      .execute();
    const now = new Date().toISOString();
    await Promise.all(skus.map(({ sku }) => projector.submit({ sku, changedAt: now })));
    since = startedAt;
    return skus.length;
  };
}
