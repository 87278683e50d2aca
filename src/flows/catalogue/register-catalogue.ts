/**
 * Subscribes the catalogue flow: `catalogue-prices` (price.changed), `catalogue-products`
 * (product.changed), with owners from config `ownership` (default: the ERP owns both), and
 * `catalogue-customers` (customer.changed → ERP customer, deduplicated by e-mail).
 *
 * @example
 * ```ts
 * registerCatalogue(runtime, { config, woo: (id) => connectors.woo(id), erp, log });
 * ```
 */
import type { Logger } from 'pino';
import type { HubConfig } from '../../config/schema.js';
import type { ErpPort } from '../../connectors/erp.js';
import type { Runtime } from '../../runtime/index.js';
import { onCustomerChanged } from './on-customer-changed.js';
import { onPriceChanged } from './on-price-changed.js';
import { onProductChanged } from './on-product-changed.js';
import { ownerOf } from './owners.js';
import type { WooCataloguePort } from './push-price.js';

export function registerCatalogue(
  runtime: Pick<Runtime, 'subscribe'>,
  deps: {
    config: Pick<HubConfig, 'stores' | 'ownership'>;
    woo: (storeId: string) => WooCataloguePort;
    log: Logger;
    /** When given, customers created in a store become ERP customers (deduplicated by e-mail). */
    erp?: Pick<ErpPort, 'system' | 'findOrCreateCustomer'>;
  },
): void {
  const log = deps.log.child({ flow: 'catalogue' });
  runtime.subscribe(
    'catalogue-prices',
    ['price.changed'],
    onPriceChanged({ stores: deps.config.stores, owner: ownerOf(deps.config, 'price'), woo: deps.woo, log }),
  );
  if (deps.erp)
    runtime.subscribe('catalogue-customers', ['customer.changed'], onCustomerChanged({ erp: deps.erp }));
  runtime.subscribe(
    'catalogue-products',
    ['product.changed'],
    onProductChanged({
      stores: deps.config.stores,
      owner: ownerOf(deps.config, 'product'),
      woo: deps.woo,
      log,
    }),
  );
}
