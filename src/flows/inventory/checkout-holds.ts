/**
 * Checkout holds in the database: units `POST /v1/checkout/validate` with `hold: true` promised to
 * a shopper, so that between the answer "ok" and the order reaching the reservation ledger they are
 * not promised again — by this process or any other api process, in this store or any store sharing
 * one of its locations, and across a restart. A hold counts in available-to-sell like a
 * reservation until `expires_at`. Taking is `take-holds.ts`; the sweep recomputes SKUs whose holds
 * lapsed and deletes them.
 *
 * Contract with the storefront: the validate answer's `holdId` names the basket's hold rows. The
 * storefront puts it in the WooCommerce order's `meta_data` as `_retail_hub_hold_id` (hidden: a `_`
 * key), which the order mapping reads into `Order.checkoutHoldId`. When the saga's `route` step
 * records the order's units in the reservation ledger it lapses that basket's holds of the order's
 * store in the same transaction (`lapseBasketHolds`), so they are not counted twice until the TTL; so
 * does the cancellation of an order that nothing can serve. An abandoned basket is given back with
 * `DELETE /v1/checkout/holds/:holdId` (`release-holds.ts`). Without the id (or with another store's)
 * the hold lapses after its TTL as before, erring on the safe side.
 *
 * @example
 * ```ts
 * const holds = await activeHolds(db, 'MUG', new Date().toISOString());
 * heldAt(holds, ['main'], 'uk'); // { all: 3, own: 1 }
 * await lapseBasketHolds(trx, 'eu', order.checkoutHoldId, now); // 2 rows: the sweep recomputes and deletes them
 * ```
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

export interface ActiveHold {
  storeId: string;
  locations: readonly string[];
  quantity: number;
}

/** Holds of `sku` that have not lapsed at `nowIso`. */
export async function activeHolds(db: Kysely<Database>, sku: string, nowIso: string): Promise<ActiveHold[]> {
  const rows = await db
    .selectFrom('checkout_holds')
    .select(['store_id', 'locations', 'quantity'])
    .where('sku', '=', sku)
    .where('expires_at', '>', nowIso)
    .execute();
  return rows.map((r) => ({
    storeId: r.store_id,
    locations: JSON.parse(r.locations) as string[],
    quantity: Number(r.quantity),
  }));
}

/**
 * Units held at any of `locations`: `all` lowers the store's available-to-sell; `own`, the part its
 * own shoppers hold, stays in the quantity pushed to it, so the holder can still buy there.
 */
export function heldAt(
  holds: readonly ActiveHold[],
  locations: readonly string[],
  storeId: string,
): { all: number; own: number } {
  let all = 0;
  let own = 0;
  for (const h of holds) {
    if (!h.locations.some((l) => locations.includes(l))) continue;
    all += h.quantity;
    if (h.storeId === storeId) own += h.quantity;
  }
  return { all, own };
}

/** Units the store's own shoppers hold per SKU: what its pushed stock shows above available-to-sell. */
export async function ownHeldBySku(
  db: Kysely<Database>,
  storeId: string,
  nowIso: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('checkout_holds')
    .select((eb) => ['sku', eb.fn.sum<number | string>('quantity').as('held')])
    .where('store_id', '=', storeId)
    .where('expires_at', '>', nowIso)
    .groupBy('sku')
    .execute();
  return new Map(rows.map((r) => [r.sku, Number(r.held)]));
}

/** SKUs with holds lapsed at `nowIso`: recompute them, then `deleteLapsedHolds`. */
export async function lapsedHoldSkus(db: Kysely<Database>, nowIso: string): Promise<string[]> {
  const rows = await db
    .selectFrom('checkout_holds')
    .select('sku')
    .distinct()
    .where('expires_at', '<=', nowIso)
    .execute();
  return rows.map((r) => r.sku);
}

export async function deleteLapsedHolds(db: Kysely<Database>, nowIso: string): Promise<void> {
  await db.deleteFrom('checkout_holds').where('expires_at', '<=', nowIso).execute();
}

/**
 * Gives back the live holds of basket `holdId` taken in `storeId` by lapsing them at `at`, in the
 * caller's transaction (the reservation that replaces them commits with it): from then on no
 * recomputation counts them, and the sweep (`sweep-reservations.ts`) recomputes their SKUs —
 * queuing pushes, publishing `availability.changed` — and deletes them, as for any lapsed hold.
 * A hold id of another store, unknown or already lapsed matches nothing. Returns the rows lapsed.
 */
export async function lapseBasketHolds(
  db: Kysely<Database>,
  storeId: string,
  holdId: string,
  at: Date,
): Promise<number> {
  const iso = at.toISOString();
  const result = await db
    .updateTable('checkout_holds')
    .set({ expires_at: iso })
    .where('basket_id', '=', holdId)
    .where('store_id', '=', storeId)
    .where('expires_at', '>', iso)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
