/**
 * What Odoo does when a confirmed order's line changes: a new `product_uom_qty` is carried to the
 * line's open delivery moves (less demand releases the surplus reservation and cancels a move
 * emptied to zero; more demand is reserved again), never below what was already delivered
 * (Odoo's UserError); and a confirmed line cannot be deleted, only set to quantity 0.
 *
 * @example
 * ```ts
 * afterWrite: (env, rows, vals) => carryQuantityToMoves(env, rows, vals),
 * beforeUnlink: refuseConfirmedLineUnlink,
 * ```
 */
import { userError } from '../orm/errors.js';
import type { Env, Row } from '../orm/types.js';
import { assignPickings, refreshPickingState, reservedOf, reservesQuants } from './picking.js';
import { unreserve } from './stock-quantities.js';

const CONFIRMED = ['sale', 'done'];

function isConfirmed(env: Env, line: Row): boolean {
  const order = env.store.row('sale.order', line.order_id as number);
  return order !== undefined && CONFIRMED.includes(String(order.state));
}

function openMoves(env: Env, line: Row): Row[] {
  return env.store
    .rows('stock.move')
    .filter((m) => m.sale_line_id === line.id && m.state !== 'done' && m.state !== 'cancel')
    .sort((a, b) => a.id - b.id);
}

function setDemand(env: Env, move: Row, demand: number): void {
  const reserved = reservedOf(move);
  if (reserved > demand && reservesQuants(env, move))
    unreserve(env, move.product_id as number, move.location_id as number, reserved - demand);
  const kept = Math.min(reserved, demand);
  const state =
    demand === 0 ? 'cancel' : kept >= demand ? 'assigned' : kept > 0 ? 'partially_available' : 'confirmed';
  env.store.setRaw(env, 'stock.move', move, {
    product_uom_qty: demand,
    reserved: kept,
    state,
    ...(env.version >= 17 ? { quantity: kept } : {}),
  });
}

function pickingOf(env: Env, move: Row): Row | undefined {
  return typeof move.picking_id === 'number' ? env.store.row('stock.picking', move.picking_id) : undefined;
}

export function carryQuantityToMoves(env: Env, lines: Row[], vals: Record<string, unknown>): void {
  if (!('product_uom_qty' in vals)) return;
  for (const line of lines) {
    if (line.display_type || !isConfirmed(env, line)) continue;
    const ordered = Number(line.product_uom_qty ?? 0);
    const delivered = Number(line.qty_delivered ?? 0);
    if (ordered < delivered)
      throw userError(
        'The ordered quantity of a sale order line cannot be decreased below the amount already delivered. Instead, create a return in your inventory.',
      );
    const moves = openMoves(env, line);
    const open = moves.reduce((sum, m) => sum + Number(m.product_uom_qty ?? 0), 0);
    let change = ordered - delivered - open;
    if (change === 0 || moves.length === 0) continue;
    if (change > 0) {
      const first = moves[0]!;
      env.store.setRaw(env, 'stock.move', first, {
        product_uom_qty: Number(first.product_uom_qty) + change,
      });
      const picking = pickingOf(env, first);
      if (picking) assignPickings(env, [picking]);
      continue;
    }
    for (const move of [...moves].reverse()) {
      if (change === 0) break;
      const demand = Number(move.product_uom_qty ?? 0);
      const take = Math.min(demand, -change);
      setDemand(env, move, demand - take);
      change += take;
      const picking = pickingOf(env, move);
      if (picking) refreshPickingState(env, picking);
    }
  }
}

export function refuseConfirmedLineUnlink(env: Env, lines: Row[]): void {
  if (lines.some((line) => !line.display_type && isConfirmed(env, line)))
    throw userError(
      "Once a sales order is confirmed, you can't remove one of its lines (we need to track if something gets invoiced or delivered). Set the quantity to 0 instead.",
    );
}
