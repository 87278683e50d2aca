/**
 * Checkout holds in the database: units `POST /v1/checkout/validate` with `hold: true` promised to
 * a shopper, so that between the answer "ok" and the order reaching the reservation ledger they are
 * not promised again — by this process or any other api process, in this store or any store sharing
 * one of its locations, and across a restart. A hold counts in available-to-sell like a
 * reservation until `expires_at`; it may overlap the order's own reservation until then, which
 * errs on the safe side. Taking is `take-holds.ts`; the sweep recomputes SKUs whose holds lapsed
 * and deletes them.
 *
 * @example
 * ```ts
 * const holds = await activeHolds(db, 'MUG', new Date().toISOString());
 * heldAt(holds, ['main'], 'uk'); // { all: 3, own: 1 }
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
