import { describe, expect, it } from 'vitest';
import { rerouteLine } from './reroute-line.js';
import { routeOrder } from './route-order.js';
import { DEFAULT_ROUTING_RULES } from './routing-rules.js';
import type { CandidateLocation, RouteInput } from './types.js';

const input: RouteInput = {
  orderKey: 'order:eu:9',
  lines: [
    { lineRef: '1', sku: 'A', quantity: 2 },
    { lineRef: '2', sku: 'B', quantity: 1 },
  ],
};
const locations: CandidateLocation[] = [
  { id: 'main', kind: 'warehouse', priority: 1, available: { A: 5, B: 5 } },
  { id: 'second', kind: 'warehouse', priority: 2, available: { A: 5 } },
  { id: 'third', kind: 'warehouse', priority: 2, available: { A: 5, B: 1 } },
];

describe('rerouteLine', () => {
  const plan = routeOrder(input, { locations }, DEFAULT_ROUTING_RULES);

  it('moves the unpickable line to the next best location, never the failed one', () => {
    expect(plan.fulfilments.map((f) => f.locationId)).toEqual(['main']);
    const next = rerouteLine(plan, 'main', input, '1', { locations }, DEFAULT_ROUTING_RULES);
    expect(next.fulfilments).toEqual([
      { locationId: 'second', kind: 'warehouse', lines: [{ lineRef: '1', sku: 'A', quantity: 2 }] },
    ]);
    expect(next.decisions[0]?.reasons[0]).toBe('rerouted from main: it could not pick 2 unit(s)');
    expect(next.decisions[0]?.rejected).toContainEqual({
      locationId: 'main',
      reason: 'could not pick this line',
    });
  });

  it('prefers a location already shipping part of the order on equal rank', () => {
    const split = {
      ...plan,
      fulfilments: [...plan.fulfilments, { locationId: 'third', kind: 'warehouse' as const, lines: [] }],
    };
    const next = rerouteLine(split, 'main', input, '1', { locations }, DEFAULT_ROUTING_RULES);
    expect(next.fulfilments[0]?.locationId).toBe('third');
  });

  it('skips locations that failed before and backorders when nothing is left', () => {
    const next = rerouteLine(plan, 'main', input, '1', { locations }, DEFAULT_ROUTING_RULES, {
      alsoFailed: ['second', 'third'],
    });
    expect(next.fulfilments).toEqual([]);
    expect(next.backorders).toEqual([{ lineRef: '1', sku: 'A', quantity: 2 }]);
    expect(next.decisions[0]?.rejected).toContainEqual({
      locationId: 'second',
      reason: 'failed to pick this line before',
    });
  });

  it('cancels instead under the cancel-line policy, for the given quantity only', () => {
    const rules = { ...DEFAULT_ROUTING_RULES, backorder: 'cancel-line' as const };
    const next = rerouteLine(plan, 'main', input, '2', { locations: locations.slice(0, 2) }, rules, {
      quantity: 1,
    });
    expect(next.cancelled).toEqual([{ lineRef: '2', sku: 'B', quantity: 1 }]);
    expect(next.backorders).toEqual([]);
  });

  it('refuses an unknown line', () => {
    expect(() => rerouteLine(plan, 'main', input, '99', { locations }, DEFAULT_ROUTING_RULES)).toThrow(
      /no line 99/,
    );
  });
});
