import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHOPPER, startE2e, type E2e } from './harness.js';

describe('order-to-cash end to end over HTTP (WooCommerce, Odoo, WMS emulators)', () => {
  let env: E2e;
  beforeEach(async () => {
    env = await startE2e();
  });
  afterEach(async () => {
    await env.stop();
  });

  it('happy path: a paid order is registered, shipped, completed, invoiced and settled', async () => {
    const order = env.woo.createOrder({
      lineItems: [
        { sku: 'TEE-M', quantity: 2 },
        { sku: 'MUG', quantity: 1 },
      ],
      ...SHOPPER,
      transactionId: 'ch_1',
    });
    await env.waitFor(async () => (await env.saga(order.id))?.state === 'settled', { what: 'order settled' });
    const saga = await env.saga(order.id);
    const erpOrders = env.odoo.models.searchRead(
      'sale.order',
      [['client_order_ref', '=', `WC-eu-${order.id}`]],
      ['amount_total', 'state'],
    );
    expect(erpOrders).toHaveLength(1);
    expect(erpOrders[0]?.amount_total).toBe(Number(order.total));
    expect(env.woo.getOrder(order.id)?.status).toBe('completed');
    expect(saga?.amounts.invoiceTotal).toBe(order.total);
    expect(saga?.shipments).toHaveLength(1);
  });
});
