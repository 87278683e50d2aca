/**
 * Restocked returns: an incoming picking from the customer location back into the stock location
 * the order shipped from, validated at once (the goods are on the dock). Idempotent by `origin`
 * = the hub's reference: a retry finds the receipt instead of receiving twice.
 *
 * @example
 * ```ts
 * await returnStock(ctx, { erpOrderId: '17', storeId: 'eu', orderId: '1234', lines: [{ sku: 'MUG', quantity: 1 }], reference: 'WC-eu-1234-return-77' });
 * ```
 */
import { BusinessError } from '../../runtime/errors.js';
import type { OdooContext } from './context.js';
import { SYSTEM, asBusinessRejection } from './errors.js';
import { m2oId } from './fields.js';
import { resolveSkus } from './products.js';

export interface StockReturnInput {
  erpOrderId: string;
  storeId: string;
  orderId: string;
  lines: { sku: string; quantity: number }[];
  /** Unique per return; becomes the receipt's `origin`. */
  reference: string;
}

export async function returnStock(ctx: OdooContext, input: StockReturnInput): Promise<{ id: string }> {
  const { client } = ctx;
  const existing = await client.searchRead(
    'stock.picking',
    [
      ['origin', '=', input.reference],
      ['picking_type_code', '=', 'incoming'],
    ],
    ['state'],
    { limit: 1 },
  );
  if (existing[0]) return { id: String(existing[0].id) };
  const outgoing = await client.searchRead(
    'stock.picking',
    [
      ['sale_id', '=', Number(input.erpOrderId)],
      ['picking_type_code', '=', 'outgoing'],
    ],
    ['location_id', 'location_dest_id', 'partner_id'],
    { order: 'id asc', limit: 1 },
  );
  const shipped = outgoing[0];
  if (!shipped) {
    throw new BusinessError(
      `Order ${input.storeId}/${input.orderId} has no delivery in Odoo to return goods against`,
      {
        code: 'no_delivery_to_return',
        system: SYSTEM,
      },
    );
  }
  const stockId = m2oId(shipped.location_id) as number;
  const customerId = m2oId(shipped.location_dest_id) as number;
  const [location] = await client.read('stock.location', [stockId], ['warehouse_id']);
  const receiptTypes = await client.searchRead(
    'stock.picking.type',
    [
      ['code', '=', 'incoming'],
      ['warehouse_id', '=', m2oId(location?.warehouse_id) ?? false],
    ],
    ['id'],
    { limit: 1 },
  );
  const products = await resolveSkus(
    client,
    input.lines.map((l) => l.sku),
  );
  const moves = input.lines
    .filter((l) => l.quantity > 0)
    .map((l) => {
      const product = products.get(l.sku);
      if (!product)
        throw new BusinessError(`SKU not found in Odoo: ${l.sku}`, { code: 'unknown_sku', system: SYSTEM });
      return [
        0,
        0,
        {
          name: `Return ${l.sku}`,
          product_id: Number(product.productId),
          product_uom_qty: l.quantity,
          location_id: customerId,
          location_dest_id: stockId,
        },
      ];
    });
  const values: Record<string, unknown> = {
    picking_type_id: receiptTypes[0]?.id,
    location_id: customerId,
    location_dest_id: stockId,
    origin: input.reference,
    move_ids: moves,
  };
  const partner = m2oId(shipped.partner_id);
  if (partner !== undefined) values.partner_id = partner;
  const id = await client
    .create('stock.picking', values)
    .catch((e: unknown) => Promise.reject(asBusinessRejection(e)));
  await client.call('stock.picking', 'action_confirm', [[id]]);
  const received = await client.searchRead('stock.move', [['picking_id', '=', id]], ['product_uom_qty']);
  for (const move of received) {
    const done: Record<string, unknown> = { [client.fields.moveDoneQuantity]: Number(move.product_uom_qty) };
    if (client.fields.movePickedFlag) done.picked = true;
    await client.write('stock.move', [move.id], done);
  }
  await client.call('stock.picking', 'button_validate', [[id]], {
    context: { skip_immediate: true, skip_sms: true },
  });
  return { id: String(id) };
}
