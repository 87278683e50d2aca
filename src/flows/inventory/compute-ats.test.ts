import { describe, expect, it } from 'vitest';
import { computeAts } from './compute-ats.js';
import { inventorySettings } from './settings.js';

describe('available-to-sell', () => {
  it('sums locations, subtracts ERP and hub reservations and safety stock, floors at zero', () => {
    const positions = [
      { onHand: 10, erpReserved: 2, asOf: '2026-11-23T10:00:05Z' },
      { onHand: 5, erpReserved: 0, asOf: '2026-11-23T10:00:01Z' },
    ];
    expect(computeAts({ positions, hubReserved: 3, safetyStock: 1 })).toEqual({
      available: 9,
      onHand: 15,
      reserved: 5,
      safetyStock: 1,
      asOf: '2026-11-23T10:00:01Z',
    });
    expect(computeAts({ positions, hubReserved: 30, safetyStock: 1 }).available).toBe(0);
    expect(computeAts({ positions: [], hubReserved: 0, safetyStock: 0, now: 'N' }).asOf).toBe('N');
  });
});

describe('inventory settings', () => {
  const settings = inventorySettings({
    stores: [
      { id: 'eu', locations: ['main', 'east'], safetyStock: 2 },
      { id: 'uk', locations: ['main'] },
    ] as never,
    dropship: [{ id: 'acme', serves: ['eu'] }] as never,
    inventory: { safetyStock: 1, safetyStockPerSku: { MUG: 5 } },
  });

  it('gives each store its warehouses plus the drop-ship suppliers serving it', () => {
    expect(settings.locationsOf('eu')).toEqual(['main', 'east', 'acme']);
    expect(settings.locationsOf('uk')).toEqual(['main']);
    expect(settings.storesAt('main')).toEqual(['eu', 'uk']);
    expect(settings.storesAt('acme')).toEqual(['eu']);
  });

  it('takes safety stock per SKU, else per store, else global', () => {
    expect(settings.safetyStockFor('uk', 'MUG')).toBe(5);
    expect(settings.safetyStockFor('eu', 'TEE')).toBe(2);
    expect(settings.safetyStockFor('uk', 'TEE')).toBe(1);
    expect([settings.staleAfterSeconds, settings.fallback]).toEqual([300, 'last-known']);
  });
});
