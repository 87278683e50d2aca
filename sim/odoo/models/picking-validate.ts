/**
 * `button_validate` as Odoo answers it: 16 returns the "Immediate Transfer?" wizard when nothing
 * was marked done; 17+ refuse a transfer with no quantities at all; a partial transfer returns the
 * "Create Backorder?" wizard (`stock.backorder.confirmation`: `process` keeps a backorder for the
 * rest, `process_cancel_backorder` drops it) unless the context already decided (`skip_backorder`
 * with `picking_ids_not_to_backorder`). Validation moves the quants and the SO lines' delivered qty.
 */
import { userError } from '../orm/errors.js';
import type { Env, ModelDef, OdooVersion, Row } from '../orm/types.js';
import { bool, m2m } from './fields.js';
import { assignPickings, moveProduct, reservedOf, reservesQuants } from './picking.js';
import { isStorable } from './product.js';
import { takeQuantity, unreserve, updateQuantity } from './stock-quantities.js';

const openMoves = (env: Env, picking: Row): Row[] =>
  env.store
    .related(env, 'stock.picking', picking, 'move_ids')
    .filter((m) => m.state !== 'cancel' && m.state !== 'done');

/** The quantity a validation would process for a move: what the user marked done / picked. */
function processed(env: Env, move: Row): number {
  return Number((env.version === 16 ? move.quantity_done : move.quantity) ?? 0);
}

function wizardAction(name: string, model: string, pickings: Row[]) {
  return {
    name,
    type: 'ir.actions.act_window',
    view_mode: 'form',
    res_model: model,
    target: 'new',
    context: {
      button_validate_picking_ids: pickings.map((p) => p.id),
      default_show_transfers: false,
      default_pick_ids: pickings.map((p) => [4, p.id]),
    },
  };
}

/** Marks every open move as fully done up to its reservation (non-tracked goods: their demand). */
function setQuantitiesToReservation(env: Env, pickings: Row[]): void {
  for (const picking of pickings) {
    for (const move of openMoves(env, picking)) {
      const qty = reservesQuants(env, move) ? reservedOf(move) : Number(move.product_uom_qty);
      env.store.setRaw(
        env,
        'stock.move',
        move,
        env.version === 16 ? { quantity_done: qty } : { quantity: qty, picked: true },
      );
    }
  }
}

export function buttonValidate(env: Env, pickings: Row[]): unknown {
  for (const picking of pickings) {
    if (picking.state === 'done') throw userError('You cannot validate a transfer that is already done.');
    if (picking.state === 'cancel') throw userError('You cannot validate a cancelled transfer.');
  }
  const nothing = pickings.every((p) => openMoves(env, p).every((m) => processed(env, m) <= 0));
  if (nothing) {
    if (env.version === 16 && !env.context.skip_immediate)
      return wizardAction('Immediate Transfer?', 'stock.immediate.transfer', pickings);
    if (env.version === 16) setQuantitiesToReservation(env, pickings);
    if (pickings.every((p) => openMoves(env, p).every((m) => processed(env, m) <= 0))) {
      throw userError(
        'You cannot validate a transfer if no quantities are reserved nor done. To force the transfer, encode quantities.',
      );
    }
  }
  const partial = pickings.some((p) =>
    openMoves(env, p).some((m) => processed(env, m) < Number(m.product_uom_qty)),
  );
  if (partial && !env.context.skip_backorder && !env.context.cancel_backorder) {
    return wizardAction('Create Backorder?', 'stock.backorder.confirmation', pickings);
  }
  const noBackorder = new Set(
    Array.isArray(env.context.picking_ids_not_to_backorder)
      ? (env.context.picking_ids_not_to_backorder as number[])
      : [],
  );
  for (const picking of pickings)
    validate(env, picking, !env.context.cancel_backorder && !noBackorder.has(picking.id));
  return true;
}

function validate(env: Env, picking: Row, keepBackorder: boolean): void {
  const leftovers: { move: Row; quantity: number }[] = [];
  for (const move of openMoves(env, picking)) {
    const quantity = processed(env, move);
    const product = moveProduct(env, move);
    if (product && isStorable(env, product)) {
      const reserved = reservedOf(move);
      if (reserved > 0 && reservesQuants(env, move))
        unreserve(env, product.id, move.location_id as number, reserved);
      takeQuantity(env, product.id, move.location_id as number, quantity);
      updateQuantity(env, product.id, move.location_dest_id as number, quantity);
    }
    const demand = Number(move.product_uom_qty);
    if (quantity < demand) leftovers.push({ move, quantity: demand - quantity });
    const patch: Record<string, unknown> = {
      reserved: 0,
      product_uom_qty: quantity,
      date: env.store.stamp(),
    };
    patch.state = quantity > 0 ? 'done' : 'cancel';
    env.store.setRaw(env, 'stock.move', move, patch);
    if (typeof move.sale_line_id === 'number' && quantity > 0) {
      const line = env.store.row('sale.order.line', move.sale_line_id);
      if (line)
        env.store.setRaw(env, 'sale.order.line', line, {
          qty_delivered: Number(line.qty_delivered ?? 0) + quantity,
        });
    }
  }
  env.store.setRaw(env, 'stock.picking', picking, { state: 'done', date_done: env.store.stamp() });
  if (leftovers.length > 0 && keepBackorder) createBackorder(env, picking, leftovers);
}

function createBackorder(env: Env, picking: Row, leftovers: { move: Row; quantity: number }[]): void {
  const id = env.store.create(env, 'stock.picking', {
    picking_type_id: picking.picking_type_id as number,
    partner_id: picking.partner_id as number,
    origin: picking.origin as string,
    location_id: picking.location_id as number,
    location_dest_id: picking.location_dest_id as number,
    backorder_id: picking.id,
    ...(typeof picking.sale_id === 'number' ? { sale_id: picking.sale_id } : {}),
    ...(typeof picking.carrier_id === 'number' ? { carrier_id: picking.carrier_id } : {}),
    move_ids: leftovers.map(({ move, quantity }) => [
      0,
      0,
      {
        name: String(move.name),
        product_id: move.product_id as number,
        product_uom_qty: quantity,
        location_id: move.location_id as number,
        location_dest_id: move.location_dest_id as number,
        state: 'confirmed',
        ...(typeof move.sale_line_id === 'number' ? { sale_line_id: move.sale_line_id } : {}),
      },
    ]),
  });
  assignPickings(env, [env.store.row('stock.picking', id)!]);
}

const pickingsOf = (env: Env): Row[] => {
  const ids = env.context.button_validate_picking_ids;
  return env.store.browse(env, 'stock.picking', Array.isArray(ids) ? (ids as number[]) : []);
};

export function validationWizards(version: OdooVersion): ModelDef[] {
  const wizards: ModelDef[] = [
    {
      name: 'stock.backorder.confirmation',
      description: 'Backorder Confirmation',
      transient: true,
      fields: { pick_ids: m2m('stock.picking'), show_transfers: bool('Show Transfers') },
      methods: {
        process: {
          params: [],
          run: (env) =>
            buttonValidate({ ...env, context: { ...env.context, skip_backorder: true } }, pickingsOf(env)),
        },
        process_cancel_backorder: {
          params: [],
          run: (env) => {
            const pickings = pickingsOf(env);
            const context = {
              ...env.context,
              skip_backorder: true,
              picking_ids_not_to_backorder: pickings.map((p) => p.id),
            };
            return buttonValidate({ ...env, context }, pickings);
          },
        },
      },
    },
  ];
  if (version === 16) {
    wizards.push({
      name: 'stock.immediate.transfer',
      description: 'Immediate Transfer',
      transient: true,
      fields: { pick_ids: m2m('stock.picking'), show_transfers: bool('Show Transfers') },
      methods: {
        process: {
          params: [],
          run: (env) => {
            const pickings = pickingsOf(env);
            setQuantitiesToReservation(env, pickings);
            return buttonValidate({ ...env, context: { ...env.context, skip_immediate: true } }, pickings);
          },
        },
      },
    });
  }
  return wizards;
}
