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
    // The ERP's delivery was validated for the parcel: done, with the warehouse's carrier and tracking.
    const pickings = env.odoo.models.searchRead(
      'stock.picking',
      [['sale_id', '=', erpOrders[0]?.id ?? 0]],
      ['state', 'carrier_tracking_ref', 'carrier_id'],
    );
    const shipment = saga?.shipments[0];
    expect(pickings).toEqual([
      expect.objectContaining({
        state: 'done',
        carrier_tracking_ref: shipment?.trackingNumber,
        carrier_id: [expect.any(Number), shipment?.carrier],
      }),
    ]);
    const delivered = env.odoo.models.searchRead(
      'sale.order.line',
      [['order_id', '=', erpOrders[0]?.id ?? 0]],
      ['product_uom_qty', 'qty_delivered', 'display_type', 'product_id'],
    );
    const goods = delivered.filter((l) => /TEE-M|MUG/.test(JSON.stringify(l.product_id)));
    expect(goods.map((l) => l.qty_delivered)).toEqual([2, 1]);
    expect(erpOrders[0]?.amount_total).toBe(Number(order.total));
    expect(env.woo.getOrder(order.id)?.status).toBe('completed');
    expect(saga?.amounts.invoiceTotal).toBe(order.total);
    expect(saga?.shipments).toHaveLength(1);
  });
});
