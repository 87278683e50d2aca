/**
 * Small conversions every WooCommerce mapping needs: GMT timestamps, addresses without empty
 * fields, HTML entities in names, exact money from WooCommerce's decimal strings.
 *
 * @example
 * ```ts
 * gmt('2017-03-22T19:28:08'); // '2017-03-22T19:28:08Z'
 * decodeEntities('Ship Your Idea &ndash; Color: Black'); // 'Ship Your Idea – Color: Black'
 * ```
 */
import type { Address } from '../../../canonical/models/address.js';
import type { Meta } from '../../../canonical/models/common.js';
import type { Money } from '../../../canonical/money/money-schema.js';
import { money } from '../../../canonical/money/money.js';
import type { WooAddress } from '../wc-schema.js';

/** WooCommerce `*_gmt` fields carry no offset; they are UTC. Null/empty → undefined. */
export function gmt(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
}

/** `2026-11-27T00:00:00Z` → `2026-11-27T00:00:00`, the form WooCommerce's `*_gmt` writes take. */
export function toWooGmt(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

/** WooCommerce decimal strings (possibly unpadded, possibly "") as exact Money. */
export function wooMoney(currency: string, amount: string | undefined): Money {
  return money(currency, amount === undefined || amount === '' ? '0' : amount);
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  times: '×',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

/** WooCommerce stores item names HTML-escaped (`&ndash;`, `&#8211;`); people read them decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

/** Meta without WooCommerce's hidden `_`-prefixed keys. */
export function visibleMeta(meta: readonly { key: string; value: unknown }[] | undefined): Meta | undefined {
  const visible = (meta ?? [])
    .filter((m) => !m.key.startsWith('_'))
    .map((m) => ({ key: m.key, value: m.value }));
  return visible.length === 0 ? undefined : visible;
}

/** A canonical Address with WooCommerce's empty strings dropped; undefined when nothing is left. */
export function wooAddress(address: WooAddress | undefined): Address | undefined {
  if (address === undefined) return undefined;
  const country = (address.country ?? '').toUpperCase();
  const entries: [keyof Address, string | undefined][] = [
    ['firstName', address.first_name],
    ['lastName', address.last_name],
    ['company', address.company],
    ['line1', address.address_1],
    ['line2', address.address_2],
    ['city', address.city],
    ['region', address.state],
    ['postcode', address.postcode],
    ['country', /^[A-Z]{2}$/.test(country) ? country : undefined],
    ['email', address.email],
    ['phone', address.phone],
  ];
  const result: Address = {};
  for (const [key, value] of entries) if (value !== undefined && value.trim() !== '') result[key] = value;
  return Object.keys(result).length === 0 ? undefined : result;
}
