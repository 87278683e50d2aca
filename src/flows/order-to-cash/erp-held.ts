/**
 * Who holds an order's routed units: the hub from routing until the ERP confirms the order, then
 * the ERP for the lines at the warehouse its order ships from (Odoo's confirmation reserves them
 * there, `stock.quant.reserved_quantity`), so the hub's hold on those lines ends at registration
 * and available-to-sell never counts them twice. Lines at other locations (a split, a reroute, a
 * drop-ship supplier) stay held by the hub until they ship.
 *
 * @example
 * ```ts
 * const { erp, hub } = holders(saga); // after registration: erp = lines at routing.erpLocation
 * ```
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { release, reserve, type ReservationLine } from '../inventory/reservation-ledger/index.js';
import type { SagaConfig } from './ports.js';
import type { Assignment, SagaOrder } from './saga-state.js';

/**
 * The warehouse the ERP order ships from: the first assignment's, when it is an ERP warehouse. An
 * order whose every line is backordered has no assignment yet: it is registered at the store's
 * first warehouse, where its lines are most likely to ship from once stock arrives (rather than the
 * ERP's default warehouse, which the hub may not route to at all), so that parcel validates the
 * ERP's delivery like any other.
 */
export function erpWarehouseOf(saga: SagaOrder, config: SagaConfig): string | undefined {
  const routing = saga.routing;
  const first =
    routing !== undefined && routing.assignments.length === 0 && routing.backorders.length > 0
      ? config.stores.find((s) => s.id === saga.storeId)?.locations[0]
      : routing?.assignments[0]?.location;
  return config.warehouses.some((w) => w.id === first) ? first : undefined;
}

export function reservationLines(assignments: readonly Assignment[]): ReservationLine[] {
  return assignments.flatMap((a) => a.lines.map((l) => ({ ...l, location: a.location })));
}

/** The routed lines split by who holds them now. */
export function holders(saga: SagaOrder): { erp: ReservationLine[]; hub: ReservationLine[] } {
  const lines = reservationLines(saga.routing?.assignments ?? []);
  const at = saga.erp === undefined ? undefined : saga.routing?.erpLocation;
  return {
    erp: lines.filter((l) => l.location === at),
    hub: lines.filter((l) => l.location !== at),
  };
}

/** The ledger writes that follow a changed plan: the hub's holds take the new quantities, lines gone from the plan are released. */
export function followPlan(
  before: SagaOrder,
  after: SagaOrder,
  now: Date,
): (trx: Kysely<Database>) => Promise<void> {
  const { hub } = holders(after);
  const still = new Set(reservationLines(after.routing?.assignments ?? []).map((l) => l.lineId));
  const gone = reservationLines(before.routing?.assignments ?? [])
    .map((l) => l.lineId)
    .filter((id) => !still.has(id));
  return async (trx) => {
    await reserve(trx, after.subject, hub, now);
    await release(trx, after.subject, gone, now);
  };
}
