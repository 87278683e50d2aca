import { describe, expect, it } from 'vitest';
import type { FulfilmentRequest } from '../../canonical/models/fulfilment.js';
import { BusinessError } from '../../runtime/errors.js';
import { fromWmsEvent, toWmsFulfilmentRequest } from './mapping.js';
import { parseWmsReference } from './reference.js';
import { shippedEvent } from './test-events.js';

const request: FulfilmentRequest = {
  id: 'ff-eu-727-1',
  orderSubject: 'order:eu:727',
  storeId: 'eu',
  orderNumber: '727',
  location: 'main',
  kind: 'warehouse',
  lines: [{ lineId: '316', sku: 'TEE-M', quantity: 3 }],
  shipTo: {
    firstName: 'John',
    lastName: 'Doe',
    line1: '969 Market',
    city: 'San Francisco',
    region: 'CA',
    postcode: '94103',
    country: 'US',
    phone: '',
  },
  shippingMethod: 'ups',
  requestedAt: '2026-11-23T15:00:00Z',
};

describe('WMS mapping', () => {
  it('turns a canonical fulfilment request into the WMS body, keyed by the request id', () => {
    expect(toWmsFulfilmentRequest(request)).toEqual({
      idempotencyKey: 'ff-eu-727-1',
      body: {
        reference: 'orders.eu.727/ff-eu-727-1',
        warehouse: 'main',
        lines: [{ lineRef: '316', sku: 'TEE-M', quantity: 3 }],
        shipTo: {
          name: 'John Doe',
          address1: '969 Market',
          city: 'San Francisco',
          postcode: '94103',
          region: 'CA',
          country: 'US',
        },
        carrierHint: 'ups',
      },
    });
  });

  it('parks a request whose address cannot be shipped to', () => {
    const bad = { ...request, shipTo: { firstName: 'John', city: 'Paris' } };
    expect(() => toWmsFulfilmentRequest(bad)).toThrow(BusinessError);
    expect(() => toWmsFulfilmentRequest(bad)).toThrow(/line1, country/);
  });

  it('maps a shipped event to canonical shipments and unfulfillable lines', () => {
    const update = fromWmsEvent(shippedEvent());
    expect(update).toMatchObject({
      kind: 'fulfilment',
      eventType: 'fulfilment.shipped',
      sequence: 4,
      status: 'shipped',
      location: 'main',
      wmsFulfilmentId: 'FO-MAIN-000001',
      fulfilmentRequestId: 'ff-eu-727-1',
      orderSubject: 'order:eu:727',
      unfulfillable: [{ lineId: '317', sku: 'MUG', quantity: 1, reason: 'line_unfulfillable' }],
    });
    if (update.kind !== 'fulfilment') throw new Error('expected a fulfilment update');
    expect(update.shipments).toHaveLength(2);
    expect(update.shipments[0]).toEqual({
      id: 'wms:main:SH-1',
      fulfilmentRequestId: 'ff-eu-727-1',
      orderSubject: 'order:eu:727',
      location: 'main',
      carrier: 'dhl',
      trackingNumber: 'DHLMAIN000000001',
      trackingUrl: 'https://tracking.example.com/dhl/DHLMAIN000000001',
      lines: [{ lineId: '316', sku: 'TEE-M', quantity: 2 }],
      shippedAt: '2026-11-23T15:00:00.000Z',
    });
  });

  it('maps a return receipt', () => {
    const update = fromWmsEvent({
      id: 'evt_r',
      type: 'return.received',
      createdAt: '2026-11-23T15:00:00Z',
      warehouse: 'main',
      sequence: 1,
      return: {
        id: 'RT-1',
        reference: 'orders.eu.727/rma-1',
        lines: [{ sku: 'TEE-M', quantity: 1, condition: 'sellable' }],
        receivedAt: '2026-11-23T15:00:00Z',
      },
    });
    expect(update).toMatchObject({
      kind: 'return',
      wmsReturnId: 'RT-1',
      orderSubject: 'order:eu:727',
      lines: [{ sku: 'TEE-M', quantity: 1, condition: 'sellable' }],
    });
  });

  it('gives a foreign reference its own partition', () => {
    expect(parseWmsReference('MANUAL-42', 'main')).toEqual({
      partitionKey: 'wms.main.MANUAL-42',
      fulfilmentRequestId: undefined,
      orderSubject: undefined,
    });
    expect(parseWmsReference('orders.eu-2.1001/ff', 'main')).toMatchObject({
      partitionKey: 'orders.eu-2.1001',
      orderSubject: 'order:eu-2:1001',
    });
  });

  it("reads the saga's WC-<store>-<order>/<location>/<attempt> references", () => {
    expect(parseWmsReference('WC-eu-2-1001/main/3', 'main')).toEqual({
      partitionKey: 'orders.eu-2.1001',
      fulfilmentRequestId: 'WC-eu-2-1001/main/3',
      orderSubject: 'order:eu-2:1001',
    });
    expect(parseWmsReference('WC-us-7', 'main')).toMatchObject({
      partitionKey: 'orders.us.7',
      orderSubject: 'order:us:7',
    });
  });
});
