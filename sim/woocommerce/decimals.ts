/**
 * `?dp=N` on the orders endpoints: money fields formatted with N decimals instead of the store's
 * (`wc_format_decimal($value, $dp)`); per-rate taxes and line `price` are not padded anyway.
 */
import { D, fmt } from './money.js';

const ORDER_FIELDS = [
  'discount_total',
  'discount_tax',
  'shipping_total',
  'shipping_tax',
  'cart_tax',
  'total',
  'total_tax',
];
const ITEM_FIELDS = [
  'subtotal',
  'subtotal_tax',
  'total',
  'total_tax',
  'tax_total',
  'shipping_tax_total',
  'discount',
  'discount_tax',
];
const GROUPS = ['line_items', 'tax_lines', 'shipping_lines', 'fee_lines', 'coupon_lines'];

function reformat(target: Record<string, unknown>, fields: string[], dp: number): void {
  for (const field of fields) {
    const value = target[field];
    if (typeof value === 'string' && value !== '') target[field] = fmt(D(value), dp);
  }
}

export function withDecimals(order: Record<string, unknown>, dp: number | null): Record<string, unknown> {
  if (dp === null) return order;
  const copy: Record<string, unknown> = { ...order };
  reformat(copy, ORDER_FIELDS, dp);
  for (const group of GROUPS) {
    const items = copy[group];
    if (!Array.isArray(items)) continue;
    copy[group] = items.map((item: Record<string, unknown>) => {
      const line = { ...item };
      reformat(line, ITEM_FIELDS, dp);
      return line;
    });
  }
  return copy;
}

/** The `dp` parameter, or null when absent or not a small non-negative integer. */
export function decimalsParam(input: Record<string, unknown>): number | null {
  const dp = Number(input.dp);
  return input.dp !== undefined && Number.isInteger(dp) && dp >= 0 && dp <= 8 ? dp : null;
}
