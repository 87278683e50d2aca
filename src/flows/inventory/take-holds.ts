/**
 * Takes checkout holds for a basket, checked against the database rather than this process's
 * cache, so api processes sharing a PostgreSQL store never promise the same last units twice. In
 * one transaction, with the basket's SKUs locked (advisory locks on PostgreSQL; SQLite transactions
 * are serial already): recompute each SKU from positions, reservations and live holds, refuse if
 * any line is short, else insert the holds and recompute again — which lowers every store sharing
 * a location, queues their pushes and publishes `availability.changed` with the commit. The
 * basket's rows share one `holdId` (a random UUID): the storefront passes it on with the order
 * (`checkout-holds.ts`) or gives the basket up with it (`release-holds.ts`).
 *
 * @example
 * ```ts
 * const result = await takeHolds(deps, 'eu', [{ sku: 'MUG', quantity: 1 }]);
 * if (result.ok) console.log(`hold ${result.holdId} until ${result.heldUntil}`);
 * else result.available.get('MUG'); // what the store can still sell
 * ```
 */
import { randomUUID } from 'node:crypto';
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

/** What changing holds needs: the database, settings, this process's cache and the outbox. */
export type HoldDeps = Omit<TakeHoldsDeps, 'ttlMs'>;

export type TakeHoldsResult =
  /** `holdId` names the basket's hold rows (all of them). */
  | { ok: true; heldUntil: string; holdId: string }
  /** Per SKU, what the store could sell when the basket was checked. */
  | { ok: false; available: ReadonlyMap<string, number> };

const ulid = monotonicFactory();

/**
 * Runs `work` in one transaction with `skus` locked. `recompute` recomputes every SKU from
 * positions, reservations and live holds and returns that pass's rows; the events of every pass
 * are published with the commit, and the rows put in this process's cache after it.
 */
export async function inHoldTransaction<T>(
  deps: HoldDeps,
  skus: readonly string[],
  now: Date,
  work: (trx: Trx, recompute: () => Promise<StoreAvailabilityTable[]>) => Promise<T>,
): Promise<T> {
  const at = now.toISOString();
  const sorted = [...new Set(skus)].sort(); // one lock order: no deadlocks
  const stale = feedHealth(deps.cache.lastFeedSuccess(), deps.settings.staleAfterSeconds).stale;
  const postgres = dialectOf(deps.db) === 'postgres';
  const { rows, result } = await deps.db.transaction().execute(async (trx) => {
    if (postgres)
      for (const sku of sorted)
        await sql`select pg_advisory_xact_lock(hashtext(${`checkout-hold:${sku}`}))`.execute(trx);
    const rows: StoreAvailabilityTable[] = [];
    const events: EventInput[] = [];
    const recompute = async () => {
      const pass: StoreAvailabilityTable[] = [];
      for (const sku of sorted) {
        const out = await recomputeSku(trx, deps.settings, sku, { changedAt: at, stale, now });
        pass.push(...out.rows);
        events.push(...out.events);
      }
      rows.push(...pass);
      return pass;
    };
    const result = await work(trx, recompute);
    if (events.length > 0) await deps.publish(events, trx);
    return { rows, result };
  });
  deps.cache.putAvailability(rows);
  return result;
}

export async function takeHolds(
  deps: TakeHoldsDeps,
  storeId: string,
  lines: readonly { sku: string; quantity: number }[],
  now = new Date(),
): Promise<TakeHoldsResult> {
  const at = now.toISOString();
  const heldUntil = new Date(now.getTime() + deps.ttlMs).toISOString();
  const asked = new Map<string, number>();
  for (const line of lines) asked.set(line.sku, (asked.get(line.sku) ?? 0) + line.quantity);
  const locations = deps.settings.locationsOf(storeId);

  return inHoldTransaction(deps, [...asked.keys()], now, async (trx, recompute) => {
    const rows = await recompute();
    const available = new Map(
      [...asked.keys()].map((sku) => [
        sku,
        Number(rows.find((r) => r.store_id === storeId && r.sku === sku)?.available ?? 0),
      ]),
    );
    if ([...asked].some(([sku, quantity]) => quantity > (available.get(sku) ?? 0)))
      return { ok: false, available };
    const holdId = randomUUID();
    await trx
      .insertInto('checkout_holds')
      .values(
        [...asked].map(([sku, quantity]) => ({
          id: ulid(),
          store_id: storeId,
          sku,
          basket_id: holdId,
          locations: JSON.stringify(locations),
          quantity,
          expires_at: heldUntil,
          created_at: at,
        })),
      )
      .execute();
    await recompute();
    return { ok: true, heldUntil, holdId };
  });
}
