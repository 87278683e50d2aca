/**
 * Canonical orders for the Odoo tests, shaped like WooCommerce's: VAT 21% (rate id "1"), a flat
 * shipping charge, optional coupon spread over the lines. Figures are computed exactly with
 * decimal.js so every fixture's totals are consistent.
 */
import { Decimal } from 'decimal.js';
import type { Order, OrderLine } from '../../../src/canonical/index.js';

export interface FixtureLine {
  sku: string;
  quantity: number;
  /** Unit price before discount, excluding tax. */
  price: string;
  /** Discount granted on this line by the coupon, excluding tax. */
  discount?: string;
}

export interface FixtureOptions {
  storeId?: string;
  id: string;
  email?: string;
  currency?: string;
  lines: FixtureLine[];
  shipping?: string;
  coupon?: string;
  vat?: string;
  pricesIncludeTax?: boolean;
}

const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

export function fixtureOrder(options: FixtureOptions): Order {
  const currency = options.currency ?? 'EUR';
  const vat = new Decimal(options.vat ?? '21');
  const m = (d: Decimal | string | number) => ({ currency, amount: new Decimal(d).toFixed(2) });
  const tax = (base: Decimal) => round2(base.times(vat).div(100));
  const lines: OrderLine[] = options.lines.map((l, i) => {
    const subtotal = round2(new Decimal(l.price).times(l.quantity));
    const discount = new Decimal(l.discount ?? '0');
    const total = subtotal.minus(discount);
    const totalTax = tax(total);
    return {
      lineId: String(100 + i),
      sku: l.sku,
      name: `Product ${l.sku}`,
      quantity: l.quantity,
      unitPrice: m(l.price),
      subtotal: m(subtotal),
      subtotalTax: m(tax(subtotal)),
      discount: m(discount),
      total: m(total),
      totalTax: m(totalTax),
      taxes: [
        {
          rateId: '1',
          label: 'VAT',
          rate: vat.toFixed(),
          amount: m(totalTax),
          subtotalAmount: m(tax(subtotal)),
        },
      ],
    };
  });
  const shipping = new Decimal(options.shipping ?? '0');
  const shippingTax = tax(shipping);
  const itemsTax = lines.reduce((a, l) => a.plus(l.totalTax.amount), new Decimal(0));
  const subtotal = lines.reduce((a, l) => a.plus(l.subtotal.amount), new Decimal(0));
  const discount = lines.reduce((a, l) => a.plus(l.discount.amount), new Decimal(0));
  const discountTax = lines.reduce(
    (a, l) => a.plus(l.subtotalTax.amount).minus(l.totalTax.amount),
    new Decimal(0),
  );
  const total = subtotal.minus(discount).plus(shipping).plus(itemsTax).plus(shippingTax);
  const email = options.email ?? `customer-${options.id}@example.com`;
  const address = {
    firstName: 'Ann',
    lastName: 'Lee',
    line1: 'Rue Neuve 1',
    city: 'Brussels',
    postcode: '1000',
    country: 'BE',
    email,
  };
  return {
    channel: 'woocommerce',
    storeId: options.storeId ?? 'eu',
    externalId: options.id,
    number: options.id,
    status: 'processing',
    channelStatus: 'processing',
    currency,
    pricesIncludeTax: options.pricesIncludeTax ?? false,
    lines,
    shippingLines: shipping.isZero()
      ? []
      : [
          {
            methodId: 'flat_rate',
            methodTitle: 'Flat rate',
            total: m(shipping),
            totalTax: m(shippingTax),
            taxes: [{ rateId: '1', label: 'VAT', amount: m(shippingTax) }],
          },
        ],
    feeLines: [],
    couponLines: options.coupon
      ? [{ code: options.coupon, discount: m(discount), discountTax: m(discountTax) }]
      : [],
    taxLines: [
      {
        rateId: '1',
        label: 'VAT',
        rate: vat.toFixed(),
        compound: false,
        taxTotal: m(itemsTax),
        shippingTaxTotal: m(shippingTax),
      },
    ],
    totals: {
      subtotal: m(subtotal),
      discountTotal: m(discount),
      discountTax: m(discountTax),
      shippingTotal: m(shipping),
      shippingTax: m(shippingTax),
      feeTotal: m(0),
      taxTotal: m(itemsTax.plus(shippingTax)),
      total: m(total),
    },
    payment: { status: 'paid', method: 'stripe' },
    customer: { email, firstName: 'Ann', lastName: 'Lee' },
    billing: address,
    shipping: { ...address, line1: 'Avenue Louise 10', email: undefined },
    refunds: [],
    createdAt: '2026-03-01T10:00:00Z',
    modifiedAt: '2026-03-01T10:00:00Z',
  };
}
