/**
 * Stock arithmetic shared by products, quants, pickings: what is on hand, reserved and free in a
 * location subtree, and the quant updates reservation and validation make.
 */
import type { Env, Row } from '../orm/types.js';

const internalLocations = (env: Env): Set<number> =>
  new Set(
    env.store
      .rows('stock.location')
      .filter((l) => l.usage === 'internal')
      .map((l) => l.id),
  );

/** Locations a product read-out covers: the context's `location` / `warehouse`, else all internal ones. */
function scope(env: Env): Set<number> {
  const internal = internalLocations(env);
  const location = env.context.location;
  const warehouse = env.context.warehouse;
  let roots: number[] | undefined;
  if (typeof location === 'number') roots = [location];
  else if (typeof warehouse === 'number') {
    const wh = env.store.row('stock.warehouse', warehouse);
    if (wh && typeof wh.view_location_id === 'number') roots = [wh.view_location_id];
  }
  if (!roots) return internal;
  const family = env.store.descendants(env, 'stock.location', roots);
  return new Set([...family].filter((id) => internal.has(id)));
}

export function productQuantities(
  env: Env,
  productId: number,
): { qty_available: number; virtual_available: number; free_qty: number } {
  const locations = scope(env);
  let onHand = 0;
  let reserved = 0;
  for (const q of env.store.rows('stock.quant')) {
    if (q.product_id !== productId || !locations.has(q.location_id as number)) continue;
    onHand += Number(q.quantity ?? 0);
    reserved += Number(q.reserved_quantity ?? 0);
  }
  let outgoing = 0;
  let incoming = 0;
  for (const m of env.store.rows('stock.move')) {
    if (m.product_id !== productId || m.state === 'done' || m.state === 'cancel' || m.state === 'draft')
      continue;
    const from = locations.has(m.location_id as number);
    const to = locations.has(m.location_dest_id as number);
    if (from && !to) outgoing += Number(m.product_uom_qty ?? 0);
    if (to && !from) incoming += Number(m.product_uom_qty ?? 0);
  }
  return {
    qty_available: onHand,
    virtual_available: onHand + incoming - outgoing,
    free_qty: onHand - reserved,
  };
}

/** Quants of a product inside a location subtree, oldest first (Odoo's FIFO removal). */
export function quantsIn(env: Env, productId: number, locationId: number): Row[] {
  const family = env.store.descendants(env, 'stock.location', [locationId]);
  return env.store
    .rows('stock.quant')
    .filter((q) => q.product_id === productId && family.has(q.location_id as number))
    .sort((a, b) => String(a.in_date ?? '').localeCompare(String(b.in_date ?? '')) || a.id - b.id);
}

/** Reserves up to `wanted` units; returns how many were reserved. */
export function reserve(env: Env, productId: number, locationId: number, wanted: number): number {
  let left = wanted;
  for (const q of quantsIn(env, productId, locationId)) {
    if (left <= 0) break;
    const free = Number(q.quantity) - Number(q.reserved_quantity);
    if (free <= 0) continue;
    const take = Math.min(free, left);
    env.store.setRaw(env, 'stock.quant', q, { reserved_quantity: Number(q.reserved_quantity) + take });
    left -= take;
  }
  return wanted - left;
}

export function unreserve(env: Env, productId: number, locationId: number, amount: number): void {
  let left = amount;
  for (const q of quantsIn(env, productId, locationId)) {
    if (left <= 0) break;
    const take = Math.min(Number(q.reserved_quantity), left);
    if (take <= 0) continue;
    env.store.setRaw(env, 'stock.quant', q, { reserved_quantity: Number(q.reserved_quantity) - take });
    left -= take;
  }
}

/** Adds (or with a negative delta removes) stock at a location, creating the quant when needed. */
export function updateQuantity(env: Env, productId: number, locationId: number, delta: number): void {
  const existing = env.store
    .rows('stock.quant')
    .find((q) => q.product_id === productId && q.location_id === locationId);
  if (existing)
    env.store.setRaw(env, 'stock.quant', existing, { quantity: Number(existing.quantity) + delta });
  else
    env.store.create(env, 'stock.quant', { product_id: productId, location_id: locationId, quantity: delta });
}

/** Removes stock from a location subtree: first from the quants holding it, the rest from the first quant (may go negative). */
export function takeQuantity(env: Env, productId: number, locationId: number, amount: number): void {
  let left = amount;
  const quants = quantsIn(env, productId, locationId);
  for (const q of quants) {
    if (left <= 0) break;
    const take = Math.min(Math.max(Number(q.quantity), 0), left);
    if (take <= 0) continue;
    env.store.setRaw(env, 'stock.quant', q, { quantity: Number(q.quantity) - take });
    left -= take;
  }
  if (left > 0) updateQuantity(env, productId, (quants[0]?.location_id as number) ?? locationId, -left);
}
