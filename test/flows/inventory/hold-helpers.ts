/**
 * Helpers for checkout-hold tests: what the projection stores for a store and SKU, and a hold that
 * must be granted.
 *
 * @example
 * ```ts
 * const holdId = await grantedHold(deps, 'eu', [{ sku: 'MUG', quantity: 2 }]);
 * await storedAvailable(db, 'uk', 'MUG'); // 8
 * ```
 */
import type { Kysely } from 'kysely';
import { takeHolds, type TakeHoldsDeps } from '../../../src/flows/inventory/take-holds.js';
import type { Database } from '../../../src/store/schema.js';

/** `store_availability.available` of one store and SKU (the row must exist). */
export async function storedAvailable(db: Kysely<Database>, storeId: string, sku: string): Promise<number> {
  const where = { store_id: storeId, sku };
  const row = await db
    .selectFrom('store_availability')
    .select('available')
    .where((eb) => eb.and(where))
    .executeTakeFirstOrThrow();
  return Number(row.available);
}

/** Takes a basket's holds now; throws when refused. Returns the `holdId`. */
export async function grantedHold(
  deps: TakeHoldsDeps,
  storeId: string,
  lines: readonly { sku: string; quantity: number }[],
  now?: Date,
): Promise<string> {
  const result = await takeHolds(deps, storeId, lines, now);
  if (!result.ok) throw new Error(`hold refused: ${JSON.stringify([...result.available])}`);
  return result.holdId;
}
