import { afterEach, describe, expect, it } from 'vitest';
import { makeEvent, orderPartitionKey, orderSubject } from '../../src/canonical/index.js';
import { resumeOrderEvent } from '../../src/flows/order-to-cash/index.js';
import { readTimelineEntries } from '../../src/ops/timeline/read-timeline.js';
import { twoLineOrder } from './order-fixture.js';
import { lineFailed, startSagaHarness, type SagaHarness } from './saga-harness.js';

/** One parcel of some of a fulfilment's units, as the WMS ingest would report it. */
function parcel(
  orderId: string,
  id: string,
  location: string,
  lines: { lineId: string; sku: string; quantity: number }[],
) {
  return makeEvent('shipment.confirmed', orderSubject('eu', orderId), orderPartitionKey('eu', orderId), {
    storeId: 'eu',
    orderId,
    shipment: {
      id,
      fulfilmentRequestId: `WC-eu-${orderId}/${location}/1`,
      orderSubject: orderSubject('eu', orderId),
      location,
      carrier: 'ups',
      trackingNumber: `1Z-${id}`,
      lines,
      shippedAt: '2026-11-23T12:00:00Z',
    },
  });
}

describe('order-to-cash saga: the ERP delivery follows the warehouse', () => {
  let h: SagaHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('validates the ERP delivery once for the shipped quantities, with carrier and tracking', async () => {
    h = await startSagaHarness();
    await h.receive(twoLineOrder('6001'));
    await h.ship('eu', '6001', 'WC-eu-6001/main/1');
    await h.ship('eu', '6001', 'WC-eu-6001/main/1');
    const saga = await h.saga('6001');
    expect(saga?.state).toBe('settled');
    expect(h.erp.validations).toEqual([
      {
        erpPickingId: 'P1',
        trackingNumber: 'TRK-WCeu6001main1',
        carrier: 'dhl',
        lines: [
          { sku: 'A', quantity: 2 },
          { sku: 'B', quantity: 1 },
        ],
      },
    ]);
    const [delivery] = await h.erp.readDeliveries(saga?.erp?.id ?? '');
    expect(delivery).toMatchObject({ state: 'done', trackingNumber: 'TRK-WCeu6001main1', carrier: 'dhl' });
    expect(saga?.shipments[0]?.erp).toEqual({ status: 'validated', pickingId: 'P1', name: 'WH/OUT/00001' });
    const summaries = (await readTimelineEntries(h.store.db, 'order:eu:6001')).map((e) => e.summary);
    expect(summaries).toContainEqual(expect.stringContaining('ERP delivery WH/OUT/00001 validated'));
  });

  it('validates a partial parcel and leaves the rest on the backorder for the next one', async () => {
    h = await startSagaHarness();
    await h.receive(twoLineOrder('6002'));
    await h.publish([parcel('6002', 'S1', 'main', [{ lineId: '1', sku: 'A', quantity: 1 }])]);
    expect((await h.saga('6002'))?.state).toBe('partially_shipped');
    let deliveries = await h.erp.readDeliveries('1');
    expect(
      deliveries.map((d) => [d.erpPickingId, d.state, d.lines.map((l) => `${l.quantity}×${l.sku}`)]),
    ).toEqual([
      ['P1', 'done', ['2×A', '1×B']],
      ['P2', 'ready', ['1×A', '1×B']],
    ]);
    expect(deliveries[0]?.lines.map((l) => l.done)).toEqual([1, 0]);
    await h.publish([
      parcel('6002', 'S2', 'main', [
        { lineId: '1', sku: 'A', quantity: 1 },
        { lineId: '2', sku: 'B', quantity: 1 },
      ]),
    ]);
    expect((await h.saga('6002'))?.state).toBe('settled');
    deliveries = await h.erp.readDeliveries('1');
    expect(deliveries.map((d) => [d.erpPickingId, d.state, d.trackingNumber])).toEqual([
      ['P1', 'done', '1Z-S1'],
      ['P2', 'done', '1Z-S2'],
    ]);
    expect(h.erp.validations.map((v) => v.erpPickingId)).toEqual(['P1', 'P2']);
  });

  it('retries a transient ERP error and validates exactly once', async () => {
    h = await startSagaHarness();
    await h.receive(twoLineOrder('6003'));
    h.erp.deliveryFault = { kind: 'transient', times: 2, message: 'Odoo timed out' };
    await h.ship('eu', '6003', 'WC-eu-6003/main/1');
    await h.runtime.idle();
    expect((await h.saga('6003'))?.state).toBe('settled');
    expect(h.erp.calls.filter((c) => c === 'validateDelivery')).toHaveLength(3);
    expect(h.erp.validations).toHaveLength(1);
    expect((await h.erp.readDeliveries('1')).map((d) => d.state)).toEqual(['done']);
  });

  it("parks with the ERP's reason when it refuses the delivery, and finishes once resumed", async () => {
    h = await startSagaHarness();
    await h.receive(twoLineOrder('6004'));
    h.erp.deliveryFault = {
      kind: 'business',
      times: 1,
      message: 'You cannot validate a transfer if no quantities are reserved nor done.',
    };
    await h.ship('eu', '6004', 'WC-eu-6004/main/1');
    let saga = await h.saga('6004');
    expect(saga?.state).toBe('parked');
    expect(saga?.parked).toMatchObject({
      step: 'deliver',
      from: 'shipped',
      reason: expect.stringContaining('no quantities are reserved nor done'),
    });
    expect(h.channel.statuses.get('6004')).toBeUndefined();
    await h.publish([resumeOrderEvent('eu', '6004', { by: 'ops' })]);
    saga = await h.saga('6004');
    expect(saga?.state).toBe('settled');
    expect(h.erp.validations).toHaveLength(1);
  });

  it('leaves the ERP delivery alone for a parcel from another warehouse, and says why', async () => {
    h = await startSagaHarness();
    await h.receive(twoLineOrder('6005'));
    await h.publish([
      lineFailed('6005', 'WC-eu-6005/main/1', 'main', { lineId: '2', sku: 'B', quantity: 1 }, 'B damaged'),
    ]);
    await h.ship('eu', '6005', 'WC-eu-6005/main/1');
    await h.ship('eu', '6005', 'WC-eu-6005/east/1');
    const saga = await h.saga('6005');
    expect(saga?.state).toBe('settled');
    expect(h.erp.validations).toEqual([
      expect.objectContaining({ erpPickingId: 'P1', lines: [{ sku: 'A', quantity: 2 }] }),
    ]);
    expect(saga?.shipments.map((s) => s.erp?.status)).toEqual(['validated', 'not_validated']);
    const summaries = (await readTimelineEntries(h.store.db, 'order:eu:6005')).map((e) => e.summary);
    expect(summaries).toContainEqual(
      expect.stringMatching(
        /ERP delivery not validated for 1× B .*shipped from east but the ERP order ships from main/,
      ),
    );
  });
});
