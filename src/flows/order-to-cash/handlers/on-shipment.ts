/**
 * `shipment.confirmed`: a parcel left a location. Recorded once per shipment id (duplicated or
 * replayed warehouse events change nothing); the customer gets a tracking note in WooCommerce;
 * the shipped lines' reservations are consumed (the ERP's figures now include them). The event
 * that follows (`order.shipped` when every owed line has shipped, else `order.advance`) runs the
 * `deliver` step for the parcel, then completion.
 */
import type { EventData } from '../../../canonical/index.js';
import { orderSubject } from '../../../canonical/index.js';
import type { HandlerContext } from '../../../runtime/contracts.js';
import { consume } from '../../inventory/reservation-ledger/index.js';
import type { StepDeps, StepOutcome } from '../define-step.js';
import { commit, moveTo, parkOutcome } from '../run-step.js';
import { sagaEvent } from '../saga-events.js';
import { allShipped, isBefore, type SagaOrder, type ShipmentRecord } from '../saga-state.js';
import { loadSaga } from '../saga-store.js';

type Shipment = EventData<'shipment.confirmed'>['shipment'];

export function trackingNote(shipment: Shipment): string {
  const what = shipment.lines.map((l) => `${l.quantity}× ${l.sku}`).join(', ');
  const tracking =
    shipment.trackingNumber === undefined
      ? ''
      : ` — tracking ${shipment.trackingNumber}${shipment.trackingUrl ? ` (${shipment.trackingUrl})` : ''}`;
  return `Shipped with ${shipment.carrier}${tracking}: ${what}`;
}

export async function onShipment(
  ctx: HandlerContext<EventData<'shipment.confirmed'>>,
  deps: StepDeps,
): Promise<void> {
  const { shipment, storeId, orderId } = ctx.message.data;
  const saga = await loadSaga(ctx.db, orderSubject(storeId, orderId));
  if (saga === undefined) throw new Error(`shipment ${shipment.id} for unknown order ${storeId}/${orderId}`);
  if (saga.shipments.some((s) => s.id === shipment.id)) return;
  const now = deps.now();
  const channel = deps.woo(storeId);
  const note = trackingNote(shipment);
  await ctx.effects.run(`woo:note:${saga.subject}:${shipment.id}`, {
    perform: () => channel.addOrderNote(orderId, note, true),
    lookup: async () => (await channel.listOrderNotes(orderId)).find((n) => n.note === note)?.id,
  });
  const record: ShipmentRecord = {
    id: shipment.id,
    ...(shipment.fulfilmentRequestId === undefined ? {} : { reference: shipment.fulfilmentRequestId }),
    location: shipment.location,
    carrier: shipment.carrier,
    ...(shipment.trackingNumber === undefined ? {} : { trackingNumber: shipment.trackingNumber }),
    ...(shipment.trackingUrl === undefined ? {} : { trackingUrl: shipment.trackingUrl }),
    shippedAt: shipment.shippedAt,
    lines: shipment.lines,
  };
  let next: SagaOrder = {
    ...saga,
    shipments: [...saga.shipments, record],
    fulfilments: saga.fulfilments.map((f) =>
      f.reference === shipment.fulfilmentRequestId ? { ...f, status: 'shipped' as const } : f,
    ),
  };
  const lineIds = shipment.lines.flatMap((l) => (l.lineId === undefined ? [] : [l.lineId]));
  const timeline: StepOutcome['timeline'] = [
    {
      kind: 'message',
      system: `wms:${shipment.location}`,
      summary:
        `Shipped ${shipment.lines.map((l) => `${l.quantity}× ${l.sku}`).join(', ')} with ${shipment.carrier} ${shipment.trackingNumber ?? ''}`.trim(),
      data: { shipmentId: shipment.id },
    },
    { kind: 'effect', system: `woocommerce:${storeId}`, summary: `Tracking note added for the customer` },
  ];
  const events = [];
  let outcome: StepOutcome;
  if (saga.state === 'cancelled') {
    outcome = parkOutcome(
      next,
      'ship',
      'shipped_after_cancellation',
      `Shipment ${shipment.id} left after the order was cancelled`,
      now,
    );
    outcome.timeline.unshift(...timeline);
  } else {
    if (isBefore(next.state, 'shipped') && next.state !== 'parked') {
      if (allShipped(next)) {
        next = moveTo(next, 'shipped', now);
        events.push(sagaEvent(next, 'order.shipped', { shipments: next.shipments.length }));
      } else {
        next = moveTo(next, 'partially_shipped', now);
      }
    }
    if (events.length === 0 && next.state !== 'parked')
      events.push(sagaEvent(next, 'order.advance', { after: 'ship' }));
    outcome = { saga: next, timeline, events };
  }
  outcome.write = (trx) => consume(trx, saga.subject, lineIds, now).then(() => undefined);
  await commit(ctx, saga, outcome, now);
}
