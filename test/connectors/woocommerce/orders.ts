/**
 * Hand-built WooCommerce order payloads for cases no public sample covers (coupons, fees,
 * tax-inclusive pricing, a zero-decimal currency), shaped per the v3 order schema and derived from
 * the real order-727 sample so every other field stays realistic.
 *
 * @example
 * ```ts
 * const order = couponAndFeeOrder(); // EUR, coupon SAVE10, a fee and a discount fee
 * ```
 */
import { fixture } from './fixtures/index.js';

type Json = Record<string, unknown>;

function base(): Json {
  return fixture('order-727-retrieve.docs.json');
}

export function couponAndFeeOrder(): Json {
  return {
    ...base(),
    id: 801,
    number: '801',
    currency: 'EUR',
    status: 'processing',
    discount_total: '2.00',
    discount_tax: '0.40',
    shipping_total: '4.90',
    shipping_tax: '0.98',
    cart_tax: '4.00',
    total_tax: '4.98',
    total: '29.88',
    transaction_id: 'pi_3Nq',
    payment_method: 'stripe',
    line_items: [
      {
        id: 901,
        name: 'Hoodie',
        product_id: 50,
        variation_id: 51,
        quantity: 2,
        tax_class: '',
        subtotal: '20.00',
        subtotal_tax: '4.00',
        total: '18.00',
        total_tax: '3.60',
        taxes: [{ id: 1, total: '3.6', subtotal: '4' }],
        meta_data: [
          { id: 1, key: 'pa_size', value: 'l', display_key: 'Size', display_value: 'L' },
          { id: 2, key: '_reduced_stock', value: '2' },
        ],
        sku: 'HOODIE-L',
        price: 9,
        parent_name: 'Hoodie',
      },
    ],
    tax_lines: [
      {
        id: 905,
        rate_code: 'DE-VAT-1',
        rate_id: 1,
        label: 'VAT',
        compound: false,
        tax_total: '4.00',
        shipping_tax_total: '0.98',
        rate_percent: 20,
        meta_data: [],
      },
    ],
    shipping_lines: [
      {
        id: 902,
        method_title: 'DHL',
        method_id: 'flat_rate',
        instance_id: '3',
        total: '4.90',
        total_tax: '0.98',
        taxes: [{ id: 1, total: '0.98' }],
        meta_data: [],
      },
    ],
    fee_lines: [
      {
        id: 903,
        name: 'Gift wrap',
        tax_class: '',
        tax_status: 'taxable',
        total: '5.00',
        total_tax: '1.00',
        taxes: [{ id: 1, total: '1', subtotal: '' }],
        meta_data: [],
      },
      {
        id: 904,
        name: 'Loyalty discount',
        tax_class: '',
        tax_status: 'taxable',
        total: '-3.00',
        total_tax: '-0.60',
        taxes: [{ id: 1, total: '-0.6', subtotal: '' }],
        meta_data: [],
      },
    ],
    coupon_lines: [
      {
        id: 906,
        code: 'save10',
        discount: '2.00',
        discount_tax: '0.40',
        discount_type: 'percent',
        nominal_amount: 10,
        free_shipping: false,
        meta_data: [],
      },
    ],
  };
}

export function taxInclusiveOrder(): Json {
  return {
    ...base(),
    id: 802,
    number: 'EU-802',
    currency: 'EUR',
    prices_include_tax: true,
    discount_total: '0.00',
    discount_tax: '0.00',
    shipping_total: '0.00',
    shipping_tax: '0.00',
    cart_tax: '2.00',
    total_tax: '2.00',
    total: '12.00',
    line_items: [
      {
        id: 910,
        name: 'Mug',
        product_id: 60,
        variation_id: 0,
        quantity: 1,
        tax_class: '',
        subtotal: '10.00',
        subtotal_tax: '2.00',
        total: '10.00',
        total_tax: '2.00',
        taxes: [{ id: 2, total: '2', subtotal: '2' }],
        meta_data: [],
        sku: 'MUG',
        price: 10,
        parent_name: null,
      },
    ],
    tax_lines: [
      {
        id: 911,
        rate_code: 'FR-TVA-1',
        rate_id: 2,
        label: 'TVA',
        compound: false,
        tax_total: '2.00',
        shipping_tax_total: '0.00',
        rate_percent: 20,
        meta_data: [],
      },
    ],
    shipping_lines: [],
  };
}

export function yenOrder(): Json {
  return {
    ...base(),
    id: 803,
    number: '803',
    currency: 'JPY',
    discount_total: '0',
    discount_tax: '0',
    shipping_total: '0',
    shipping_tax: '0',
    cart_tax: '100',
    total_tax: '100',
    total: '1100',
    line_items: [
      {
        id: 920,
        name: 'Tea',
        product_id: 70,
        variation_id: 0,
        quantity: 3,
        tax_class: '',
        subtotal: '1000',
        subtotal_tax: '100',
        total: '1000',
        total_tax: '100',
        taxes: [{ id: 3, total: '100', subtotal: '100' }],
        meta_data: [],
        sku: 'TEA',
        price: 333.3333333333333,
        parent_name: null,
      },
    ],
    tax_lines: [
      {
        id: 921,
        rate_code: 'JP-CT-1',
        rate_id: 3,
        label: 'Consumption tax',
        compound: false,
        tax_total: '100',
        shipping_tax_total: '0',
        rate_percent: 10,
        meta_data: [],
      },
    ],
    shipping_lines: [],
  };
}
