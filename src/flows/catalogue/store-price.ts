/**
 * Which of the owner's prices a store sells at, and what it costs right now: the store's configured
 * pricelist if it has one, else the price list in the store's currency; the sale price applies
 * inside its schedule only.
 *
 * @example
 * ```ts
 * const price = priceForStore(rows, { currency: 'EUR' });
 * currentAmount(price!, new Date()); // '14.90' during the sale, '19.90' otherwise
 * ```
 */
import type { CataloguePricesTable } from './tables.js';

export type StoredPrice = Pick<
  CataloguePricesTable,
  'price_list' | 'currency' | 'regular' | 'sale' | 'sale_from' | 'sale_to' | 'updated_at'
>;

export function priceForStore<P extends StoredPrice>(
  rows: readonly P[],
  store: { currency: string; pricelist?: string | undefined },
): P | undefined {
  if (store.pricelist !== undefined) {
    const listed = rows.find((r) => r.price_list === store.pricelist);
    if (listed) return listed;
  }
  let best: P | undefined;
  for (const row of rows) {
    if (row.currency !== store.currency) continue;
    if (best === undefined || row.updated_at > best.updated_at) best = row;
  }
  return best;
}

/** `now` as a Date or its ISO string (callers checking many prices format it once). */
export function onSale(price: StoredPrice, now: Date | string): boolean {
  if (price.sale === null) return false;
  const t = typeof now === 'string' ? now : now.toISOString();
  return (price.sale_from === null || price.sale_from <= t) && (price.sale_to === null || t <= price.sale_to);
}

/** The amount a customer pays now, as the decimal string the price list holds. */
export function currentAmount(price: StoredPrice, now: Date | string): string {
  return onSale(price, now) && price.sale !== null ? price.sale : price.regular;
}
