/**
 * Loads real WooCommerce payloads (as the REST API returns them) as the store's data: every
 * `*.json` file in a directory holding an order, product, variation, refund or customer, or an
 * array of them. Parents and refunds are tied up through `_links.up`; id sequences move past every
 * imported id.
 *
 * @example
 * ```ts
 * const counts = loadFixtures(ctx, '/work/shared/fixtures/woocommerce'); // { orders: 3, products: 2, ... }
 * ```
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreContext } from './context.js';
import { newProduct } from './products.js';
import type { WcCustomer, WcOrder, WcProduct, WcRefund, WcVariation } from './types.js';

type Obj = Record<string, unknown>;

export interface FixtureCounts {
  files: number;
  orders: number;
  products: number;
  variations: number;
  refunds: number;
  customers: number;
  skipped: string[];
}

function upId(item: Obj, pattern: RegExp): number | null {
  const links = item._links as { up?: { href?: string }[]; self?: { href?: string }[] } | undefined;
  const href = links?.up?.[0]?.href ?? '';
  const match = pattern.exec(href);
  return match ? Number(match[1]) : null;
}

function strip(item: Obj): Obj {
  const { _links: _ignored, ...rest } = item;
  return rest;
}

export function loadFixtures(ctx: StoreContext, dir: string): FixtureCounts {
  const counts: FixtureCounts = {
    files: 0,
    orders: 0,
    products: 0,
    variations: 0,
    refunds: 0,
    customers: 0,
    skipped: [],
  };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      counts.skipped.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    counts.files += 1;
    const items = Array.isArray(parsed) ? parsed : [parsed];
    for (const raw of items) {
      if (raw === null || typeof raw !== 'object' || typeof (raw as Obj).id !== 'number') {
        counts.skipped.push(`${file}: not a WooCommerce resource`);
        continue;
      }
      const kind = importOne(ctx, raw as Obj);
      if (kind) counts[kind] += 1;
      else counts.skipped.push(`${file}: unrecognised resource ${(raw as Obj).id}`);
    }
  }
  return counts;
}

function importOne(
  ctx: StoreContext,
  item: Obj,
): 'orders' | 'products' | 'variations' | 'refunds' | 'customers' | null {
  const { state } = ctx;
  const id = item.id as number;
  if (Array.isArray(item.line_items) && 'order_key' in item) {
    const order = strip(item) as unknown as WcOrder;
    state.orders.set(id, order);
    state.bump('post', id);
    for (const group of ['line_items', 'tax_lines', 'shipping_lines', 'fee_lines', 'coupon_lines'] as const) {
      for (const line of order[group] ?? []) state.bump('item', line.id);
    }
    // Paid or processing orders already had their stock reduced in the real store.
    if (['processing', 'completed', 'on-hold'].includes(order.status))
      for (const line of order.line_items) state.reducedStock.set(line.id, line.quantity);
    return 'orders';
  }
  if ('amount' in item && 'refunded_by' in item) {
    const orderId = upId(item, /\/orders\/(\d+)$/);
    if (orderId === null) return null;
    const refund = {
      shipping_lines: [],
      tax_lines: [],
      fee_lines: [],
      ...strip(item),
    } as unknown as WcRefund;
    state.refunds.set(id, refund);
    state.refundOrder.set(id, orderId);
    state.bump('post', id);
    for (const line of refund.line_items ?? []) state.bump('item', line.id);
    return 'refunds';
  }
  const parentId = upId(item, /\/products\/(\d+)$/);
  if (parentId !== null && !('type' in item && item.type !== 'variation')) {
    const variation = strip(item) as unknown as WcVariation;
    state.variations.set(id, variation);
    state.variationParent.set(id, parentId);
    state.bump('post', id);
    if (!state.products.has(parentId)) {
      // The parent was not captured: a placeholder variable product keeps the routes consistent.
      const parent: WcProduct = {
        ...newProduct(ctx, parentId),
        type: 'variable',
        name: `Product ${parentId}`,
        purchasable: false,
      };
      state.products.set(parentId, parent);
      state.bump('post', parentId);
    }
    return 'variations';
  }
  if (typeof item.type === 'string' && 'slug' in item) {
    const product = strip(item) as unknown as WcProduct;
    state.products.set(id, product);
    state.bump('post', id);
    return 'products';
  }
  if (typeof item.email === 'string' && 'role' in item) {
    state.customers.set(id, strip(item) as unknown as WcCustomer);
    state.bump('user', id);
    return 'customers';
  }
  return null;
}
