/**
 * Backordered lines the ERP itself has found stock for. When goods arrive at the warehouse an ERP
 * order ships from, Odoo's waiting delivery for that order reserves them (its scheduler, or the
 * receipt's own assignment): the hub's stock feed then reports them reserved, not available, so
 * routing through the OMS would never see them. The ERP's delivery is the evidence instead: once
 * it is `ready` with the line's quantity still to ship at the order's ERP warehouse, the lines go
 * there, and the ERP — not the hub's ledger — holds the units (`holders` in `./erp-held.ts`
 * counts a line at the ERP warehouse as the ERP's).
 *
 * @example
 * ```ts
 * const plan = await erpReservedPlan(saga, lines, 'main', deps.erp);
 * plan?.assignments; // [{ location: 'main', kind: 'warehouse', lines: [{ lineId: '2', sku: 'MUG', quantity: 1 }] }]
 * ```
 */
import type { ErpDelivery } from '../../connectors/erp.js';
import type { SagaErpPort } from './ports.js';
import type { Assignment, PlannedLine, SagaOrder } from './saga-state.js';

/**
 * Units of `sku` a delivery has reserved, when it is ready (reserved in full) at `location`. Its
 * demand, not demand less `done`: on an open picking Odoo 17+ pre-fills the moves' `quantity`
 * (which the connector reads as done) with the reservation, so `done` says nothing shipped yet.
 */
function readyToShip(delivery: ErpDelivery, location: string, sku: string): number {
  if (delivery.state !== 'ready' || (delivery.location !== undefined && delivery.location !== location))
    return 0;
  return delivery.lines.filter((line) => line.sku === sku).reduce((left, line) => left + line.quantity, 0);
}

/**
 * The plan for `lines` (backorders of one SKU) when the order's own ERP delivery at `location`
 * has them reserved; undefined when it does not (or the order ships from elsewhere in the ERP).
 */
export async function erpReservedPlan(
  saga: SagaOrder,
  lines: readonly PlannedLine[],
  location: string,
  erp: Pick<SagaErpPort, 'readDeliveries'>,
): Promise<{ assignments: Assignment[]; reasons: string[] } | undefined> {
  const sku = lines[0]?.sku;
  if (sku === undefined || saga.erp === undefined || saga.routing?.erpLocation !== location) return undefined;
  const wanted = lines.reduce((total, line) => total + line.quantity, 0);
  const deliveries = await erp.readDeliveries(saga.erp.id);
  const ready = deliveries.find((d) => readyToShip(d, location, sku) >= wanted);
  if (ready === undefined) return undefined;
  return {
    assignments: [{ location, kind: 'warehouse', lines: lines.map((line) => ({ ...line })) }],
    reasons: [`${location}: the ERP's delivery ${ready.name} reserved ${wanted}× ${sku} for this order`],
  };
}
