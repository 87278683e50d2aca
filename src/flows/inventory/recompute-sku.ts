import type { Kysely } from 'kysely';
import type { EventInput } from '../../runtime/contracts.js';
import { skuPartitionKey, skuSubject } from '../../canonical/index.js';
import type { Database } from '../../store/schema.js';
import { reservedQuantity } from './reservation-ledger/index.js';
import { activeHolds, heldAt } from './checkout-holds.js';
import { computeAts } from './compute-ats.js';
import { enqueuePush } from './enqueue-push.js';
import type { InventorySettings } from './settings.js';
import type { StoreAvailabilityTable } from './tables.js';

export interface RecomputeResult {
  /** Every store's row as stored now (for the in-memory cache). */
  rows: StoreAvailabilityTable[];
  /** `availability.changed` for the stores whose available-to-sell changed. */
  events: EventInput[];
}

/**
 * Recomputes available-to-sell of one SKU in every store from the stored positions, the
 * reservation ledger and the checkout holds not yet lapsed; stores rows that changed, queues a push for each store whose quantity
 * changed and returns the `availability.changed` events to publish with the same commit.
 *
 * @example
 * ```ts
 * const { rows, events } = await recomputeSku(trx, settings, 'MUG', { changedAt, stale: false });
 * await publish(events);
 * ```
 */
export async function recomputeSku(
  db: Kysely<Database>,
  settings: InventorySettings,
  sku: string,
  options: { changedAt: string; stale: boolean; now?: Date },
): Promise<RecomputeResult> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const [positions, previous, holds] = await Promise.all([
    db.selectFrom('stock_positions').selectAll().where('sku', '=', sku).execute(),
    db.selectFrom('store_availability').selectAll().where('sku', '=', sku).execute(),
    activeHolds(db, sku, at),
  ]);
  const rows: StoreAvailabilityTable[] = [];
  const events: EventInput[] = [];
  for (const storeId of settings.storeIds) {
    const locations = settings.locationsOf(storeId);
    const mine = positions.filter((p) => locations.includes(p.location));
    const before = previous.find((p) => p.store_id === storeId);
    if (mine.length === 0 && before === undefined) continue; // a SKU this store never stocked
    const figures = (hubReserved: number) =>
      computeAts({
        positions: mine.map((p) => ({
          onHand: Number(p.on_hand),
          erpReserved: Number(p.erp_reserved),
          asOf: p.as_of,
        })),
        hubReserved,
        safetyStock: settings.safetyStockFor(storeId, sku),
        now: at,
      });
    const reserved = await reservedQuantity(db, sku, locations);
    const held = heldAt(holds, locations, storeId);
    const ats = figures(reserved + held.all);
    const row: StoreAvailabilityTable = {
      store_id: storeId,
      sku,
      available: ats.available,
      on_hand: ats.onHand,
      reserved: ats.reserved,
      safety_stock: ats.safetyStock,
      as_of: ats.asOf,
      computed_at: at,
    };
    const same =
      before !== undefined &&
      Number(before.available) === row.available &&
      Number(before.on_hand) === row.on_hand &&
      Number(before.reserved) === row.reserved &&
      Number(before.safety_stock) === row.safety_stock &&
      before.as_of === row.as_of;
    if (same) {
      rows.push({ ...before, available: Number(before.available) });
      continue;
    }
    const { store_id: _s, sku: _k, ...update } = row;
    await db
      .insertInto('store_availability')
      .values(row)
      .onConflict((oc) => oc.columns(['store_id', 'sku']).doUpdateSet(update))
      .execute();
    rows.push(row);
    if (before === undefined || Number(before.available) !== row.available) {
      const quantity = held.own === 0 ? row.available : figures(reserved + held.all - held.own).available;
      await enqueuePush(db, { storeId, sku, quantity, changedAt: options.changedAt }, now);
      events.push({
        type: 'availability.changed',
        subject: skuSubject(sku),
        partitionKey: skuPartitionKey(sku),
        data: {
          storeId,
          sku,
          available: row.available,
          ...(before === undefined ? {} : { previous: Number(before.available) }),
          locations: [...locations],
          stale: options.stale,
          computedAt: at,
        },
      });
    }
  }
  return { rows, events };
}
