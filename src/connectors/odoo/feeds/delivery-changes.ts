/**
 * Picking feed: outgoing pickings written since the cursor, as deliveries with their channel
 * order (from the sale order's `client_order_ref`, `WC-<store>-<id>`).
 *
 * @example
 * ```ts
 * const page = await readDeliveryChanges(ctx, cursor);
 * page.changes.filter((d) => d.state === 'done');
 * ```
 */
import type { ChangePage, ErpDelivery } from '../../erp.js';
import type { OdooContext } from '../context.js';
import { PICKING_FIELDS, deliveriesOf } from '../deliveries.js';
import { m2oId } from '../fields.js';
import { readChanges, type ChangeReadOptions } from './write-date-cursor.js';

const REF = /^WC-([a-z0-9-]+)-(.+)$/;

export async function readDeliveryChanges(
  ctx: OdooContext,
  cursor: string | undefined,
  options?: ChangeReadOptions,
): Promise<ChangePage<ErpDelivery>> {
  const page = await readChanges(
    ctx.client,
    'stock.picking',
    [['picking_type_code', '=', 'outgoing']],
    PICKING_FIELDS,
    cursor,
    options,
  );
  const deliveries = await deliveriesOf(ctx, page.rows);
  const orderIds = [
    ...new Set(page.rows.map((p) => m2oId(p.sale_id)).filter((id): id is number => id !== undefined)),
  ];
  const orders =
    orderIds.length === 0 ? [] : await ctx.client.read('sale.order', orderIds, ['client_order_ref']);
  const refs = new Map(
    orders.map((o) => [
      String(o.id),
      typeof o.client_order_ref === 'string' ? REF.exec(o.client_order_ref) : null,
    ]),
  );
  for (const delivery of deliveries) {
    const match = delivery.erpOrderId ? refs.get(delivery.erpOrderId) : undefined;
    if (match) delivery.channelOrder = { storeId: match[1] as string, orderId: match[2] as string };
  }
  return { changes: deliveries, cursor: page.cursor };
}
