import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWooEmulator, type WooEmulator } from '../../../sim/woocommerce/index.js';
import { arr, call, obj } from './helpers.js';

let woo: WooEmulator;
let api: string;
const stockOf = (sku: string): number | null | undefined => woo.state.findBySku(sku)?.item.stock_quantity;

beforeAll(async () => {
  woo = await startWooEmulator({ storeId: 'eu', webhookSecret: 'w', currency: 'EUR' });
  api = `${woo.url}/wp-json/wc/v3`;
  woo.createProduct({
    name: 'Mug',
    sku: 'MUG',
    regular_price: '10.00',
    manage_stock: true,
    stock_quantity: 10,
  });
});
afterAll(async () => {
  await woo.close();
});

describe('refunds', () => {
  it('refuses more than the remainder with 500 woocommerce_rest_cannot_create_order_refund', async () => {
    const order = woo.createOrder({ lineItems: [{ sku: 'MUG', quantity: 2 }] });
    const result = await call(`${api}/orders/${order.id}/refunds`, {
      method: 'POST',
      body: { amount: '20.01', api_refund: false },
    });
    expect(result.status).toBe(500);
    expect(result.json).toEqual({
      code: 'woocommerce_rest_cannot_create_order_refund',
      message: 'Invalid refund amount.',
      data: { status: 500 },
    });
    const negative = await call(`${api}/orders/${order.id}/refunds`, {
      method: 'POST',
      body: { amount: '-1', api_refund: false },
    });
    expect(negative.status).toBe(400);
    expect(obj(negative.json).code).toBe('woocommerce_rest_invalid_order_refund');
  });

  it('calls the gateway unless api_refund is false (offline gateways cannot refund)', async () => {
    const order = woo.createOrder({ lineItems: [{ sku: 'MUG', quantity: 1 }], paymentMethod: 'cod' });
    const gateway = await call(`${api}/orders/${order.id}/refunds`, {
      method: 'POST',
      body: { amount: '1.00' },
    });
    expect(gateway.status).toBe(500);
    expect(obj(gateway.json).message).toBe(
      'The payment gateway for this order does not support automatic refunds.',
    );
    const card = woo.createOrder({ lineItems: [{ sku: 'MUG', quantity: 1 }], paymentMethod: 'stripe' });
    const refunded = await call(`${api}/orders/${card.id}/refunds`, {
      method: 'POST',
      body: { amount: '1.00' },
    });
    expect(refunded.status).toBe(201);
    expect(obj(refunded.json)).toMatchObject({ amount: '1.00', refunded_payment: true });
  });

  it('itemised refund with restock; the full remainder moves the order to refunded', async () => {
    const before = stockOf('MUG') as number;
    const order = woo.createOrder({ lineItems: [{ sku: 'MUG', quantity: 3 }] });
    expect(stockOf('MUG')).toBe(before - 3);
    const lineId = order.line_items[0]?.id as number;
    const partial = await call(`${api}/orders/${order.id}/refunds`, {
      method: 'POST',
      body: {
        api_refund: false,
        reason: 'broken',
        line_items: [{ id: lineId, quantity: 1, refund_total: '10.00' }],
      },
    });
    expect(partial.status).toBe(201);
    const refund = obj(partial.json);
    expect(refund.amount).toBe('10.00');
    expect(arr(refund.line_items)[0]).toMatchObject({
      quantity: -1,
      subtotal: '-10.00',
      total: '-10.00',
      price: -10,
      meta_data: [{ key: '_refunded_item_id', value: String(lineId) }],
    });
    expect(stockOf('MUG')).toBe(before - 2);
    const afterPartial = obj((await call(`${api}/orders/${order.id}`)).json);
    expect(afterPartial.status).toBe('processing');
    expect(afterPartial.refunds).toEqual([{ id: refund.id, reason: 'broken', total: '-10.00' }]);
    const rest = await call(`${api}/orders/${order.id}/refunds`, {
      method: 'POST',
      body: { amount: '20.00', api_refund: false, api_restock: false },
    });
    expect(rest.status).toBe(201);
    expect(obj((await call(`${api}/orders/${order.id}`)).json).status).toBe('refunded');
    expect(stockOf('MUG')).toBe(before - 2);
    expect(arr((await call(`${api}/orders/${order.id}/refunds`)).json)).toHaveLength(2);
  });

  it('setting status refunded creates a refund of the remainder', async () => {
    const order = woo.createOrder({ lineItems: [{ sku: 'MUG', quantity: 1 }] });
    const updated = await call(`${api}/orders/${order.id}`, { method: 'PUT', body: { status: 'refunded' } });
    expect(obj(updated.json).status).toBe('refunded');
    const refunds = arr((await call(`${api}/orders/${order.id}/refunds`)).json);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({
      amount: '10.00',
      reason: 'Order fully refunded.',
      refunded_payment: false,
    });
  });
});

describe('stock rules', () => {
  it('reduces once on processing, restores on cancelled, not again on a second processing', async () => {
    woo.setStock('MUG', 10);
    const pending = await call(`${api}/orders`, {
      method: 'POST',
      body: { line_items: [{ sku: 'MUG', quantity: 4 }] },
    });
    const id = obj(pending.json).id as number;
    expect(obj(pending.json).status).toBe('pending');
    expect(stockOf('MUG')).toBe(10);
    await call(`${api}/orders/${id}`, { method: 'PUT', body: { status: 'processing' } });
    expect(stockOf('MUG')).toBe(6);
    await call(`${api}/orders/${id}`, { method: 'PUT', body: { status: 'completed' } });
    expect(stockOf('MUG')).toBe(6);
    await call(`${api}/orders/${id}`, { method: 'PUT', body: { status: 'cancelled' } });
    expect(stockOf('MUG')).toBe(10);
    const order = obj((await call(`${api}/orders/${id}`)).json);
    expect(order.date_completed).not.toBeNull();
  });

  it('editing the lines of a processing order moves stock by the difference', async () => {
    woo.setStock('MUG', 10);
    const order = woo.createOrder({ lineItems: [{ sku: 'MUG', quantity: 3 }] });
    expect(stockOf('MUG')).toBe(7);
    const lineId = order.line_items[0]?.id as number;
    const edited = await call(`${api}/orders/${order.id}`, {
      method: 'PUT',
      body: { line_items: [{ id: lineId, quantity: 5 }] },
    });
    expect(obj(edited.json).total).toBe('50.00');
    expect(stockOf('MUG')).toBe(5);
    await call(`${api}/orders/${order.id}`, {
      method: 'PUT',
      body: { line_items: [{ id: lineId, quantity: 0 }] },
    });
    expect(stockOf('MUG')).toBe(10);
  });

  it('a checkout never oversells', async () => {
    woo.setStock('MUG', 2);
    woo.createOrder({ lineItems: [{ sku: 'MUG', quantity: 2 }] });
    expect(() => woo.createOrder({ lineItems: [{ sku: 'MUG', quantity: 1 }] })).toThrow(/out of stock/);
    woo.setStock('MUG', 1);
    const refused = await call(`${woo.url}/__control/orders`, {
      method: 'POST',
      body: { lineItems: [{ sku: 'MUG', quantity: 2 }] },
    });
    expect(refused.status).toBe(409);
    expect(obj(refused.json).code).toBe('woocommerce_rest_product_partially_out_of_stock');
    expect(stockOf('MUG')).toBe(1);
  });
});
