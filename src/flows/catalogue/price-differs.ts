/**
 * Whether a store's price differs from the owner's: amounts compared as decimals (`19.9` = `19.90`),
 * schedule times as instants, a sale outside its schedule still counted as the same sale.
 *
 * @example
 * ```ts
 * priceDiffers({ regular: '19.9', sale: null, saleFrom: null, saleTo: null }, ownerRow); // false when the owner says 19.90
 * ```
 */
import { Decimal } from 'decimal.js';
import type { StoredPrice } from './store-price.js';

export interface ComparablePrice {
  regular: string;
  sale: string | null;
  saleFrom: string | null;
  saleTo: string | null;
}

const sameAmount = (a: string | null, b: string | null) =>
  a === null || a === '' || b === null || b === '' ? (a || null) === (b || null) : new Decimal(a).eq(b);
const sameTime = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : Date.parse(a) === Date.parse(b);

export function priceDiffers(store: ComparablePrice, owner: StoredPrice): boolean {
  return (
    !sameAmount(store.regular, owner.regular) ||
    !sameAmount(store.sale, owner.sale) ||
    !sameTime(store.saleFrom, owner.sale_from) ||
    !sameTime(store.saleTo, owner.sale_to)
  );
}
