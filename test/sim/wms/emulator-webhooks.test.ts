import { afterEach, describe, expect, it } from 'vitest';
import { startWmsEmulator, type WmsEmulator, type WmsEmulatorOptions } from '../../../sim/wms/index.js';
import {
  call,
  FAST_CLOCK,
  fulfilmentBody,
  requestWithUnpickableLine,
  startReceiver,
  type Receiver,
} from './helpers.js';

const SECRET = 'whsec_e2e';

describe('WMS emulator milestones and signed webhooks', () => {
  let wms: WmsEmulator | undefined;
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await wms?.close();
    await receiver?.close();
  });

  async function start(
    options: Partial<WmsEmulatorOptions> = {},
  ): Promise<{ wms: WmsEmulator; receiver: Receiver }> {
    receiver = await startReceiver(SECRET);
    wms = await startWmsEmulator({
      warehouseId: 'main',
      webhookSecret: SECRET,
      webhookUrl: receiver.url,
      clock: FAST_CLOCK,
      webhookRetry: { attempts: 4, baseDelayMs: 5 },
      seed: 42,
      ...options,
    });
    return { wms, receiver };
  }

  it('moves an order through picking → packed → shipped with carrier and tracking, each event signed', async () => {
    const { wms, receiver } = await start({ carriers: ['dhl'] });
    const created = await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k-1' });
    await wms.flush();
    expect(receiver.refused).toEqual([]);
    expect(receiver.received.map((r) => [r.event.type, r.event.sequence])).toEqual([
      ['fulfilment.picking', 1],
      ['fulfilment.packed', 2],
      ['fulfilment.shipped', 3],
    ]);
    const ids = receiver.received.map((r) => r.event.id);
    expect(new Set(ids).size).toBe(3);
    expect(receiver.received.map((r) => r.headers['x-wms-event-id'])).toEqual(ids);
    expect(receiver.received.map((r) => r.headers['x-wms-event'])).toEqual(
      receiver.received.map((r) => r.event.type),
    );
    const shipped = receiver.received[2]?.event;
    if (!shipped || !('fulfilment' in shipped)) throw new Error('no shipped event');
    expect(shipped.fulfilment).toMatchObject({ id: created.json.id, status: 'shipped' });
    expect(shipped.fulfilment.shipments).toHaveLength(1);
    expect(shipped.fulfilment.shipments[0]).toMatchObject({
      carrier: 'dhl',
      lines: [{ lineRef: '1', sku: 'TEE-M', quantity: 2 }],
    });
    expect(shipped.fulfilment.shipments[0]?.trackingNumber).toMatch(/^DHLMAIN\d{9}$/);
    expect((await call(wms, 'GET', `/v1/fulfilment-orders/${String(created.json.id)}`)).json.status).toBe(
      'shipped',
    );
  });

  it('honours a carrier hint and splits into parcels of at most N units, each tracked', async () => {
    const { wms, receiver } = await start({ maxUnitsPerShipment: 2 });
    await call(wms, 'POST', '/v1/fulfilment-orders', {
      body: {
        ...fulfilmentBody('orders.eu.5/ff', [
          { lineRef: '1', sku: 'A', quantity: 3 },
          { lineRef: '2', sku: 'B', quantity: 2 },
        ]),
        carrierHint: 'ups',
      },
      key: 'k',
    });
    await wms.flush();
    const shipped = receiver.received.at(-1)?.event;
    if (!shipped || !('fulfilment' in shipped)) throw new Error('no shipped event');
    const parcels = shipped.fulfilment.shipments;
    expect(parcels.map((p) => p.lines.map((l) => `${l.sku}x${l.quantity}`).join(' '))).toEqual([
      'Ax2',
      'Ax1 Bx1',
      'Bx1',
    ]);
    expect(new Set(parcels.map((p) => p.trackingNumber)).size).toBe(3);
    expect(parcels.every((p) => p.carrier === 'ups')).toBe(true);
  });

  it('reports unpickable lines in fulfilment.exception and ships the rest', async () => {
    const { wms, receiver } = await start({ faults: { unpickableSkus: ['BROKEN'] } });
    await requestWithUnpickableLine(
      wms,
      'orders.eu.7/ff',
      { lineRef: '1', quantity: 1 },
      { lineRef: '2', quantity: 2 },
    );
    expect(receiver.received.map((r) => r.event.type)).toEqual([
      'fulfilment.picking',
      'fulfilment.exception',
      'fulfilment.packed',
      'fulfilment.shipped',
    ]);
    const exception = receiver.received[1]?.event;
    expect(exception && 'exception' in exception ? exception.exception : undefined).toEqual({
      code: 'line_unfulfillable',
      lines: [{ lineRef: '2', sku: 'BROKEN', quantity: 2 }],
    });
    const shipped = receiver.received[3]?.event;
    if (!shipped || !('fulfilment' in shipped)) throw new Error('no shipped event');
    expect(shipped.fulfilment.shipments.flatMap((s) => s.lines)).toEqual([
      { lineRef: '1', sku: 'OK', quantity: 1 },
    ]);
    expect(shipped.fulfilment.unfulfilledLines).toEqual([
      { lineRef: '2', sku: 'BROKEN', quantity: 2, reason: 'line_unfulfillable' },
    ]);
  });

  it('ends in exception, with nothing shipped, when no line can be picked', async () => {
    const { wms, receiver } = await start({ faults: { unpickableSkus: ['BROKEN'] } });
    const created = await call(wms, 'POST', '/v1/fulfilment-orders', {
      body: fulfilmentBody('r', [{ lineRef: '1', sku: 'BROKEN', quantity: 1 }]),
      key: 'k',
    });
    await wms.flush();
    expect(receiver.received.map((r) => r.event.type)).toEqual([
      'fulfilment.picking',
      'fulfilment.exception',
    ]);
    expect(wms.fulfilments.get(String(created.json.id))?.status).toBe('exception');
  });

  it('retries a refused delivery with back-off until it is accepted', async () => {
    const { wms, receiver } = await start();
    receiver.respond = (n) => (n <= 2 ? 500 : 202);
    await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k' });
    await wms.flush();
    expect(receiver.received.map((r) => r.event.sequence)).toEqual([1, 2, 3]);
    expect(wms.deliveries.count({ sequence: 1 })).toBe(3);
    expect(
      wms.deliveries
        .list()
        .filter((d) => d.sequence === 1)
        .map((d) => d.status),
    ).toEqual([500, 500, 202]);
    expect(receiver.received[0]?.headers['x-wms-delivery-attempt']).toBe('3');
  });

  it('duplicates events (same event id) under duplicateEventRate', async () => {
    const { wms, receiver } = await start({ faults: { duplicateEventRate: 1 } });
    await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k' });
    await wms.flush();
    expect(receiver.received.map((r) => r.event.sequence)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(new Set(receiver.received.map((r) => r.event.id)).size).toBe(3);
  });

  it('delivers out of order under reorderEvents; a receiver keeping the highest sequence ends at shipped', async () => {
    const { wms, receiver } = await start({ faults: { reorderEvents: true, unpickableSkus: ['BROKEN'] } });
    await requestWithUnpickableLine(wms, 'orders.eu.8/ff');
    expect(receiver.received.map((r) => r.event.sequence)).toEqual([4, 3, 2, 1]);
    let latest = 0;
    let state: string | undefined;
    let unfulfilled = 0;
    for (const { event } of receiver.received) {
      if (event.sequence <= latest || !('fulfilment' in event)) continue;
      latest = event.sequence;
      state = event.fulfilment.status;
      unfulfilled = event.fulfilment.unfulfilledLines.length;
    }
    // Skipping the older events lost nothing: the newest snapshot still reports the unpickable line.
    expect([state, unfulfilled]).toEqual(['shipped', 1]);
  });

  it('fires return.received for a received return, idempotently', async () => {
    const { wms, receiver } = await start();
    const body = {
      reference: 'orders.eu.9/rma-1',
      lines: [{ sku: 'TEE-M', quantity: 1, condition: 'sellable' }],
    };
    const first = await call(wms, 'POST', '/v1/returns', { body, key: 'rma-1' });
    const again = await call(wms, 'POST', '/v1/returns', { body, key: 'rma-1' });
    expect([first.status, again.status, again.json.id]).toEqual([201, 200, first.json.id]);
    await wms.flush();
    expect(receiver.received.map((r) => r.event.type)).toEqual(['return.received']);
    expect(receiver.received[0]?.event).toMatchObject({
      sequence: 1,
      return: { id: first.json.id, reference: 'orders.eu.9/rma-1' },
    });
    const invalid = await call(wms, 'POST', '/v1/returns', {
      body: { reference: 'x', lines: [{ sku: 'A', quantity: 1, condition: 'lost' }] },
      key: 'x',
    });
    expect(invalid.status).toBe(400);
  });

  it('cancellation stops the clock and is announced', async () => {
    const { wms, receiver } = await start({ clock: { pickMs: 60_000, packMs: 5, shipMs: 5 } });
    const created = await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k' });
    await call(wms, 'POST', `/v1/fulfilment-orders/${String(created.json.id)}/cancel`);
    // flush() returning at all proves the 60 s pick timer was disarmed.
    await wms.flush();
    expect(wms.fulfilments.get(String(created.json.id))?.status).toBe('cancelled');
    expect(receiver.received.map((r) => [r.event.type, r.event.sequence])).toEqual([
      ['fulfilment.cancelled', 1],
    ]);
  });
});
