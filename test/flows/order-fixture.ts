/**
 * A consistent canonical order for flow tests: lines with 20 % VAT on top (tax-exclusive),
 * flat-rate shipping, totals that pass `checkOrderIntegrity`.
 *
 * @example
 * ```ts
 * const order = buildOrder({ id: '1001', lines: [{ sku: 'TEE-M', quantity: 2, unitPrice: '10.00' }] });
 * order.totals.total.amount; // '30.00' (20.00 + 4.00 VAT + 5.00 shipping + 1.00 VAT)
 * ```
 */
import { add, money, multiply, round, sum, type Money, type Order } from '../../src/canonical/index.js';

export interface FixtureLine {
  sku: string;
  quantity: number;
  unitPrice: string;
}

export interface FixtureOptions {
  storeId?: string;
  id: string;
  currency?: string;
  lines: FixtureLine[];
  shipping?: string;
  paymentStatus?: Order['payment']['status'];
  paymentMethod?: string;
  modifiedAt?: string;
}

const vat = (m: Money): Money => round(multiply(m, '0.2'), 'half-up');

export function buildOrder(options: FixtureOptions): Order {
  const currency = options.currency ?? 'EUR';
  const storeId = options.storeId ?? 'eu';
  const tax = (amount: Money) => [{ rateId: '1', label: 'VAT', rate: '20', amount }];
  const lines = options.lines.map((line, index) => {
    const subtotal = multiply(money(currency, line.unitPrice), line.quantity);
    const lineTax = vat(subtotal);
    return {
      lineId: String(index + 1),
      sku: line.sku,
      name: `Product ${line.sku}`,
      quantity: line.quantity,
      unitPrice: money(currency, line.unitPrice),
      subtotal,
      subtotalTax: lineTax,
      discount: money(currency, '0'),
      total: subtotal,
      totalTax: lineTax,
      taxes: tax(lineTax),
    };
  });
  const shipping = money(currency, options.shipping ?? '5.00');
  const shippingTax = vat(shipping);
  const subtotal = sum(
    currency,
    lines.map((l) => l.subtotal),
  );
  const lineTax = sum(
    currency,
    lines.map((l) => l.totalTax),
  );
  const taxTotal = add(lineTax, shippingTax);
  const at = options.modifiedAt ?? '2026-11-23T10:00:00Z';
  const address = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    line1: '1 Main St',
    city: 'Dublin',
    postcode: 'D01',
    country: 'IE',
    email: 'ada@example.com',
  };
  return {
    channel: 'woocommerce',
    storeId,
    externalId: options.id,
    number: options.id,
    status: 'processing',
    channelStatus: 'processing',
    currency,
    pricesIncludeTax: false,
    lines,
    shippingLines: [
      {
        methodId: 'flat_rate',
        methodTitle: 'Flat rate',
        total: shipping,
        totalTax: shippingTax,
        taxes: tax(shippingTax),
      },
    ],
    feeLines: [],
    couponLines: [],
    taxLines: [
      {
        rateId: '1',
        label: 'VAT',
        rate: '20',
        compound: false,
        taxTotal: lineTax,
        shippingTaxTotal: shippingTax,
      },
    ],
    totals: {
      subtotal,
      discountTotal: money(currency, '0'),
      discountTax: money(currency, '0'),
      shippingTotal: shipping,
      shippingTax,
      feeTotal: money(currency, '0'),
      taxTotal,
      total: add(add(subtotal, shipping), taxTotal),
    },
    payment: {
      status: options.paymentStatus ?? 'paid',
      method: options.paymentMethod ?? 'stripe',
      transactionId: `ch_${options.id}`,
    },
    customer: { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
    billing: address,
    shipping: address,
    refunds: [],
    createdAt: '2026-11-23T10:00:00Z',
    modifiedAt: at,
  };
}

/** Two A at 10.00 and one B at 5.00: the flow tests' usual split-able order. */
export const twoLineOrder = (id: string): Order =>
  buildOrder({
    id,
    lines: [
      { sku: 'A', quantity: 2, unitPrice: '10.00' },
      { sku: 'B', quantity: 1, unitPrice: '5.00' },
    ],
  });
