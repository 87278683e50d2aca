/**
 * Transfers: `stock.picking` with its `stock.move`s, reservation on confirm and cancellation.
 * Validation and its wizards live in `picking-validate.ts`. 16 records processed quantities in
 * `quantity_done`; 17+ use `quantity` (pre-filled with the reservation) + `picked`.
 */
import type { Env, FieldDef, MethodDef, ModelDef, OdooVersion, Row } from '../orm/types.js';
import { active, bool, char, company, constant, datetime, float, m2o, o2m, sel } from './fields.js';
import { isStorable } from './product.js';
import { buttonValidate } from './picking-validate.js';
import { reserve, unreserve } from './stock-quantities.js';

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

export const reservedOf = (move: Row): number => Number(move.reserved ?? 0);

export function moveProduct(env: Env, move: Row): Row | undefined {
  return env.store.row('product.product', move.product_id as number);
}

/**
 * Whether a move reserves stock in quants: only tracked products leaving an internal location do;
 * goods coming from partners or virtual locations are always available (Odoo's
 * `_should_bypass_reservation`).
 */
export function reservesQuants(env: Env, move: Row): boolean {
  const product = moveProduct(env, move);
  const source = env.store.row('stock.location', move.location_id as number);
  return (
    product !== undefined &&
    isStorable(env, product) &&
    (source?.usage === 'internal' || source?.usage === 'transit')
  );
}

/** Reserves what is free for each open move and derives move and picking states. */
export function assignPickings(env: Env, pickings: Row[]): void {
  for (const picking of pickings) {
    const moves = env.store.get(env, 'stock.picking', picking, 'move_ids') as number[];
    for (const move of env.store.browse(env, 'stock.move', moves)) {
      if (move.state === 'done' || move.state === 'cancel') continue;
      const demand = Number(move.product_uom_qty);
      let reserved = reservedOf(move);
      if (reservesQuants(env, move)) {
        if (reserved < demand)
          reserved += reserve(env, move.product_id as number, move.location_id as number, demand - reserved);
      } else reserved = demand;
      const state = reserved >= demand ? 'assigned' : reserved > 0 ? 'partially_available' : 'confirmed';
      const patch: Record<string, unknown> = { reserved, state };
      if (env.version >= 17) patch.quantity = reserved;
      env.store.setRaw(env, 'stock.move', move, patch);
    }
    refreshPickingState(env, picking);
  }
}

export function refreshPickingState(env: Env, picking: Row): void {
  const moves = env.store.related(env, 'stock.picking', picking, 'move_ids');
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
    const moves = env.store.related(env, 'stock.picking', picking, 'move_ids');
    for (const move of moves) {
      if (move.state === 'done' || move.state === 'cancel') continue;
      if (reservesQuants(env, move) && reservedOf(move) > 0) {
        unreserve(env, move.product_id as number, move.location_id as number, reservedOf(move));
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
            for (const m of env.store.related(env, 'stock.picking', p, 'move_ids')) {
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
        button_validate: action(buttonValidate),
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
