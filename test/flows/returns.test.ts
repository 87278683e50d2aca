import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent, orderPartitionKey, orderSubject } from '../../src/canonical/index.js';
import type { EventInput } from '../../src/runtime/contracts.js';
import { readTimelineEntries } from '../../src/ops/timeline/read-timeline.js';
import { buildOrder } from './order-fixture.js';
import { startSagaHarness, type SagaHarness } from './saga-harness.js';

const returnReceived = (
  orderId: string,
  lines: { sku: string; quantity: number; condition: string }[],
): EventInput => ({
  type: 'return.received',
  subject: orderSubject('eu', orderId),
  partitionKey: orderPartitionKey('eu', orderId),
  data: {
    storeId: 'eu',
    orderId,
    location: 'main',
    wmsReturnId: 'RT-1',
    reference: `WC-eu-${orderId}`,
    lines,
    receivedAt: '2026-11-24T10:00:00Z',
  },
});

describe('returns and refunds flow', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await startSagaHarness();
    await h.receive(
      buildOrder({
        id: '5001',
        lines: [
          { sku: 'TEE-M', quantity: 2, unitPrice: '10.00' },
          { sku: 'MUG', quantity: 1, unitPrice: '5.00' },
        ],
      }),
    );
    await h.ship('eu', '5001', 'WC-eu-5001/main/1');
  });
  afterEach(async () => {
    await h.stop();
  });

  it('turns a partial WooCommerce refund with restock into one credit note and a stock return', async () => {
    const refund = makeEvent(
      'refund.requested',
      orderSubject('eu', '5001'),
      orderPartitionKey('eu', '5001'),
      {
        storeId: 'eu',
        orderId: '5001',
        amount: { currency: 'EUR', amount: '12.00' },
        reason: 'WooCommerce refund 77: too small',
        restock: true,
        lines: [{ lineId: '1', sku: 'TEE-M', quantity: 1 }],
      },
    );
    await h.publish([refund]);
    await h.publish([{ ...refund }]);
    expect(h.erp.creditNotes).toHaveLength(1);
    const note = h.erp.creditNotes[0];
    expect(note?.erpOrderId).toBe('1');
    expect(note?.refund).toMatchObject({
      id: 'woocommerce:eu:77',
      amount: { amount: '12.00' },
      restock: true,
    });
    expect(note?.refund.lines).toEqual([
      {
        lineId: '1',
        sku: 'TEE-M',
        quantity: 1,
        amount: { currency: 'EUR', amount: '10.00' },
        tax: { currency: 'EUR', amount: '2.00' },
      },
    ]);
    expect(h.stockReturns).toEqual([
      expect.objectContaining({ erpOrderId: '1', lines: [{ sku: 'TEE-M', quantity: 1 }] }),
    ]);
    const summaries = (await readTimelineEntries(h.store.db, 'order:eu:5001')).map((e) => e.summary);
    expect(summaries.some((s) => s.startsWith('Credit note'))).toBe(true);
  });

  it('requests the refund in WooCommerce once when a return reaches the warehouse', async () => {
    await h.publish([returnReceived('5001', [{ sku: 'MUG', quantity: 1, condition: 'sellable' }])]);
    await h.publish([returnReceived('5001', [{ sku: 'MUG', quantity: 1, condition: 'sellable' }])]);
    expect(h.channel.refunds).toHaveLength(1);
    expect(h.channel.refunds[0]?.request).toMatchObject({
      amount: { currency: 'EUR', amount: '6.00' },
      restock: false,
      reason: 'Return RT-1 received at main',
    });
  });

  it('parks a return holding goods that were not on the order, refunding nothing', async () => {
    await h.publish([returnReceived('5001', [{ sku: 'SOCKS', quantity: 1, condition: 'sellable' }])]);
    expect(h.channel.refunds).toHaveLength(0);
    const parked = await h.runtime.parked.list({});
    expect(parked.map((p) => p.reason.code)).toContain('return_mismatch');
  });
});
