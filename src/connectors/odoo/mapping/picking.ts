/**
 * stock.picking (+ its stock.move rows) → the port's ErpDelivery. Odoo states `draft`,
 * `waiting`/`confirmed` (waiting for stock), `assigned` (ready), `done`, `cancel`.
 *
 * @example
 * ```ts
 * deliveryState('assigned'); // 'ready'
 * ```
 */
import type { ErpDelivery } from '../../erp.js';
import { m2oId, m2oName, text } from '../fields.js';
import type { OdooRecord } from '../client.js';

export function deliveryState(state: string): ErpDelivery['state'] {
  switch (state) {
    case 'assigned':
      return 'ready';
    case 'done':
      return 'done';
    case 'cancel':
      return 'cancelled';
    case 'draft':
      return 'draft';
    default:
      return 'waiting';
  }
}

/** Odoo datetimes are UTC `YYYY-MM-DD HH:MM:SS`. */
export function odooDateTimeToIso(value: unknown): string | undefined {
  const s = text(value);
  return s ? `${s.replace(' ', 'T')}${s.length === 10 ? 'T00:00:00' : ''}Z` : undefined;
}

export function deliveryFromPicking(
  picking: OdooRecord,
  moves: readonly OdooRecord[],
  skus: ReadonlyMap<number, string>,
  doneField: string,
): ErpDelivery {
  const delivery: ErpDelivery = {
    erpPickingId: String(picking.id),
    name: String(picking.name),
    state: deliveryState(String(picking.state)),
    erpState: String(picking.state),
    lines: moves
      .filter((m) => m2oId(m.picking_id) === picking.id)
      .map((m) => ({
        sku: skus.get(m2oId(m.product_id) ?? -1) ?? m2oName(m.product_id) ?? '',
        quantity: Number(m.product_uom_qty) || 0,
        done: Number(m[doneField]) || 0,
      })),
  };
  const saleId = m2oId(picking.sale_id);
  if (saleId !== undefined) delivery.erpOrderId = String(saleId);
  const origin = text(picking.origin);
  if (origin) delivery.origin = origin;
  const location = m2oName(picking.location_id);
  if (location) delivery.location = location;
  const carrier = m2oName(picking.carrier_id);
  if (carrier) delivery.carrier = carrier;
  const tracking = text(picking.carrier_tracking_ref);
  if (tracking) delivery.trackingNumber = tracking;
  const doneAt = odooDateTimeToIso(picking.date_done);
  if (doneAt) delivery.doneAt = doneAt;
  return delivery;
}
