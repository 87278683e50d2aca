/**
 * Realistic WMS event bodies for the connector's unit tests (shaped like the emulator's webhooks).
 */
import type { WmsEvent } from './event-schema.js';

export function shippedEvent(
  overrides: Partial<{ id: string; sequence: number; warehouse: string; reference: string }> = {},
): WmsEvent {
  const warehouse = overrides.warehouse ?? 'main';
  return {
    id: overrides.id ?? 'evt_01JD0000000000000000000001',
    type: 'fulfilment.shipped',
    createdAt: '2026-11-23T15:00:00.000Z',
    warehouse,
    sequence: overrides.sequence ?? 4,
    fulfilment: {
      id: 'FO-MAIN-000001',
      reference: overrides.reference ?? 'orders.eu.727/ff-eu-727-1',
      warehouse,
      status: 'shipped',
      lines: [
        { lineRef: '316', sku: 'TEE-M', quantity: 3 },
        { lineRef: '317', sku: 'MUG', quantity: 1 },
      ],
      shipments: [
        {
          id: 'SH-1',
          carrier: 'dhl',
          trackingNumber: 'DHLMAIN000000001',
          trackingUrl: 'https://tracking.example.com/dhl/DHLMAIN000000001',
          shippedAt: '2026-11-23T15:00:00.000Z',
          lines: [{ lineRef: '316', sku: 'TEE-M', quantity: 2 }],
        },
        {
          id: 'SH-2',
          carrier: 'dhl',
          trackingNumber: 'DHLMAIN000000002',
          shippedAt: '2026-11-23T15:00:00.000Z',
          lines: [{ lineRef: '316', sku: 'TEE-M', quantity: 1 }],
        },
      ],
      unfulfilledLines: [{ lineRef: '317', sku: 'MUG', quantity: 1, reason: 'line_unfulfillable' }],
    },
  };
}
