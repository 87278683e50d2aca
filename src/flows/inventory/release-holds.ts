/**
 * Gives a basket's checkout holds back at once (`DELETE /v1/checkout/holds/:holdId`: the shopper
 * abandoned it): its live rows are deleted and their SKUs recomputed in one transaction with the
 * SKUs locked, as taking them was (`take-holds.ts`), so every store sharing a location gets the
 * units back, pushes are queued and `availability.changed` is published with the commit. False
 * when no live hold has that id (unknown, already given back, or lapsed — the sweep deletes those).
 *
 * @example
 * ```ts
 * if (!(await releaseHolds(deps, holdId))) reply.code(404);
 * ```
 */
import { inHoldTransaction, type HoldDeps } from './take-holds.js';

export async function releaseHolds(deps: HoldDeps, holdId: string, now = new Date()): Promise<boolean> {
  const at = now.toISOString();
  const live = await deps.db
    .selectFrom('checkout_holds')
    .select('sku')
    .where('basket_id', '=', holdId)
    .where('expires_at', '>', at)
    .execute();
  if (live.length === 0) return false;
  const skus = live.map((r) => r.sku);
  return inHoldTransaction(deps, skus, now, async (trx, recompute) => {
    const deleted = await trx
      .deleteFrom('checkout_holds')
      .where('basket_id', '=', holdId)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    // Another request gave it back (or the order's reservation lapsed it) meanwhile.
    if (Number(deleted.numDeletedRows) === 0) return false;
    await recompute();
    return true;
  });
}
