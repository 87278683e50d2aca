/**
 * Acceptance scenarios of the order-to-cash saga over HTTP against the three emulators, each
 * checking every system: duplicated and reordered webhooks, an ERP maintenance window, a line
 * rerouted after the first warehouse cannot pick it, a cancellation after ERP registration and a
 * partial refund with restock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SHOPPER, startE2e, type E2e } from './harness.js';

const erpOrders = (env: E2e, orderId: number) =>
  env.odoo.models.searchRead(
    'sale.order',
    [['client_order_ref', '=', `WC-eu-${orderId}`]],
    ['amount_total', 'state', 'name'],
  );

describe('order-to-cash end to end: faults and compensations', () => {
  let env: E2e;
  afterEach(async () => {
    await env.stop();
  });

  it('settles each order once despite duplicated and out-of-order webhooks from both WooCommerce and the warehouse', async () => {
    env = await startE2e();
    env.woo.faults.set({ duplicateWebhookRate: 1, reorderWebhooks: true });
    env.wms.main.faults.set({ duplicateEventRate: 1, reorderEvents: true });
    const orders = [1, 2, 3].map(() =>
      env.woo.createOrder({
        lineItems: [
          { sku: 'TEE-M', quantity: 1 },
          { sku: 'CAP', quantity: 2 },
        ],
        ...SHOPPER,
      }),
    );
    for (const order of orders)
      await env.waitFor(async () => (await env.saga(order.id))?.state === 'settled', {
        what: `order ${order.id} settled`,
      });
    for (const order of orders) {
      expect(erpOrders(env, order.id)).toHaveLength(1);
      expect(env.wms.main.fulfilments.byReference(`WC-eu-${order.id}/main/1`)).toHaveLength(1);
      const notes = env.woo.state.notes.get(order.id) ?? [];
      expect(notes.filter((n) => n.note.startsWith('Shipped with'))).toHaveLength(1);
      expect(env.woo.getOrder(order.id)?.status).toBe('completed');
    }
  });

  it('queues orders through an ERP maintenance window, then registers each exactly once', async () => {
    env = await startE2e();
    env.odoo.faults.set({ maintenance: true });
    const orders = [1, 2, 3, 4].map(() =>
      env.woo.createOrder({ lineItems: [{ sku: 'MUG', quantity: 1 }], ...SHOPPER }),
    );
    for (const order of orders)
      await env.waitFor(async () => (await env.saga(order.id))?.state === 'routed', {
        what: `order ${order.id} waiting for the ERP`,
      });
    expect(env.odoo.models.searchCount('sale.order', [])).toBe(0);
    env.odoo.faults.set({ maintenance: false });
    for (const order of orders)
      await env.waitFor(async () => (await env.saga(order.id))?.state === 'settled', {
        what: `order ${order.id} settled`,
        timeoutMs: 30_000,
      });
    for (const order of orders) expect(erpOrders(env, order.id)).toHaveLength(1);
    expect(env.odoo.models.searchCount('sale.order', [])).toBe(4);
  });

  it('reroutes a line the first warehouse cannot pick to the second, and completes with both shipments', async () => {
    env = await startE2e();
    env.wms.main.faults.set({ unpickableSkus: ['MUG'] });
    const order = env.woo.createOrder({
      lineItems: [
        { sku: 'TEE-M', quantity: 1 },
        { sku: 'MUG', quantity: 2 },
      ],
      ...SHOPPER,
    });
    await env.waitFor(async () => (await env.saga(order.id))?.state === 'settled', {
      what: 'rerouted order settled',
    });
    const saga = await env.saga(order.id);
    expect(saga?.shipments.map((s) => s.location).sort()).toEqual(['east', 'main']);
    const east = env.wms.east.fulfilments.byReference(`WC-eu-${order.id}/east/1`);
    expect(east).toHaveLength(1);
    expect(east[0]?.lines.map((l) => l.sku)).toEqual(['MUG']);
    expect(env.woo.getOrder(order.id)?.status).toBe('completed');
    expect(erpOrders(env, order.id)).toHaveLength(1);
  });

  it('cancels the warehouse fulfilment and the ERP order when the customer cancels after registration', async () => {
    env = await startE2e({ wmsStepMs: 60_000 });
    const order = env.woo.createOrder({ lineItems: [{ sku: 'TEE-M', quantity: 1 }], ...SHOPPER });
    await env.waitFor(async () => (await env.saga(order.id))?.state === 'fulfilment_requested', {
      what: 'fulfilment requested',
    });
    env.woo.updateOrder(order.id, { status: 'cancelled' });
    await env.waitFor(async () => (await env.saga(order.id))?.state === 'cancelled', {
      what: 'order cancelled',
    });
    expect(erpOrders(env, order.id)[0]?.state).toBe('cancel');
    expect(env.wms.main.fulfilments.byReference(`WC-eu-${order.id}/main/1`)[0]?.status).toBe('cancelled');
  });

  it('turns a partial refund with restock in WooCommerce into one ERP credit note', async () => {
    env = await startE2e();
    const order = env.woo.createOrder({
      lineItems: [
        { sku: 'TEE-M', quantity: 2 },
        { sku: 'MUG', quantity: 1 },
      ],
      ...SHOPPER,
    });
    await env.waitFor(async () => (await env.saga(order.id))?.state === 'settled', { what: 'order settled' });
    const line = order.line_items.find((l) => l.sku === 'TEE-M');
    if (!line) throw new Error('no TEE-M line');
    const unitTotal = (Number(line.total) / line.quantity).toFixed(2);
    const unitTax = (Number(line.total_tax) / line.quantity).toFixed(2);
    const amount = (Number(unitTotal) + Number(unitTax)).toFixed(2);
    env.woo.createRefund(order.id, {
      amount,
      reason: 'one shirt too small',
      api_restock: true,
      line_items: [
        { id: line.id, quantity: 1, refund_total: unitTotal, refund_tax: [{ id: 1, refund_total: unitTax }] },
      ],
    });
    const creditNotes = () =>
      env.odoo.models.searchRead(
        'account.move',
        [['move_type', '=', 'out_refund']],
        ['amount_total', 'state'],
      );
    await env.waitFor(() => creditNotes().length === 1, { what: 'credit note in Odoo' });
    expect(creditNotes()[0]?.amount_total).toBe(Number(amount));
    const noted = async () =>
      (
        await env.hub.store.db
          .selectFrom('timeline_entries')
          .select('summary')
          .where('subject', '=', `order:eu:${order.id}`)
          .execute()
      ).some((e) => e.summary.startsWith('Credit note'));
    await env.waitFor(noted, { what: 'credit note on the timeline' });
    expect(creditNotes()).toHaveLength(1);
  });
});
