/**
 * Stock effects of orders, as `wc-stock-functions.php` applies them: reduce once per line (guarded
 * like `_reduced_stock`), restore only what was reduced, notes for each change, and a
 * `product.updated` event for every product or variation whose stock moved.
 */
import type { StoreContext } from './context.js';
import { addSystemNote } from './notes.js';
import { deriveSellable, touch } from './products.js';
import type { WcLineItem, WcOrder, WcSellable } from './types.js';

/** The product or variation that holds stock for a line (a variation managed by its parent defers to it). */
export function stockHolder(
  ctx: StoreContext,
  line: Pick<WcLineItem, 'product_id' | 'variation_id'>,
): WcSellable | undefined {
  const variation = line.variation_id ? ctx.state.variations.get(line.variation_id) : undefined;
  if (variation && variation.manage_stock === true) return variation;
  return ctx.state.products.get(line.product_id) ?? variation;
}

const label = (item: WcSellable, name: string): string => (item.sku ? `${name} (${item.sku})` : name);

/** Sets, increases or decreases stock like `wc_update_product_stock`; fires product.updated. */
export function changeStock(
  ctx: StoreContext,
  item: WcSellable,
  operation: 'set' | 'increase' | 'decrease',
  quantity: number,
): { from: number; to: number } {
  const from = item.stock_quantity ?? 0;
  const to = operation === 'set' ? quantity : operation === 'increase' ? from + quantity : from - quantity;
  item.stock_quantity = to;
  deriveSellable(ctx, item);
  touch(ctx, item);
  ctx.emit('product', 'updated', item.id);
  return { from, to };
}

export function reduceOrderStock(ctx: StoreContext, order: WcOrder): void {
  const changes: string[] = [];
  for (const line of order.line_items) {
    if (ctx.state.reducedStock.has(line.id)) continue;
    const item = stockHolder(ctx, line);
    if (!item || item.manage_stock !== true) continue;
    const { from, to } = changeStock(ctx, item, 'decrease', line.quantity);
    ctx.state.reducedStock.set(line.id, line.quantity);
    changes.push(`${label(item, line.name)} ${from}&rarr;${to}`);
  }
  if (changes.length > 0) addSystemNote(ctx, order.id, `Stock levels reduced: ${changes.join(', ')}`);
}

export function restoreOrderStock(ctx: StoreContext, order: WcOrder): void {
  const changes: string[] = [];
  for (const line of order.line_items) {
    const reduced = ctx.state.reducedStock.get(line.id);
    if (reduced === undefined) continue;
    ctx.state.reducedStock.delete(line.id);
    const item = stockHolder(ctx, line);
    if (!item || item.manage_stock !== true) continue;
    const { from, to } = changeStock(ctx, item, 'increase', reduced);
    changes.push(`${label(item, line.name)} ${from}&rarr;${to}`);
  }
  if (changes.length > 0) addSystemNote(ctx, order.id, `Stock levels increased: ${changes.join(', ')}`);
}

/**
 * `wc_maybe_adjust_line_item_product_stock`: editing the items of an order whose stock was
 * already reduced moves stock by the difference; a removed line gives its stock back.
 */
export function adjustEditedLines(
  ctx: StoreContext,
  order: WcOrder,
  previous: Pick<WcLineItem, 'id' | 'product_id' | 'variation_id' | 'name'>[],
): void {
  const changes: string[] = [];
  const current = new Set(order.line_items.map((l) => l.id));
  for (const line of previous) {
    const reduced = ctx.state.reducedStock.get(line.id);
    if (current.has(line.id) || reduced === undefined) continue;
    ctx.state.reducedStock.delete(line.id);
    const item = stockHolder(ctx, line);
    if (!item || item.manage_stock !== true) continue;
    const { from, to } = changeStock(ctx, item, 'increase', reduced);
    changes.push(`${label(item, line.name)} ${from}&rarr;${to}`);
  }
  for (const line of order.line_items) {
    const reduced = ctx.state.reducedStock.get(line.id) ?? 0;
    const diff = line.quantity - reduced;
    const item = stockHolder(ctx, line);
    if (diff === 0 || !item || item.manage_stock !== true) continue;
    const { from, to } = changeStock(ctx, item, diff > 0 ? 'decrease' : 'increase', Math.abs(diff));
    ctx.state.reducedStock.set(line.id, line.quantity);
    changes.push(`${label(item, line.name)} ${from}&rarr;${to}`);
  }
  if (changes.length > 0) addSystemNote(ctx, order.id, `Adjusted stock: ${changes.join(', ')}`);
}
