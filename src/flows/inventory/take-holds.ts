/**
 * Takes checkout holds for a basket, checked against the database rather than this process's
 * cache, so api processes sharing a PostgreSQL store never promise the same last units twice. In
 * one transaction, with the basket's SKUs locked (advisory locks on PostgreSQL; SQLite transactions
 * are serial already): recompute each SKU from positions, reservations and live holds, refuse if
 * any line is short, else insert the holds and recompute again — which lowers every store sharing
 * a location, queues their pushes and publishes `availability.changed` with the commit.
 *
 * @example
 * ```ts
 * const result = await takeHolds(deps, 'eu', [{ sku: 'MUG', quantity: 1 }]);
 * if (result.ok) console.log(`held until ${result.heldUntil}`);
 * else result.available.get('MUG'); // what the store can still sell
 * ```
 */
import { sql, type Kysely } from 'kysely';
import { monotonicFactory } from 'ulid';
import type { EventInput, Trx } from '../../runtime/contracts.js';
import type { Database } from '../../store/schema.js';
import { dialectOf } from '../../store/dialect-of.js';
import type { AvailabilityCache } from './availability-cache.js';
import { feedHealth } from './feed-health.js';
import { recomputeSku } from './recompute-sku.js';
import type { InventorySettings } from './settings.js';
import type { StoreAvailabilityTable } from './tables.js';

export interface TakeHoldsDeps {
  db: Kysely<Database>;
  settings: InventorySettings;
  cache: AvailabilityCache;
  publish: (events: EventInput[], trx?: Trx) => Promise<void>;
  ttlMs: number;
}

export type TakeHoldsResult =
  | { ok: true; heldUntil: string }
  /** Per SKU, what the store could sell when the basket was checked. */
  | { ok: false; available: ReadonlyMap<string, number> };

const ulid = monotonicFactory();

export async function takeHolds(
  deps: TakeHoldsDeps,
  storeId: string,
  lines: readonly { sku: string; quantity: number }[],
  now = new Date(),
): Promise<TakeHoldsResult> {
  const at = now.toISOString();
  const heldUntil = new Date(now.getTime() + deps.ttlMs).toISOString();
  const skus = [...new Set(lines.map((l) => l.sku))].sort(); // one lock order: no deadlocks
  const asked = new Map<string, number>();
  for (const line of lines) asked.set(line.sku, (asked.get(line.sku) ?? 0) + line.quantity);
  const stale = feedHealth(deps.cache.lastFeedSuccess(), deps.settings.staleAfterSeconds).stale;
  const locations = deps.settings.locationsOf(storeId);

  const postgres = dialectOf(deps.db) === 'postgres';
  const { rows, result } = await deps.db.transaction().execute(async (trx) => {
    if (postgres)
      for (const sku of skus)
        await sql`select pg_advisory_xact_lock(hashtext(${`checkout-hold:${sku}`}))`.execute(trx);
    const rows: StoreAvailabilityTable[] = [];
    const events: EventInput[] = [];
    const recompute = async () => {
      for (const sku of skus) {
        const out = await recomputeSku(trx, deps.settings, sku, { changedAt: at, stale, now });
        rows.push(...out.rows);
        events.push(...out.events);
      }
    };
    await recompute();
    const available = new Map(
      skus.map((sku) => [
        sku,
        Number(rows.find((r) => r.store_id === storeId && r.sku === sku)?.available ?? 0),
      ]),
    );
    const short = skus.some((sku) => (asked.get(sku) ?? 0) > (available.get(sku) ?? 0));
    if (!short) {
      await trx
        .insertInto('checkout_holds')
        .values(
          [...asked].map(([sku, quantity]) => ({
            id: ulid(),
            store_id: storeId,
            sku,
            locations: JSON.stringify(locations),
            quantity,
            expires_at: heldUntil,
            created_at: at,
          })),
        )
        .execute();
      await recompute();
    }
    if (events.length > 0) await deps.publish(events, trx);
    const result: TakeHoldsResult = short ? { ok: false, available } : { ok: true, heldUntil };
    return { rows, result };
  });
  deps.cache.putAvailability(rows);
  return result;
}
