/**
 * Lines the hub cancels because no location can serve them: refunded in the channel, taken off the
 * ERP order (so the invoice never bills them and no credit note doubles the refund), and the order
 * settles on what the customer keeps paying for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeEvent, orderPartitionKey, orderSubject } from '../../src/canonical/index.js';
import { createOmsRouter, DEFAULT_ROUTING_RULES } from '../../src/oms/index.js';
import { readTimelineEntries } from '../../src/ops/timeline/read-timeline.js';
import { buildOrder } from './order-fixture.js';
import { startSagaHarness, testConfig, type SagaHarness } from './saga-harness.js';

/** Only main sells to eu, and units nowhere can ship are cancelled (policy cancel-line). */
const mainOnly = () =>
  testConfig({
    stores: [{ ...testConfig().stores[0]!, locations: ['main'] }],
    routing: { backorder: 'cancel-line' },
  });

/** Main only, policy cancel-line, with this stock at main. */
const cancelLineHarness = (stock: Record<string, number>) => {
  const config = mainOnly();
  return startSagaHarness({
    config,
    router: createOmsRouter({
      config,
      rules: { ...DEFAULT_ROUTING_RULES, backorder: 'cancel-line' },
      availability: async () => ({ main: stock }),
    }),
  });
};

/** What the WooCommerce ingest publishes once the store reports the hub's refund back. */
const refundReported = (h: SagaHarness, orderId: string) => {
  const refund = h.channel.refunds.at(-1);
  if (!refund) throw new Error('no refund in the channel');
  return makeEvent('refund.requested', orderSubject('eu', orderId), orderPartitionKey('eu', orderId), {
    storeId: 'eu',
    orderId,
    amount: refund.request.amount,
    reason: `WooCommerce refund ${refund.id}: ${refund.request.reason}`,
    restock: false,
    // Charges (shipping, fees) come back as the refund's shipping_lines/fee_lines, not as lines.
    lines: refund.request.lines
      .filter((l) => l.quantity > 0)
      .map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
  });
};

describe('order-to-cash saga: lines no location can serve', () => {
  let h: SagaHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('takes a line cancelled after registration off the ERP order and settles on the rest', async () => {
    h = await startSagaHarness({ config: mainOnly() });
    const order = buildOrder({
      id: '5001',
      lines: [
        { sku: 'A', quantity: 1, unitPrice: '10.00' },
        { sku: 'B', quantity: 2, unitPrice: '5.00' },
      ],
    });
    await h.receive(order);
    await h.publish([
      makeEvent('fulfilment.failed', orderSubject('eu', '5001'), orderPartitionKey('eu', '5001'), {
        storeId: 'eu',
        orderId: '5001',
        requestId: 'WC-eu-5001/main/1',
        location: 'main',
        code: 'line_unfulfillable',
        reason: 'cannot pick',
        lines: [{ lineId: '2', sku: 'B', quantity: 2 }],
      }),
    ]);
    expect(h.channel.refunds.map((r) => r.request.amount.amount)).toEqual(['12.00']);
    const erpOrder = h.erp.orders.get('eu:5001')?.order;
    expect(erpOrder?.lines.map((l) => [l.sku, l.quantity])).toEqual([['A', 1]]);
    expect(erpOrder?.totals.total.amount).toBe('18.00');
    await h.publish([refundReported(h, '5001')]);
    expect(h.erp.creditNotes).toEqual([]);
    await h.ship('eu', '5001', 'WC-eu-5001/main/1');
    const saga = await h.saga('5001');
    expect(saga?.state).toBe('settled');
    expect(saga?.amounts).toMatchObject({ erpTotal: '18.00', invoiceTotal: '18.00', refunded: '12.00' });
    expect(h.erp.payments).toEqual([{ invoiceId: 'INV1', amount: '18.00' }]);
  });

  it('refunds a line no location can serve at the first routing and registers the ERP order without it', async () => {
    h = await cancelLineHarness({ A: 10, B: 0 });
    await h.receive(
      buildOrder({
        id: '5002',
        lines: [
          { sku: 'A', quantity: 1, unitPrice: '10.00' },
          { sku: 'B', quantity: 2, unitPrice: '5.00' },
        ],
      }),
    );
    expect(h.channel.refunds).toHaveLength(1);
    expect(h.channel.refunds[0]?.request).toMatchObject({
      amount: { currency: 'EUR', amount: '12.00' },
      lines: [{ lineId: '2', quantity: 2, total: { amount: '10.00' }, tax: { amount: '2.00' } }],
      restock: false,
    });
    expect(h.erp.orders.get('eu:5002')?.order.lines.map((l) => l.sku)).toEqual(['A']);
    await h.publish([refundReported(h, '5002')]);
    expect(h.erp.creditNotes).toEqual([]);
    await h.ship('eu', '5002', 'WC-eu-5002/main/1');
    const saga = await h.saga('5002');
    expect(saga?.state).toBe('settled');
    expect(saga?.routing?.cancelledLines.map((l) => l.lineId)).toEqual(['2']);
    expect(h.erp.payments).toEqual([{ invoiceId: 'INV1', amount: '18.00' }]);
  });

  it('cancels and fully refunds an order none of whose lines can be served, without the ERP', async () => {
    h = await cancelLineHarness({ A: 0, B: 0 });
    const built = buildOrder({
      id: '5003',
      lines: [
        { sku: 'A', quantity: 1, unitPrice: '10.00' },
        { sku: 'B', quantity: 2, unitPrice: '5.00' },
      ],
    });
    // As WooCommerce sends it: the shipping charge is an order item with its own id.
    const order = { ...built, shippingLines: built.shippingLines.map((l) => ({ ...l, lineId: '9' })) };
    await h.receive(order);
    await h.receive(order);
    const saga = await h.saga('5003');
    expect(saga?.state).toBe('cancelled');
    expect(h.erp.calls).toEqual([]);
    expect(h.warehouses.size).toBe(0);
    expect(h.channel.statuses.get('5003')).toBe('cancelled');
    expect(h.channel.refunds).toHaveLength(1);
    const shipping = order.shippingLines[0]!;
    expect(h.channel.refunds[0]?.request).toMatchObject({
      amount: order.totals.total,
      restock: false,
      lines: [
        { lineId: '1', quantity: 1, total: { amount: '10.00' }, tax: { amount: '2.00' } },
        { lineId: '2', quantity: 2, total: { amount: '10.00' }, tax: { amount: '2.00' } },
        { lineId: '9', quantity: 0, total: shipping.total, tax: shipping.totalTax },
      ],
    });
    expect(h.channel.notes).toEqual([
      expect.objectContaining({
        orderId: '5003',
        note: expect.stringContaining('has been cancelled and refunded in full'),
      }),
    ]);
    expect(saga?.amounts.refunded).toBe(order.totals.total.amount);
    await h.publish([refundReported(h, '5003')]);
    expect(h.erp.creditNotes).toEqual([]);
    const summaries = (await readTimelineEntries(h.store.db, 'order:eu:5003')).map((e) => e.summary);
    expect(summaries).toContainEqual(
      expect.stringContaining('the whole order is cancelled and not registered in the ERP'),
    );
    expect(summaries).toContain('validated → cancelled');
  });
});
