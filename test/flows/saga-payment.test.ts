import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrder } from './order-fixture.js';
import { startSagaHarness, type SagaHarness } from './saga-harness.js';

describe('order-to-cash saga: validation and payment gate', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await startSagaHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('holds an unpaid bank-transfer order until an update shows the payment', async () => {
    const unpaid = buildOrder({
      id: '2001',
      lines: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }],
      paymentStatus: 'pending',
      paymentMethod: 'bacs',
    });
    await h.receive(unpaid);
    expect((await h.saga('2001'))?.state).toBe('awaiting_payment');
    expect(h.erp.calls).toEqual([]);
    await h.receive(
      { ...unpaid, payment: { ...unpaid.payment, status: 'paid' }, modifiedAt: '2026-11-23T11:00:00Z' },
      'order.updated',
    );
    expect((await h.saga('2001'))?.state).toBe('fulfilment_requested');
  });

  it('lets cash on delivery proceed unpaid and settles only once it is paid', async () => {
    const cod = buildOrder({
      id: '2002',
      lines: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }],
      paymentStatus: 'pending',
      paymentMethod: 'cod',
    });
    await h.receive(cod);
    expect((await h.saga('2002'))?.state).toBe('fulfilment_requested');
    await h.ship('eu', '2002', 'WC-eu-2002/main/1');
    expect((await h.saga('2002'))?.state).toBe('invoiced');
    expect(h.erp.payments).toEqual([]);
    await h.receive(
      {
        ...cod,
        status: 'completed',
        channelStatus: 'completed',
        payment: { ...cod.payment, status: 'paid' },
        modifiedAt: '2026-11-23T13:00:00Z',
      },
      'order.updated',
    );
    expect((await h.saga('2002'))?.state).toBe('settled');
    expect(h.erp.payments).toHaveLength(1);
  });

  it('parks an order whose arithmetic does not add up, listing the discrepancy', async () => {
    const order = buildOrder({ id: '2003', lines: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }] });
    const broken = { ...order, totals: { ...order.totals, total: { currency: 'EUR', amount: '99.99' } } };
    await h.receive(broken);
    const saga = await h.saga('2003');
    expect(saga?.state).toBe('parked');
    expect(saga?.parked?.code).toBe('invalid_order');
    expect(saga?.parked?.reason).toContain('/totals/total');
  });

  it('ignores an older copy of the order arriving after a newer one', async () => {
    const order = buildOrder({
      id: '2004',
      lines: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }],
      modifiedAt: '2026-11-23T12:00:00Z',
    });
    await h.receive(order);
    await h.receive(
      { ...order, payment: { ...order.payment, status: 'voided' }, modifiedAt: '2026-11-23T09:00:00Z' },
      'order.updated',
    );
    const saga = await h.saga('2004');
    expect(saga?.state).toBe('fulfilment_requested');
    expect(saga?.order.payment.status).toBe('paid');
  });
});
