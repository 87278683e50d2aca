/**
 * Applies stock changes to the projection with group commit: positions and recomputations
 * submitted by concurrent handlers (one per SKU partition) share one transaction — one fsync —
 * and every SKU is recomputed once per batch however many of its changes the batch holds. Each
 * caller resumes only after the transaction holding its change committed, so a handler still
 * acknowledges its message only once the change is durable.
 *
 * @example
 * ```ts
 * const projector = createStockProjector({ db, settings, cache, publish: runtime.publish });
 * await projector.submit({ sku: 'MUG', changedAt, position });   // a new ERP position
 * await projector.submit({ sku: 'MUG', changedAt });             // reservations changed: recompute only
 * ```
 */
import type { Kysely } from 'kysely';
import type { StockPosition } from '../../canonical/index.js';
import type { EventInput, Trx } from '../../runtime/contracts.js';
import { GroupCommit } from '../../runtime/group-commit.js';
import type { Database } from '../../store/schema.js';
import type { AvailabilityCache } from './availability-cache.js';
import { feedHealth } from './feed-health.js';
import { recomputeSku } from './recompute-sku.js';
import { recordPosition } from './record-position.js';
import type { InventorySettings } from './settings.js';
import type { StoreAvailabilityTable } from './tables.js';

export interface StockChange {
  sku: string;
  /** When the source changed it: the lag's start for the pushes it causes. */
  changedAt: string;
  /** A new position to store first; absent when only reservations changed. */
  position?: StockPosition;
}

export interface StockProjector {
  submit(change: StockChange): Promise<void>;
}

export function createStockProjector(deps: {
  db: Kysely<Database>;
  settings: InventorySettings;
  cache: AvailabilityCache;
  /** The runtime's publish: with a transaction, events commit with it (the outbox). */
  publish: (events: EventInput[], trx?: Trx) => Promise<void>;
  maxBatch?: number;
}): StockProjector {
  const writer = new GroupCommit<StockChange, void>(async (changes) => {
    const stale = feedHealth(deps.cache.lastFeedSuccess(), deps.settings.staleAfterSeconds).stale;
    const receivedAt = new Date().toISOString();
    const rows = await deps.db.transaction().execute(async (trx) => {
      // The latest change time per SKU: the pushed value is the one that change produced.
      const dirty = new Map<string, string>();
      for (const change of changes) {
        const changed = change.position
          ? await recordPosition(trx, change.position, { changedAt: change.changedAt, receivedAt })
          : true;
        const before = dirty.get(change.sku);
        if (changed && (before === undefined || change.changedAt > before))
          dirty.set(change.sku, change.changedAt);
      }
      const all: StoreAvailabilityTable[] = [];
      const events: EventInput[] = [];
      for (const [sku, changedAt] of dirty) {
        const result = await recomputeSku(trx, deps.settings, sku, { changedAt, stale });
        all.push(...result.rows);
        events.push(...result.events);
      }
      if (events.length > 0) await deps.publish(events, trx);
      return all;
    });
    deps.cache.putAvailability(rows);
    return changes.map(() => undefined);
  }, deps.maxBatch ?? 256);
  return { submit: (change) => writer.submit(change) };
}
