/**
 * Step `deliver`: a parcel left the warehouse the ERP order ships from, so the ERP's delivery is
 * validated for exactly the shipped quantities, with carrier and tracking number — the ERP's stock
 * goes down, its reservation ends and its order shows delivered. Odoo keeps a backorder for what
 * has not shipped yet. One run per shipment, under `erp:deliver:<order>:<shipment>`; the tracking
 * reference written on the picking before validation is what the lookup (and a retry after a
 * crash) recognises it by, so a shipment never validates two pickings. Parcels from anywhere else
 * (another warehouse, a drop-ship supplier) are not the ERP delivery's goods: recorded with the
 * reason, nothing written. Transient ERP errors retry the delivery; an ERP refusal parks the
 * order with the ERP's reason. No compensation: goods that left cannot be un-shipped.
 */
import type { ErpDelivery } from '../../../connectors/erp.js';
import { BusinessError } from '../../../runtime/errors.js';
import { defineStep, type StepIO } from '../define-step.js';
import { sagaEvent } from '../saga-events.js';
import {
  pendingErpShipment,
  type SagaOrder,
  type ShipmentErpRecord,
  type ShipmentRecord,
} from '../saga-state.js';

/** What the picking is recognised by: the carrier's tracking number, else the hub's shipment id. */
export function deliveryReference(shipment: ShipmentRecord): string {
  return shipment.trackingNumber ?? `hub-shipment:${shipment.id}`;
}

/** Why the ERP delivery is not validated for this parcel, if it is not. */
export function notValidatedReason(
  saga: SagaOrder,
  shipment: ShipmentRecord,
  io: StepIO,
): string | undefined {
  const { config } = io.deps;
  if (saga.erp === undefined) return 'the order has no ERP order';
  const erpLocation = saga.routing?.erpLocation;
  if (shipment.location === erpLocation) return undefined;
  const ships = erpLocation === undefined ? "the ERP's default warehouse" : erpLocation;
  if (config.dropship?.some((d) => d.id === shipment.location)) {
    return `drop-shipped by ${shipment.location}: the ERP order ships from ${ships} and holds no drop-ship route for it, so validating its delivery would take stock out of a warehouse the goods never left`;
  }
  return `shipped from ${shipment.location} but the ERP order ships from ${ships}: validating its delivery would take the goods out of the wrong warehouse's stock; the units stay open on the ERP delivery for a person to re-source`;
}

function shippedBySku(shipment: ShipmentRecord): { sku: string; quantity: number }[] {
  const bySku = new Map<string, number>();
  for (const line of shipment.lines) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}

const atLocation = (d: ErpDelivery, location: string) => d.location === undefined || d.location === location;

async function validate(saga: SagaOrder, shipment: ShipmentRecord, io: StepIO): Promise<ShipmentErpRecord> {
  const { erp } = io.deps;
  const erpOrderId = saga.erp?.id ?? '';
  const reference = deliveryReference(shipment);
  const found = (d: ErpDelivery): ShipmentErpRecord => ({
    status: 'validated',
    pickingId: d.erpPickingId,
    name: d.name,
  });
  return io.once(
    async () => {
      const open = (await erp.readDeliveries(erpOrderId)).filter(
        (d) => d.state !== 'done' && d.state !== 'cancelled' && atLocation(d, shipment.location),
      );
      // An attempt that wrote the reference and then failed left it on its picking: finish that one.
      const target = open.find((d) => d.trackingNumber === reference) ?? open[0];
      if (target === undefined) {
        throw new BusinessError(
          `ERP order ${saga.erp?.name ?? erpOrderId} has no open delivery at ${shipment.location} for shipment ${shipment.id} (validated or cancelled in the ERP by hand?)`,
          { code: 'erp_delivery_missing', system: erp.system },
        );
      }
      const done = await erp.validateDelivery({
        erpPickingId: target.erpPickingId,
        trackingNumber: reference,
        carrier: shipment.carrier,
        lines: shippedBySku(shipment),
      });
      return found(done);
    },
    async () => {
      const done = (await erp.readDeliveries(erpOrderId)).find(
        (d) => d.state === 'done' && d.trackingNumber === reference && atLocation(d, shipment.location),
      );
      return done === undefined ? undefined : found(done);
    },
  );
}

export const deliverStep = defineStep({
  name: 'deliver',
  from: ['partially_shipped', 'shipped'],
  idempotencyKey: (saga) => `erp:deliver:${saga.subject}:${pendingErpShipment(saga)?.id ?? '-'}`,
  invoke: async (saga, io): Promise<{ shipmentId: string; erp: ShipmentErpRecord } | undefined> => {
    const shipment = pendingErpShipment(saga);
    if (shipment === undefined) return undefined;
    const reason = notValidatedReason(saga, shipment, io);
    const erp: ShipmentErpRecord =
      reason === undefined ? await validate(saga, shipment, io) : { status: 'not_validated', reason };
    return { shipmentId: shipment.id, erp };
  },
  apply: (saga, result, io) => {
    if (result === undefined) return { saga, timeline: [], events: [] };
    const shipment = saga.shipments.find((s) => s.id === result.shipmentId);
    const next: SagaOrder = {
      ...saga,
      shipments: saga.shipments.map((s) => (s.id === result.shipmentId ? { ...s, erp: result.erp } : s)),
    };
    const what = shipment?.lines.map((l) => `${l.quantity}× ${l.sku}`).join(', ') ?? '';
    const summary =
      result.erp.status === 'validated'
        ? `ERP delivery ${result.erp.name} validated for ${what} (${shipment?.carrier ?? ''} ${shipment === undefined ? '' : deliveryReference(shipment)})`
        : `ERP delivery not validated for ${what} of shipment ${result.shipmentId}: ${result.erp.reason}`;
    return {
      saga: next,
      timeline: [
        {
          kind: result.erp.status === 'validated' ? 'effect' : 'decision',
          system: io.deps.erp.system,
          summary,
          data: { shipmentId: result.shipmentId, ...result.erp },
        },
      ],
      events: [sagaEvent(next, 'order.advance', { after: 'deliver' })],
    };
  },
});
