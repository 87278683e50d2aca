/**
 * Who owns product and price data (config `ownership`, default `erp`), and whether an event's
 * source is that owner: `woocommerce:<store>` sources are stores, anything else (`odoo`) the ERP.
 *
 * @example
 * ```ts
 * isOwner(ownerOf(config, 'price'), 'odoo');           // true with the default ownership
 * isOwner(ownerOf(config, 'price'), 'woocommerce:eu'); // false: a store-side edit
 * ```
 */
import type { HubConfig } from '../../config/schema.js';

export type Owner = 'erp' | 'woocommerce' | 'hub';
export type CatalogueDomain = 'product' | 'price';

export function ownerOf(config: Pick<HubConfig, 'ownership'>, domain: CatalogueDomain): Owner {
  return config.ownership?.[domain] ?? 'erp';
}

export function isOwner(owner: Owner, source: string): boolean {
  const fromStore = source.startsWith('woocommerce:');
  return owner === 'woocommerce'
    ? fromStore
    : owner === 'erp'
      ? !fromStore && source !== 'hub'
      : source === 'hub';
}
