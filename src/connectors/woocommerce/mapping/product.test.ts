import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { PriceSchema } from '../../../canonical/models/price.js';
import { ProductSchema } from '../../../canonical/models/product.js';
import { fixture } from '../../../../test/connectors/woocommerce/fixtures/index.js';
import { WooProductSchema, WooVariationSchema, type WooProduct, type WooVariation } from '../wc-schema.js';
import { wooProductToCanonical } from './product.js';

const checkProduct = Compile(ProductSchema);
const checkPrice = Compile(PriceSchema);

describe('WooCommerce product → canonical', () => {
  it('a simple product without SKU is reported, not invented', () => {
    const simple = fixture<WooProduct>('product-simple-794.docs.json');
    expect(Compile(WooProductSchema).Check(simple)).toBe(true);
    const result = wooProductToCanonical(simple, [], { storeId: 'eu', currency: 'USD' });
    expect(result.product).toBeUndefined();
    expect(result.issues).toEqual(['product 794 has no SKU']);
  });

  it('a simple product with SKU: regular price, sale schedule in UTC, stock fields', () => {
    const simple = {
      ...fixture<WooProduct>('product-simple-794.docs.json'),
      sku: 'PREMIUM-Q',
      sale_price: '17.99',
      date_on_sale_from_gmt: '2026-11-27T00:00:00',
      date_on_sale_to_gmt: '2026-11-30T23:59:59',
      manage_stock: true,
      stock_quantity: 12,
    };
    const result = wooProductToCanonical(simple, [], {
      storeId: 'eu',
      currency: 'USD',
      pricesIncludeTax: false,
    });
    expect(checkProduct.Errors(result.product)).toEqual([]);
    expect(result.product).toMatchObject({
      sku: 'PREMIUM-Q',
      kind: 'simple',
      status: 'active',
      categories: ['Clothing', 'T-shirts'],
      refs: [{ system: 'woocommerce:eu', id: '794' }],
    });
    expect(result.prices).toEqual([
      {
        sku: 'PREMIUM-Q',
        priceList: 'woocommerce:eu',
        regular: { currency: 'USD', amount: '21.99' },
        sale: { currency: 'USD', amount: '17.99' },
        saleFrom: '2026-11-27T00:00:00Z',
        saleTo: '2026-11-30T23:59:59Z',
        includesTax: false,
        modifiedAt: '2017-03-23T20:01:14Z',
      },
    ]);
    expect(checkPrice.Errors(result.prices[0])).toEqual([]);
    expect(result.stock).toEqual([
      {
        storeId: 'eu',
        sku: 'PREMIUM-Q',
        wooId: 794,
        manageStock: true,
        quantity: 12,
        status: 'instock',
        backorders: 'no',
      },
    ]);
  });

  it('a variable product: the parent has no price, each variation its SKU, attributes, price and stock', () => {
    const parent = { ...fixture<WooProduct>('product-variable-799.docs.json'), sku: 'SHIP-IDEA' };
    const variation = {
      ...fixture<WooVariation>('product-variation-732.docs.json'),
      sku: 'SHIP-IDEA-BLACK',
      manage_stock: 'parent' as const,
    };
    expect(Compile(WooVariationSchema).Check(variation)).toBe(true);
    const noSku = fixture<WooVariation>('product-variation-732.docs.json');
    const result = wooProductToCanonical(parent, [variation, { ...noSku, id: 733 }], {
      storeId: 'us',
      currency: 'USD',
    });
    expect(checkProduct.Errors(result.product)).toEqual([]);
    expect(result.product?.kind).toBe('variable');
    expect(result.product?.attributes).toEqual([
      { name: 'Color', values: ['Black', 'Green'] },
      { name: 'Size', values: ['S', 'M'] },
    ]);
    expect(result.product?.variants).toEqual([
      {
        sku: 'SHIP-IDEA-BLACK',
        attributes: [{ name: 'Color', value: 'Black' }],
        status: 'active',
        refs: [{ system: 'woocommerce:us', id: '732' }],
      },
    ]);
    expect(result.prices.map((p) => [p.sku, p.regular.amount])).toEqual([['SHIP-IDEA-BLACK', '9.00']]);
    expect(result.stock).toEqual([
      {
        storeId: 'us',
        sku: 'SHIP-IDEA-BLACK',
        wooId: 732,
        parentId: 799,
        manageStock: 'parent',
        quantity: null,
        status: 'instock',
        backorders: 'no',
      },
    ]);
    expect(result.issues).toEqual(['variation 733 of product 799 has no SKU']);
  });
});
