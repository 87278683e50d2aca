import { afterEach, describe, expect, it } from 'vitest';
import { makeEvent, orderPartitionKey, orderSubject } from '../../src/canonical/index.js';
import { reservedQuantity } from '../../src/flows/inventory/reservation-ledger/index.js';
import { resumeOrderEvent } from '../../src/flows/order-to-cash/index.js';
import { buildOrder } from './order-fixture.js';
import { startSagaHarness, testConfig, type SagaHarness } from './saga-harness.js';

const cancel = (orderId: string) =>
  makeEvent('order.cancelled', orderSubject('eu', orderId), orderPartitionKey('eu', orderId), {
    storeId: 'eu',
    orderId,
    reason: 'customer asked',
    by: 'customer',
  });
const failed = (orderId: string, reference: string, location: string, lineId: string, sku: string) =>
  makeEvent('fulfilment.failed', orderSubject('eu', orderId), orderPartitionKey('eu', orderId), {
    storeId: 'eu',
    orderId,
    requestId: reference,
    location,
    code: 'line_unfulfillable',
    reason: 'cannot pick',
    lines: [{ lineId, sku, quantity: 1 }],
  });

describe('order-to-cash saga: compensations', () => {
  let h: SagaHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('undoes fulfilment, ERP order and reservation when the customer cancels after registration', async () => {
    h = await startSagaHarness();
    await h.receive(buildOrder({ id: '3001', lines: [{ sku: 'A', quantity: 2, unitPrice: '10.00' }] }));
    await h.publish([cancel('3001')]);
    const saga = await h.saga('3001');
    expect(saga?.state).toBe('cancelled');
    expect(h.warehouses.get('main')?.cancelled).toEqual(['MAIN-1']);
    expect(h.erp.calls.filter((c) => c === 'cancelOrder')).toHaveLength(1);
    expect(await reservedQuantity(h.store.db, 'A')).toBe(0);
    await h.publish([cancel('3001')]);
    expect(h.erp.calls.filter((c) => c === 'cancelOrder')).toHaveLength(1);
  });

  it('parks a cancellation that comes after shipment', async () => {
    h = await startSagaHarness();
    await h.receive(buildOrder({ id: '3002', lines: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }] }));
    await h.ship('eu', '3002', 'WC-eu-3002/main/1');
    await h.publish([cancel('3002')]);
    const saga = await h.saga('3002');
    expect(saga?.state).toBe('parked');
    expect(saga?.parked?.code).toBe('cancelled_after_shipment');
  });

  it('cancels like a customer cancellation when the payment is voided', async () => {
    h = await startSagaHarness();
    const order = buildOrder({ id: '3003', lines: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }] });
    await h.receive(order);
    await h.receive(
      { ...order, payment: { ...order.payment, status: 'voided' }, modifiedAt: '2026-11-23T11:00:00Z' },
      'order.updated',
    );
    expect((await h.saga('3003'))?.state).toBe('cancelled');
    expect(h.erp.calls).toContain('cancelOrder');
  });

  it('parks an ERP rejection with the ERP reason, and resumes once fixed', async () => {
    h = await startSagaHarness();
    h.erp.reject = 'The customer is blocked for credit';
    await h.receive(buildOrder({ id: '3004', lines: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }] }));
    let saga = await h.saga('3004');
    expect(saga?.state).toBe('parked');
    expect(saga?.parked).toMatchObject({
      code: 'ValidationError',
      reason: 'The customer is blocked for credit',
      from: 'routed',
      step: 'register',
    });
    h.erp.reject = undefined;
    await h.publish([resumeOrderEvent('eu', '3004', { by: 'ops' })]);
    saga = await h.saga('3004');
    expect(saga?.state).toBe('fulfilment_requested');
    expect(h.erp.orders.size).toBe(1);
  });

  it('reroutes a line the first warehouse cannot pick, then completes when both parts ship', async () => {
    h = await startSagaHarness();
    await h.receive(
      buildOrder({
        id: '3005',
        lines: [
          { sku: 'A', quantity: 1, unitPrice: '10.00' },
          { sku: 'B', quantity: 1, unitPrice: '5.00' },
        ],
      }),
    );
    await h.publish([failed('3005', 'WC-eu-3005/main/1', 'main', '2', 'B')]);
    await h.publish([failed('3005', 'WC-eu-3005/main/1', 'main', '2', 'B')]);
    let saga = await h.saga('3005');
    expect(saga?.routing?.assignments.map((a) => a.location)).toEqual(['main', 'east']);
    expect(h.warehouses.get('east')?.created.map((c) => c.reference)).toEqual(['WC-eu-3005/east/1']);
    expect(await reservedQuantity(h.store.db, 'B', ['east'])).toBe(1);
    await h.ship('eu', '3005', 'WC-eu-3005/main/1');
    expect((await h.saga('3005'))?.state).toBe('partially_shipped');
    await h.ship('eu', '3005', 'WC-eu-3005/east/1');
    saga = await h.saga('3005');
    expect(saga?.state).toBe('settled');
    expect(saga?.shipments.map((s) => s.location)).toEqual(['main', 'east']);
  });

  it('cancels a line no location can serve and requests its refund in the channel', async () => {
    h = await startSagaHarness({
      config: testConfig({
        stores: [{ ...testConfig().stores[0]!, locations: ['main'] }],
        routing: { backorder: 'cancel-line' },
      }),
    });
    await h.receive(
      buildOrder({
        id: '3006',
        lines: [
          { sku: 'A', quantity: 1, unitPrice: '10.00' },
          { sku: 'B', quantity: 2, unitPrice: '5.00' },
        ],
      }),
    );
    await h.publish([
      makeEvent('fulfilment.failed', orderSubject('eu', '3006'), orderPartitionKey('eu', '3006'), {
        storeId: 'eu',
        orderId: '3006',
        requestId: 'WC-eu-3006/main/1',
        location: 'main',
        code: 'line_unfulfillable',
        reason: 'cannot pick',
        lines: [{ lineId: '2', sku: 'B', quantity: 2 }],
      }),
    ]);
    expect(h.channel.refunds).toHaveLength(1);
    expect(h.channel.refunds[0]?.request.amount).toEqual({ currency: 'EUR', amount: '12.00' });
    expect(await reservedQuantity(h.store.db, 'B')).toBe(0);
    await h.ship('eu', '3006', 'WC-eu-3006/main/1');
    const saga = await h.saga('3006');
    expect(saga?.routing?.cancelledLines.map((l) => l.lineId)).toEqual(['2']);
    expect(['completed', 'invoiced', 'settled', 'parked']).toContain(saga?.state);
    expect(h.channel.statuses.get('3006')).toBe('completed');
  });

  it('parks an edit made in WooCommerce after fulfilment was requested', async () => {
    h = await startSagaHarness();
    const order = buildOrder({ id: '3007', lines: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }] });
    await h.receive(order);
    const edited = buildOrder({
      id: '3007',
      lines: [{ sku: 'A', quantity: 3, unitPrice: '10.00' }],
      modifiedAt: '2026-11-23T11:00:00Z',
    });
    await h.receive(edited, 'order.updated');
    const saga = await h.saga('3007');
    expect(saga?.state).toBe('parked');
    expect(saga?.parked?.code).toBe('edited_after_fulfilment');
    expect(saga?.order.lines[0]?.quantity).toBe(3);
  });
});
