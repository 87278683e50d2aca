/**
 * Master-data change events: products, prices and customers, from whichever system owns them.
 *
 * @example
 * ```ts
 * import { Value } from 'typebox/value';
 * Value.Check(catalogueEvents['price.changed'].schema, { source: 'odoo', price: { sku: 'A', priceList: 'eu',
 *   regular: { currency: 'EUR', amount: '9.90' }, includesTax: true } }); // true
 * ```
 */
import { Type } from 'typebox';
import { CustomerSchema } from '../models/customer.js';
import { PriceSchema } from '../models/price.js';
import { ProductSchema } from '../models/product.js';

const source = Type.String({
  minLength: 1,
  description: 'The system that changed it: `odoo`, `woocommerce:eu`.',
});

export const catalogueEvents = {
  'product.changed': {
    version: 1,
    description: 'Product master data changed in its owning system.',
    schema: Type.Object({ source, product: ProductSchema }),
  },
  'price.changed': {
    version: 1,
    description: 'The price of a SKU in a price list changed (including sale schedules).',
    schema: Type.Object({ source, price: PriceSchema }),
  },
  'customer.changed': {
    version: 1,
    description: 'A customer was created or changed.',
    schema: Type.Object({ source, customer: CustomerSchema }),
  },
} as const;
