/**
 * Transfers: `stock.picking` with its `stock.move`s, reservation on confirm and stock movement on
 * validation. Version differences: 16 records processed quantities in `quantity_done` and answers a
 * validation without any with the "Immediate Transfer?" wizard; 17+ use `quantity` + `picked`.
 */
import { userError } from '../orm/errors.js';
import type { Env, FieldDef, MethodDef, ModelDef, OdooVersion, Row } from '../orm/types.js';
import { active, bool, char, company, constant, datetime, float, m2o, o2m, sel } from './fields.js';
import { isStorable } from './product.js';
import { reserve, takeQuantity, unreserve, updateQuantity } from './stock-quantities.js';

const PICKING_STATES = [
  ['draft', 'Draft'],
  ['waiting', 'Waiting Another Operation'],
  ['confirmed', 'Waiting'],
  ['assigned', 'Ready'],
  ['done', 'Done'],
  ['cancel', 'Cancelled'],
] as const;

const MOVE_STATES = [
  ['draft', 'New'],
  ['waiting', 'Waiting Another Move'],
  ['confirmed', 'Waiting Availability'],
  ['partially_available', 'Partially Available'],
  ['assigned', 'Available'],
  ['done', 'Done'],
  ['cancel', 'Cancelled'],
] as const;

const reservedOf = (move: Row): number => Number(move.reserved ?? 0);

function moveProduct(env: Env, move: Row): Row | undefined {
  return env.store.row('product.product', move.product_id as number);
}

/** Reserves what is free for each open move and derives move and picking states. */
export function assignPickings(env: Env, pickings: Row[]): void {
  for (const picking of pickings) {
    const moves = env.store.get(env, 'stock.picking', picking, 'move_ids') as number[];
    for (const move of env.store.browse(env, 'stock.move', moves)) {
      if (move.state === 'done' || move.state === 'cancel') continue;
      const product = moveProduct(env, move);
      const demand = Number(move.product_uom_qty);
      let reserved = reservedOf(move);
      if (product && isStorable(env, product)) {
        if (reserved < demand)
          reserved += reserve(env, product.id, move.location_id as number, demand - reserved);
      } else reserved = demand;
      const state = reserved >= demand ? 'assigned' : reserved > 0 ? 'partially_available' : 'confirmed';
      const patch: Record<string, unknown> = { reserved, state };
      if (env.version >= 17) patch.quantity = reserved;
      env.store.setRaw(env, 'stock.move', move, patch);
    }
    refreshPickingState(env, picking);
  }
}

function refreshPickingState(env: Env, picking: Row): void {
  const moves = env.store.browse(
    env,
    'stock.move',
    env.store.get(env, 'stock.picking', picking, 'move_ids') as number[],
  );
  const open = moves.filter((m) => m.state !== 'cancel');
  let state: string;
  if (open.length === 0) state = moves.length > 0 ? 'cancel' : 'draft';
  else if (open.every((m) => m.state === 'done')) state = 'done';
  else if (open.every((m) => m.state === 'draft')) state = 'draft';
  else if (open.every((m) => m.state === 'assigned' || m.state === 'done')) state = 'assigned';
  else state = 'confirmed';
  if (picking.state !== state) env.store.setRaw(env, 'stock.picking', picking, { state });
}

function cancelPickings(env: Env, pickings: Row[]): void {
  for (const picking of pickings) {
    if (picking.state === 'done') continue;
    const moves = env.store.browse(
      env,
      'stock.move',
      env.store.get(env, 'stock.picking', picking, 'move_ids') as number[],
    );
    for (const move of moves) {
      if (move.state === 'done' || move.state === 'cancel') continue;
      const product = moveProduct(env, move);
      if (product && isStorable(env, product) && reservedOf(move) > 0) {
        unreserve(env, product.id, move.location_id as number, reservedOf(move));
      }
      env.store.setRaw(env, 'stock.move', move, {
        state: 'cancel',
        reserved: 0,
        ...(env.version >= 17 ? { quantity: 0 } : {}),
      });
    }
    refreshPickingState(env, picking);
  }
}

/** Quantity a validation processes for one move, per version's fields. */
function processedQuantity(env: Env, move: Row): number {
  const demand = Number(move.product_uom_qty);
  if (env.version === 16) {
    const done = Number(move.quantity_done ?? 0);
    return done > 0 ? done : env.context.skip_immediate ? demand : 0;
  }
  const quantity = Number(move.quantity ?? 0);
  return quantity > 0 ? quantity : demand;
}

function validatePicking(env: Env, picking: Row): void {
  if (picking.state === 'done') throw userError('You cannot validate a transfer that is already done.');
  if (picking.state === 'cancel') throw userError('You cannot validate a cancelled transfer.');
  const moves = env.store
    .browse(env, 'stock.move', env.store.get(env, 'stock.picking', picking, 'move_ids') as number[])
    .filter((m) => m.state !== 'cancel' && m.state !== 'done');
  const leftovers: { move: Row; quantity: number }[] = [];
  for (const move of moves) {
    const quantity = processedQuantity(env, move);
    const product = moveProduct(env, move);
    if (product && isStorable(env, product)) {
      const reserved = reservedOf(move);
      if (reserved > 0) unreserve(env, product.id, move.location_id as number, reserved);
      takeQuantity(env, product.id, move.location_id as number, quantity);
      updateQuantity(env, product.id, move.location_dest_id as number, quantity);
    }
    const demand = Number(move.product_uom_qty);
    if (quantity < demand) leftovers.push({ move, quantity: demand - quantity });
    const patch: Record<string, unknown> = {
      state: 'done',
      reserved: 0,
      product_uom_qty: quantity,
      date: env.store.stamp(),
    };
    if (env.version === 16) patch.quantity_done = quantity;
    else Object.assign(patch, { quantity, picked: true });
    env.store.setRaw(env, 'stock.move', move, patch);
    if (typeof move.sale_line_id === 'number') {
      const line = env.store.row('sale.order.line', move.sale_line_id);
      if (line)
        env.store.setRaw(env, 'sale.order.line', line, {
          qty_delivered: Number(line.qty_delivered ?? 0) + quantity,
        });
    }
  }
  env.store.setRaw(env, 'stock.picking', picking, { state: 'done', date_done: env.store.stamp() });
  // "Create Backorder" (the wizard's default) unless the caller asked for none.
  if (leftovers.length > 0 && !env.context.cancel_backorder && !env.context.skip_backorder) {
    const backorder = env.store.create(env, 'stock.picking', {
      picking_type_id: picking.picking_type_id as number,
      partner_id: picking.partner_id as number,
      origin: picking.origin as string,
      location_id: picking.location_id as number,
      location_dest_id: picking.location_dest_id as number,
      backorder_id: picking.id,
      ...(typeof picking.sale_id === 'number' ? { sale_id: picking.sale_id } : {}),
      move_ids: leftovers.map(({ move, quantity }) => [
        0,
        0,
        {
          name: String(move.name),
          product_id: move.product_id as number,
          product_uom_qty: quantity,
          location_id: move.location_id as number,
          location_dest_id: move.location_dest_id as number,
          ...(typeof move.sale_line_id === 'number' ? { sale_line_id: move.sale_line_id } : {}),
        },
      ]),
    });
    const row = env.store.row('stock.picking', backorder)!;
    for (const m of env.store.browse(
      env,
      'stock.move',
      env.store.get(env, 'stock.picking', row, 'move_ids') as number[],
    )) {
      env.store.setRaw(env, 'stock.move', m, { state: 'confirmed' }, false);
    }
    assignPickings(env, [row]);
  }
}

const action = (run: (env: Env, rows: Row[]) => unknown): MethodDef => ({
  params: [],
  run: (env, ids) => run(env, env.store.browse(env, 'stock.picking', ids)),
});

export function pickingModels(version: OdooVersion): ModelDef[] {
  const moveQuantities: Record<string, FieldDef> =
    version === 16
      ? {
          quantity_done: float('Quantity Done'),
          reserved_availability: float('Quantity Reserved', { compute: (_e, r) => reservedOf(r) }),
        }
      : { quantity: float('Quantity'), picked: bool('Picked') };
  return [
    {
      name: 'delivery.carrier',
      description: 'Shipping Methods',
      fields: {
        name: char('Delivery Method', { required: true }),
        delivery_type: sel(
          [
            ['fixed', 'Fixed Price'],
            ['base_on_rule', 'Based on Rules'],
          ],
          { default: constant('fixed') },
        ),
        product_id: m2o('product.product'),
        fixed_price: float('Fixed Price'),
        active: active(),
        company_id: m2o('res.company'),
      },
    },
    {
      name: 'stock.picking',
      description: 'Transfer',
      order: 'priority desc, scheduled_date asc, id desc',
      fields: {
        name: char('Reference', { default: constant('/') }),
        origin: char('Source Document'),
        partner_id: m2o('res.partner', { string: 'Contact' }),
        picking_type_id: m2o('stock.picking.type', { required: true }),
        picking_type_code: sel(
          [
            ['incoming', 'Receipt'],
            ['outgoing', 'Delivery'],
            ['internal', 'Internal Transfer'],
          ],
          {
            compute: (env, row) =>
              env.store.row('stock.picking.type', row.picking_type_id as number)?.code ?? false,
          },
        ),
        location_id: m2o('stock.location', { required: true }),
        location_dest_id: m2o('stock.location', { required: true }),
        state: sel(PICKING_STATES, { default: constant('draft') }),
        priority: sel(
          [
            ['0', 'Normal'],
            ['1', 'Urgent'],
          ],
          { default: constant('0') },
        ),
        scheduled_date: datetime('Scheduled Date', { default: (env) => env.store.stamp() }),
        date_done: datetime('Date of Transfer'),
        move_ids: o2m('stock.move', 'picking_id', { string: 'Stock Moves' }),
        ...(version <= 18 ? { move_ids_without_package: o2m('stock.move', 'picking_id') } : {}),
        sale_id: m2o('sale.order', { string: 'Sales Order' }),
        carrier_id: m2o('delivery.carrier', { string: 'Carrier' }),
        carrier_tracking_ref: char('Tracking Reference'),
        backorder_id: m2o('stock.picking', { string: 'Back Order of' }),
        company_id: company(),
        user_id: m2o('res.users', { default: (env) => env.uid }),
      },
      afterCreate: (env, row) => {
        if (row.name !== false && row.name !== '/') return;
        const type = env.store.row('stock.picking.type', row.picking_type_id as number);
        const wh =
          type && typeof type.warehouse_id === 'number'
            ? env.store.row('stock.warehouse', type.warehouse_id)
            : undefined;
        const prefix = `${String(wh?.code ?? 'WH')}/${String(type?.sequence_code ?? 'OUT')}/`;
        const n = env.store.nextSequence(prefix);
        env.store.setRaw(
          env,
          'stock.picking',
          row,
          { name: `${prefix}${String(n).padStart(5, '0')}` },
          false,
        );
      },
      methods: {
        action_confirm: action((env, rows) => {
          for (const p of rows) {
            for (const m of env.store.browse(
              env,
              'stock.move',
              env.store.get(env, 'stock.picking', p, 'move_ids') as number[],
            )) {
              if (m.state === 'draft') env.store.setRaw(env, 'stock.move', m, { state: 'confirmed' });
            }
          }
          assignPickings(env, rows);
          return true;
        }),
        action_assign: action((env, rows) => {
          assignPickings(env, rows);
          return true;
        }),
        action_cancel: action((env, rows) => {
          cancelPickings(env, rows);
          return true;
        }),
        button_validate: action((env, rows) => {
          if (env.version === 16 && !env.context.skip_immediate) {
            const nothingDone = rows.every((p) =>
              env.store
                .browse(env, 'stock.move', env.store.get(env, 'stock.picking', p, 'move_ids') as number[])
                .every((m) => !Number(m.quantity_done)),
            );
            if (nothingDone) {
              return {
                name: 'Immediate Transfer?',
                type: 'ir.actions.act_window',
                view_mode: 'form',
                res_model: 'stock.immediate.transfer',
                target: 'new',
                context: {
                  button_validate_picking_ids: rows.map((r) => r.id),
                  default_show_transfers: false,
                  default_pick_ids: rows.map((r) => [4, r.id]),
                },
              };
            }
          }
          for (const p of rows) validatePicking(env, p);
          return true;
        }),
      },
    },
    {
      name: 'stock.move',
      description: 'Stock Move',
      order: 'sequence, id',
      fields: {
        name: char('Description', { required: true }),
        sequence: float('Sequence', { default: constant(10) }),
        reference: char('Reference', {
          compute: (env, row) =>
            typeof row.picking_id === 'number'
              ? env.store.displayName(env, 'stock.picking', row.picking_id)
              : String(row.name),
        }),
        origin: char('Source Document'),
        product_id: m2o('product.product', { required: true }),
        product_uom_qty: float('Demand', { default: constant(1) }),
        product_uom: m2o('uom.uom', { default: constant(1) }),
        ...moveQuantities,
        location_id: m2o('stock.location', { required: true }),
        location_dest_id: m2o('stock.location', { required: true }),
        picking_id: m2o('stock.picking', { ondelete: 'cascade' }),
        sale_line_id: m2o('sale.order.line'),
        state: sel(MOVE_STATES, { default: constant('draft') }),
        date: datetime('Date Scheduled', { default: (env) => env.store.stamp() }),
        company_id: company(),
      },
    },
  ];
}
