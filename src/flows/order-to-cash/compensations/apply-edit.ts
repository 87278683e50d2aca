/**
 * Compensation for an order edited in WooCommerce after the ERP has it: update the ERP order while
 * the ERP allows it (before fulfilment was requested); after that, an edit that only removes units
 * (a partial cancellation, nothing shipped) re-requests the fulfilments and revises the ERP order
 * (`reduceLines`). Anything else, goods already shipped, or an ERP refusal (BusinessError) parks
 * the order for a person with the reason. Before registration the new version simply replaces the
 * old one. Until fulfilment is requested the routing plan and the hub's holds follow the edit
 * (`resizeAssignments`), so the warehouse is later asked for what the order now holds.
 *
 * @example
 * ```ts
 * if (isMaterialEdit(saga.order, incoming)) outcome = await applyEdit(saga, incoming, io);
 * ```
 */
import type { Order } from '../../../canonical/index.js';
import { BusinessError } from '../../../runtime/errors.js';
import type { StepIO, StepOutcome } from '../define-step.js';
import { erpOrderOf } from '../erp-order.js';
import { parkOutcome } from '../run-step.js';
import { isBefore, type SagaOrder } from '../saga-state.js';
import { registerOptions } from '../steps/register.js';
import { reduceLines, reductionsOf } from './reduce-lines.js';
import { followPlan } from '../erp-held.js';
import { resizeAssignments } from '../resize-assignments.js';

const MATERIAL: readonly (keyof Order)[] = ['lines', 'shippingLines', 'feeLines', 'couponLines', 'totals'];

/** True when what was sold or its price changed (status, notes and payment are not edits). */
export function isMaterialEdit(before: Order, after: Order): boolean {
  return MATERIAL.some((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

export async function applyEdit(saga: SagaOrder, incoming: Order, io: StepIO): Promise<StepOutcome> {
  const now = io.deps.now();
  const updated: SagaOrder = {
    ...saga,
    order: incoming,
    amounts: { ...saga.amounts, channelTotal: incoming.totals.total.amount },
  };
  // A parked order is as far as the state it was parked in.
  const at = saga.state === 'parked' ? (saga.parked?.from ?? 'received') : saga.state;
  // Before fulfilment the plan simply follows the edit (the warehouse has nothing yet).
  const planned: SagaOrder =
    updated.routing === undefined || at === 'cancelled' || !isBefore(at, 'fulfilment_requested')
      ? updated
      : {
          ...updated,
          routing: { ...updated.routing, assignments: resizeAssignments(updated.routing, incoming.lines) },
        };
  const write = followPlan(saga, planned, now);
  if (saga.erp === undefined || saga.state === 'cancelled') {
    return {
      saga: planned,
      ...(planned === updated ? {} : { write }),
      timeline: [
        {
          kind: 'message',
          system: `woocommerce:${saga.storeId}`,
          summary: 'Order edited in WooCommerce (before ERP registration)',
        },
      ],
      events: [],
    };
  }
  if (saga.shipments.length > 0 || saga.fulfilments.some((f) => f.status === 'shipped')) {
    return parkOutcome(
      updated,
      'edit',
      'edited_after_shipment',
      'The order was edited in WooCommerce after goods shipped; the ERP order can no longer follow (a return or a refund is needed)',
      now,
    );
  }
  if (!isBefore(at, 'fulfilment_requested')) {
    const kept = reductionsOf(saga.order, incoming);
    if (kept !== undefined) return reduceLines(updated, kept, io);
    return parkOutcome(
      updated,
      'edit',
      'edited_after_fulfilment',
      'The order was edited in WooCommerce after fulfilment was requested, and not only by removing units; the warehouse and ERP need a person',
      now,
    );
  }
  const erpOrderId = saga.erp.id;
  try {
    const result = await io.effects.run(`erp:update:${saga.subject}:${incoming.modifiedAt}`, {
      perform: () =>
        io.deps.erp.updateOrder(
          erpOrderId,
          erpOrderOf(incoming, saga.routing?.cancelledLines ?? []),
          registerOptions(saga, io),
        ),
    });
    return {
      saga: { ...planned, amounts: { ...planned.amounts, erpTotal: result.amountTotal } },
      write,
      timeline: [
        {
          kind: 'effect',
          system: io.deps.erp.system,
          summary: `ERP order ${saga.erp.name} updated after an edit in WooCommerce (total ${result.amountTotal})`,
        },
      ],
      events: [],
    };
  } catch (error) {
    if (!(error instanceof BusinessError)) throw error;
    return parkOutcome(
      updated,
      'edit',
      error.code,
      `The ERP refused the edit: ${error.message}`,
      now,
      error.system ?? io.deps.erp.system,
    );
  }
}
