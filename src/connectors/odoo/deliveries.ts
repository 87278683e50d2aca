/**
 * Outgoing pickings of a sales order: read with their moves (state, carrier, tracking), and
 * validated for the warehouse-confirmation path: the shipped quantities are set on the moves
 * (`quantity` + `picked` from 17, `quantity_done` in 16), the carrier and tracking number written,
 * then `button_validate`. Validating a picking already done is a no-op.
 *
 * @example
 * ```ts
 * const [delivery] = await readDeliveries(ctx, '17');
 * await validateDelivery(ctx, { erpPickingId: delivery.erpPickingId, trackingNumber: '1Z999' });
 * ```
 */
import { BusinessError, PermanentError } from '../../runtime/errors.js';
import type { ErpDelivery, ValidateDeliveryInput } from '../erp.js';
import { ensureCarrier } from './carriers.js';
import type { OdooRecord } from './client.js';
import { hubLocationOf, type OdooContext } from './context.js';
import { SYSTEM, asBusinessRejection } from './errors.js';
import { m2oId } from './fields.js';
import { deliveryFromPicking } from './mapping/picking.js';
import { skusOf } from './products.js';

export const PICKING_FIELDS = [
  'name',
  'state',
  'origin',
  'sale_id',
  'location_id',
  'carrier_id',
  'carrier_tracking_ref',
  'date_done',
  'picking_type_code',
  'write_date',
];

const moveFields = (ctx: OdooContext) => [
  'picking_id',
  'product_id',
  'product_uom_qty',
  ctx.client.fields.moveDoneQuantity,
];

/** Pickings → deliveries with their lines: two more calls (moves, SKUs) for any number of pickings. */
export async function deliveriesOf(
  ctx: OdooContext,
  pickings: readonly OdooRecord[],
): Promise<ErpDelivery[]> {
  if (pickings.length === 0) return [];
  const moves = await ctx.client.searchReadAll(
    'stock.move',
    [['picking_id', 'in', pickings.map((p) => p.id)]],
    moveFields(ctx),
  );
  const skus = await skusOf(
    ctx.client,
    moves.map((m) => m2oId(m.product_id)).filter((id): id is number => id !== undefined),
  );
  return pickings.map((p) => {
    const delivery = deliveryFromPicking(p, moves, skus, ctx.client.fields.moveDoneQuantity);
    if (delivery.location) delivery.location = hubLocationOf(ctx.settings, delivery.location);
    return delivery;
  });
}

export async function readDeliveries(ctx: OdooContext, erpOrderId: string): Promise<ErpDelivery[]> {
  const pickings = await ctx.client.searchRead(
    'stock.picking',
    [
      ['sale_id', '=', Number(erpOrderId)],
      ['picking_type_code', '=', 'outgoing'],
    ],
    PICKING_FIELDS,
    { order: 'id asc' },
  );
  return deliveriesOf(ctx, pickings);
}

async function readDelivery(ctx: OdooContext, pickingId: number): Promise<ErpDelivery> {
  const pickings = await ctx.client.searchRead('stock.picking', [['id', '=', pickingId]], PICKING_FIELDS, {
    limit: 1,
  });
  const [delivery] = await deliveriesOf(ctx, pickings);
  if (!delivery)
    throw new PermanentError(`stock.picking ${pickingId} not found`, {
      code: 'MissingError',
      system: SYSTEM,
    });
  return delivery;
}

export async function validateDelivery(ctx: OdooContext, input: ValidateDeliveryInput): Promise<ErpDelivery> {
  const pickingId = Number(input.erpPickingId);
  const current = await readDelivery(ctx, pickingId);
  if (current.state === 'done') return current;
  if (current.state === 'cancelled') {
    throw new BusinessError(`${current.name} is cancelled in Odoo and cannot be shipped`, {
      code: 'picking_cancelled',
      system: SYSTEM,
    });
  }
  const { client } = ctx;
  const moves = await client.searchRead('stock.move', [['picking_id', '=', pickingId]], moveFields(ctx));
  const skus = await skusOf(
    client,
    moves.map((m) => m2oId(m.product_id)).filter((id): id is number => id !== undefined),
  );
  const remaining = new Map((input.lines ?? []).map((l) => [l.sku, l.quantity]));
  for (const move of moves) {
    const sku = skus.get(m2oId(move.product_id) ?? -1);
    const demand = Number(move.product_uom_qty) || 0;
    let quantity = demand;
    if (input.lines) {
      quantity = Math.min(demand, remaining.get(sku ?? '') ?? 0);
      remaining.set(sku ?? '', (remaining.get(sku ?? '') ?? 0) - quantity);
    }
    const values: Record<string, unknown> = { [client.fields.moveDoneQuantity]: quantity };
    if (client.fields.movePickedFlag) values.picked = quantity > 0;
    await client.write('stock.move', [move.id], values);
  }
  const header: Record<string, unknown> = {};
  if (input.trackingNumber) header.carrier_tracking_ref = input.trackingNumber;
  if (input.carrier) header.carrier_id = await ensureCarrier(ctx, input.carrier);
  if (Object.keys(header).length > 0) await client.write('stock.picking', [pickingId], header);
  const result = await client
    .call('stock.picking', 'button_validate', [[pickingId]], {
      context: { skip_sms: true, skip_immediate: true },
    })
    .catch((error: unknown) => {
      throw asBusinessRejection(error);
    });
  await completeWizard(ctx, result);
  return readDelivery(ctx, pickingId);
}

/**
 * A partial delivery makes Odoo answer with the backorder wizard's action instead of `true`;
 * the warehouse shipped what it shipped, so the rest becomes a backorder (`process`).
 */
async function completeWizard(ctx: OdooContext, result: unknown): Promise<void> {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return;
  const action = result as { res_model?: unknown; context?: unknown };
  if (action.res_model !== 'stock.backorder.confirmation') return;
  const context =
    typeof action.context === 'object' && action.context !== null
      ? (action.context as Record<string, unknown>)
      : {};
  const wizardId = await ctx.client.create('stock.backorder.confirmation', {}, context);
  await ctx.client.call('stock.backorder.confirmation', 'process', [[wizardId]], { context });
}
