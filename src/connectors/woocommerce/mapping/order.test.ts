import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { checkOrderIntegrity } from '../../../canonical/integrity/check-order-integrity.js';
import { OrderSchema } from '../../../canonical/models/order.js';
import { fixture } from '../../../../test/connectors/woocommerce/fixtures/index.js';
import {
  couponAndFeeOrder,
  taxInclusiveOrder,
  yenOrder,
} from '../../../../test/connectors/woocommerce/orders.js';
import { WooOrderSchema, type WooOrder } from '../wc-schema.js';
import { wooOrderToCanonical } from './order.js';

const checkWoo = Compile(WooOrderSchema);
const checkOrder = Compile(OrderSchema);

function map(payload: unknown) {
  expect(checkWoo.Errors(payload)).toEqual([]);
  const order = wooOrderToCanonical(payload as WooOrder, { storeId: 'eu' });
  expect(checkOrder.Errors(order)).toEqual([]);
  return order;
}

describe('WooCommerce order → canonical', () => {
  it('order 727: variation line with attribute meta, per-rate tax, shipping, paid by date_paid', () => {
    const order = map(fixture('order-727-retrieve.docs.json'));
    expect(order).toMatchObject({
      externalId: '727',
      number: '727',
      status: 'processing',
      channelStatus: 'processing',
      currency: 'USD',
      pricesIncludeTax: false,
    });
    const variation = order.lines[1];
    expect(variation).toMatchObject({
      lineId: '316',
      sku: 'Bar3',
      name: 'Ship Your Idea – Color: Black, Size: M Test',
      productRef: '22',
      variantRef: '23',
      quantity: 1,
      unitPrice: { currency: 'USD', amount: '12.00' },
      taxes: [{ rateId: '75', label: 'State Tax', amount: { currency: 'USD', amount: '0.90' } }],
      meta: [
        { key: 'pa_color', value: 'black' },
        { key: 'size', value: 'M Test' },
      ],
    });
    expect(order.lines[0]).toMatchObject({
      unitPrice: { amount: '3.00' },
      subtotal: { amount: '6.00' },
      discount: { amount: '0.00' },
    });
    expect(order.lines[0]?.sku).toBeUndefined();
    expect(order.taxLines).toEqual([
      {
        lineId: '318',
        rateId: '75',
        rateCode: 'US-CA-STATE TAX',
        label: 'State Tax',
        compound: false,
        taxTotal: { currency: 'USD', amount: '1.35' },
        shippingTaxTotal: { currency: 'USD', amount: '0.00' },
      },
    ]);
    expect(order.shippingLines[0]).toMatchObject({ methodId: 'flat_rate', total: { amount: '10.00' } });
    expect(order.totals).toMatchObject({
      subtotal: { amount: '18.00' },
      taxTotal: { amount: '1.35' },
      total: { amount: '29.35' },
    });
    expect(order.payment).toEqual({
      status: 'paid',
      method: 'bacs',
      methodTitle: 'Direct Bank Transfer',
      paidAt: '2017-03-22T19:28:08Z',
    });
    expect(order.customer).toEqual({
      email: 'john.doe@example.com',
      firstName: 'John',
      lastName: 'Doe',
      phone: '(555) 555-5555',
    });
    expect(order.createdAt).toBe('2017-03-22T19:28:02Z');
    expect(checkOrderIntegrity(order, { taxRounding: 'per-line' })).toEqual({ ok: true, discrepancies: [] });
  });

  it('order 723: refunds as positive amounts, partially refunded, non-ASCII address kept', () => {
    const order = map(fixture('order-723-with-refunds.docs.json'));
    expect(order.status).toBe('completed');
    expect(order.refunds).toEqual([
      { refundId: '726', amount: { currency: 'USD', amount: '10.00' } },
      { refundId: '724', amount: { currency: 'USD', amount: '9.00' } },
    ]);
    expect(order.payment.status).toBe('partially_refunded');
    expect(order.billing).toMatchObject({
      firstName: 'João',
      line1: 'Av. Brasil, 432',
      country: 'BR',
      region: 'RJ',
    });
    expect(order.customer.externalId).toBe('26');
    expect(order.completedAt).toBe('2017-03-21T19:54:51Z');
  });

  it('order 205: INR cash on delivery on-hold is pending payment; unpadded rate tax kept exact', () => {
    const order = map(fixture('order-205-webhook-body.frappe.json'));
    expect(order).toMatchObject({ status: 'on_hold', channelStatus: 'on-hold', currency: 'INR' });
    expect(order.payment).toEqual({ status: 'pending', method: 'cod', methodTitle: 'Cash on delivery' });
    expect(order.lines[0]?.taxes[0]).toMatchObject({
      rateId: '1',
      label: 'Tax',
      rate: '18',
      amount: { currency: 'INR', amount: '2.70' },
    });
    expect(order.taxLines[0]?.rate).toBe('18');
    expect(order.shipping).toBeUndefined();
    expect(order.totals.total).toEqual({ currency: 'INR', amount: '17.70' });
    expect(checkOrderIntegrity(order, { taxRounding: 'per-line' }).ok).toBe(true);
  });

  it('coupons, fees (one negative) and discounts, with the hidden meta dropped', () => {
    const order = map(couponAndFeeOrder());
    expect(order.lines[0]).toMatchObject({
      discount: { amount: '2.00' },
      unitPrice: { amount: '10.00' },
      meta: [{ key: 'pa_size', value: 'l' }],
    });
    expect(order.couponLines).toEqual([
      {
        lineId: '906',
        code: 'save10',
        discount: { currency: 'EUR', amount: '2.00' },
        discountTax: { currency: 'EUR', amount: '0.40' },
        discountType: 'percent',
      },
    ]);
    expect(order.feeLines.map((f) => [f.name, f.total.amount, f.taxable])).toEqual([
      ['Gift wrap', '5.00', true],
      ['Loyalty discount', '-3.00', true],
    ]);
    expect(order.totals).toMatchObject({
      feeTotal: { amount: '2.00' },
      discountTotal: { amount: '2.00' },
      total: { amount: '29.88' },
    });
    expect(order.payment).toMatchObject({ status: 'paid', transactionId: 'pi_3Nq' });
    expect(checkOrderIntegrity(order, { taxRounding: 'per-line' })).toEqual({ ok: true, discrepancies: [] });
  });

  it('the checkout hold id, hidden meta `_retail_hub_hold_id`, is read into checkoutHoldId', () => {
    const base = couponAndFeeOrder() as WooOrder;
    const withMeta = (meta_data: WooOrder['meta_data']) =>
      map({ ...base, meta_data: [...(base.meta_data ?? []), ...(meta_data ?? [])] });
    const order = withMeta([{ id: 9001, key: '_retail_hub_hold_id', value: ' 7d3f0c1e-8f4b ' }]);
    expect(order.checkoutHoldId).toBe('7d3f0c1e-8f4b');
    expect(order.meta?.some((m) => m.key.startsWith('_'))).not.toBe(true);
    expect(map(base).checkoutHoldId).toBeUndefined();
    // Not a usable id: absent rather than a hold no basket has.
    expect(withMeta([{ id: 9001, key: '_retail_hub_hold_id', value: 42 }]).checkoutHoldId).toBeUndefined();
    expect(withMeta([{ id: 9001, key: '_retail_hub_hold_id', value: '  ' }]).checkoutHoldId).toBeUndefined();
  });

  it('tax-inclusive store: figures stay as WooCommerce stores them (ex-tax lines, tax beside)', () => {
    const order = map(taxInclusiveOrder());
    expect(order.pricesIncludeTax).toBe(true);
    expect(order.number).toBe('EU-802');
    expect(order.lines[0]).toMatchObject({ subtotal: { amount: '10.00' }, totalTax: { amount: '2.00' } });
    expect(checkOrderIntegrity(order, { taxRounding: 'per-line' }).ok).toBe(true);
  });

  it('zero-decimal currency: JPY amounts exact, unit price from the subtotal, never the float price', () => {
    const order = map(yenOrder());
    expect(order.currency).toBe('JPY');
    expect(order.totals.total).toEqual({ currency: 'JPY', amount: '1100' });
    expect(order.lines[0]?.unitPrice).toEqual({ currency: 'JPY', amount: '333.333333' });
    expect(checkOrderIntegrity(order, { taxRounding: 'per-line' }).ok).toBe(true);
  });

  it('rejects a payload that is not an order', () => {
    expect(checkWoo.Check({ id: 1 })).toBe(false);
    expect(
      checkWoo.Check({ ...fixture<Record<string, unknown>>('order-727-retrieve.docs.json'), total: 29.35 }),
    ).toBe(false);
  });
});
