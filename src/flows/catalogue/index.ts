/**
 * The catalogue flow: the owner's products and prices (config `ownership`, default the ERP) written
 * to every store by SKU, store-side edits of owned fields reverted and reported, and customers a
 * store creates made ERP customers.
 *
 * @example
 * ```ts
 * import { registerCatalogue } from './flows/catalogue/index.js';
 * registerCatalogue(runtime, { config, woo: (id) => connectors.woo(id), erp, log });
 * ```
 */
export { registerCatalogue } from './register-catalogue.js';
export { ownerOf, isOwner, type Owner, type CatalogueDomain } from './owners.js';
export { priceForStore, currentAmount, onSale, type StoredPrice } from './store-price.js';
export type { CatalogueTables } from './tables.js';
