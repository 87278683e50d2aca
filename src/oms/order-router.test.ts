import { describe, expect, it } from 'vitest';
import { candidatesFromConfig } from './candidates-from-config.js';
import { createOmsRouter } from './order-router.js';
import { DEFAULT_ROUTING_RULES } from './routing-rules.js';
import { routingRulesFromConfig } from './rules-from-config.js';

const config = {
  stores: [
    { id: 'eu', locations: ['main', 'second'], region: 'EU' },
    { id: 'us', locations: ['us-wh'], region: 'US' },
  ],
  warehouses: [
    { id: 'main', region: 'EU' },
    { id: 'second', region: 'EU', costPerShipment: '3.50' },
    { id: 'us-wh', region: 'US' },
  ],
  dropship: [{ id: 'acme', serves: ['eu', 'us'] }],
};

describe('candidatesFromConfig', () => {
  it("lists the store's warehouses in configured order, then the drop-ship suppliers serving it", () => {
    const { locations } = candidatesFromConfig(config, 'eu', { main: { A: 1 } });
    expect(locations.map((l) => [l.id, l.kind, l.priority])).toEqual([
      ['main', 'warehouse', 1],
      ['second', 'warehouse', 2],
      ['acme', 'dropship', 1000],
    ]);
    expect(locations[0]?.available).toEqual({ A: 1 });
    expect(locations[1]).toMatchObject({ regions: ['EU'], costPerShipment: '3.50' });
  });
});

describe('createOmsRouter', () => {
  it('routes from availability, never to excluded locations, and explains per line', async () => {
    const asked: string[][] = [];
    const router = createOmsRouter({
      config,
      rules: DEFAULT_ROUTING_RULES,
      availability: async (locationIds, skus) => {
        asked.push([...locationIds, '|', ...skus]);
        return { main: { A: 5, B: 0 }, second: { A: 5, B: 5 }, acme: { A: 9, B: 9 } };
      },
    });
    const lines = [
      { lineId: '1', sku: 'A', quantity: 1 },
      { lineId: '2', sku: 'B', quantity: 1 },
    ];
    const first = await router.route({ order: { storeId: 'eu', externalId: '7' }, lines, exclude: [] });
    expect(asked).toEqual([['main', 'second', 'acme', '|', 'A', 'B']]);
    expect(first.assignments).toEqual([{ location: 'second', kind: 'warehouse', lines }]);
    expect(first.reasons).toContain('line 1 (A): second can ship the whole order in one shipment');
    const rerouted = await router.route({
      order: { storeId: 'eu', externalId: '7' },
      lines,
      exclude: ['second'],
    });
    expect(rerouted.assignments.map((a) => a.location)).toEqual(['acme']);
    expect(rerouted.backorders).toEqual([]);
  });
});

describe('routingRulesFromConfig', () => {
  it('fills defaults and refuses bad values by key path', () => {
    expect(routingRulesFromConfig(undefined)).toEqual({ ok: true, rules: DEFAULT_ROUTING_RULES });
    expect(routingRulesFromConfig({ strategy: 'priority', excludeLocations: ['x'] })).toEqual({
      ok: true,
      rules: { ...DEFAULT_ROUTING_RULES, strategy: 'priority', excludeLocations: ['x'] },
    });
    const bad = routingRulesFromConfig({ allowSplit: 'yes', colour: 'red' });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['routing.allowSplit']));
    expect(routingRulesFromConfig([1])).toEqual({
      ok: false,
      errors: [{ path: 'routing', message: 'must be an object' }],
    });
  });
});
