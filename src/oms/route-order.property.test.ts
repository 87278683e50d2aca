import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rerouteLine } from './reroute-line.js';
import { routeOrder } from './route-order.js';
import type { RoutingRules } from './routing-rules.js';
import type { CandidateLocation, RouteInput, RoutingResult } from './types.js';

const SKUS = ['A', 'B', 'C', 'D'];
const LOCATION_IDS = ['w1', 'w2', 'w3', 'ds'];

const rulesArb: fc.Arbitrary<RoutingRules> = fc.record({
  strategy: fc.constantFrom('minimise-split' as const, 'priority' as const),
  allowSplit: fc.boolean(),
  allowPartialLine: fc.boolean(),
  backorder: fc.constantFrom('backorder' as const, 'cancel-line' as const),
  preferRegion: fc.boolean(),
  excludeLocations: fc.subarray(LOCATION_IDS, { maxLength: 2 }),
});

const locationsArb: fc.Arbitrary<CandidateLocation[]> = fc
  .uniqueArray(fc.constantFrom(...LOCATION_IDS), { minLength: 0, maxLength: 4 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          kind: fc.constant(id === 'ds' ? ('dropship' as const) : ('warehouse' as const)),
          priority: fc.integer({ min: 1, max: 3 }),
          regions: fc.subarray(['eu', 'us']),
          serves: fc.option(fc.subarray(['eu', 'us']), { nil: undefined }),
          costPerShipment: fc.option(fc.constantFrom('0', '4.90', '7.5'), { nil: undefined }),
          available: fc.dictionary(fc.constantFrom(...SKUS), fc.integer({ min: -2, max: 6 })),
        }),
      ),
    ),
  )
  .map((locations) =>
    locations.map(({ serves, costPerShipment, ...rest }) => ({
      ...rest,
      ...(serves ? { serves } : {}),
      ...(costPerShipment ? { costPerShipment } : {}),
    })),
  );

const inputArb: fc.Arbitrary<RouteInput> = fc
  .array(fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 8 }) }), {
    minLength: 1,
    maxLength: 6,
  })
  .chain((lines) =>
    fc.record({
      orderKey: fc.constant('order:eu:1'),
      storeId: fc.constantFrom('eu', 'us'),
      storeRegion: fc.constantFrom('eu', 'us'),
      lines: fc.constant(lines.map((line, index) => ({ lineRef: String(index + 1), ...line }))),
    }),
  );

/** Every ordered unit is in exactly one place, and no location ships more than it has. */
function assertConservation(
  input: RouteInput,
  locations: CandidateLocation[],
  result: RoutingResult,
  rules: RoutingRules,
): void {
  for (const line of input.lines) {
    const shipped = result.fulfilments
      .flatMap((f) => f.lines)
      .filter((l) => l.lineRef === line.lineRef)
      .reduce((s, l) => s + l.quantity, 0);
    const back = result.backorders
      .filter((l) => l.lineRef === line.lineRef)
      .reduce((s, l) => s + l.quantity, 0);
    const cancelled = result.cancelled
      .filter((l) => l.lineRef === line.lineRef)
      .reduce((s, l) => s + l.quantity, 0);
    expect(shipped + back + cancelled).toBe(line.quantity);
    if (!rules.allowPartialLine) expect([0, line.quantity]).toContain(shipped);
  }
  for (const fulfilment of result.fulfilments) {
    const location = locations.find((l) => l.id === fulfilment.locationId);
    expect(location).toBeDefined();
    expect(rules.excludeLocations ?? []).not.toContain(fulfilment.locationId);
    const used = new Map<string, number>();
    for (const line of fulfilment.lines) {
      expect(line.quantity).toBeGreaterThan(0);
      used.set(line.sku, (used.get(line.sku) ?? 0) + line.quantity);
    }
    for (const [sku, units] of used)
      expect(units).toBeLessThanOrEqual(Math.max(0, location?.available[sku] ?? 0));
  }
  expect(new Set(result.fulfilments.map((f) => f.locationId)).size).toBe(result.fulfilments.length);
  if (!rules.allowSplit) expect(result.fulfilments.length).toBeLessThanOrEqual(1);
  if (rules.backorder === 'cancel-line') expect(result.backorders).toEqual([]);
  else expect(result.cancelled).toEqual([]);
}

describe('routeOrder properties', () => {
  it('places every ordered unit exactly once, within available stock', () => {
    fc.assert(
      fc.property(inputArb, locationsArb, rulesArb, (input, locations, rules) => {
        assertConservation(input, locations, routeOrder(input, { locations }, rules), rules);
      }),
      { numRuns: 400 },
    );
  });

  it('ships from a single location whenever one holds the whole order (minimise-split)', () => {
    fc.assert(
      fc.property(inputArb, locationsArb, (input, locations) => {
        const rules: RoutingRules = {
          strategy: 'minimise-split',
          allowSplit: true,
          allowPartialLine: false,
          backorder: 'backorder',
          preferRegion: true,
        };
        const result = routeOrder({ ...input, storeId: undefined }, { locations }, rules);
        const need = new Map<string, number>();
        for (const line of input.lines) need.set(line.sku, (need.get(line.sku) ?? 0) + line.quantity);
        const someoneHasAll = locations.some((l) =>
          [...need].every(([sku, q]) => (l.available[sku] ?? 0) >= q),
        );
        if (someoneHasAll) expect(result.fulfilments).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it('a reroute never uses the failed location and conserves the moved units', () => {
    fc.assert(
      fc.property(inputArb, locationsArb, rulesArb, (input, locations, rules) => {
        const plan = routeOrder(input, { locations }, rules);
        const failed = plan.fulfilments[0];
        const line = failed?.lines[0];
        if (!failed || !line) return;
        const next = rerouteLine(plan, failed.locationId, input, line.lineRef, { locations }, rules);
        expect(next.fulfilments.map((f) => f.locationId)).not.toContain(failed.locationId);
        const moved = [
          ...next.fulfilments.flatMap((f) => f.lines),
          ...next.backorders,
          ...next.cancelled,
        ].reduce((s, l) => s + l.quantity, 0);
        expect(moved).toBe(line.quantity);
      }),
      { numRuns: 300 },
    );
  });
});
