import { describe, expect, it } from 'vitest';
import { routeOrder } from './route-order.js';
import { DEFAULT_ROUTING_RULES, type RoutingRules } from './routing-rules.js';
import type { CandidateLocation, RouteInput } from './types.js';

const loc = (
  id: string,
  available: Record<string, number>,
  extra: Partial<CandidateLocation> = {},
): CandidateLocation => ({
  id,
  kind: 'warehouse',
  priority: 1,
  available,
  ...extra,
});
const order = (lines: [string, string, number][], extra: Partial<RouteInput> = {}): RouteInput => ({
  orderKey: 'order:eu:1',
  lines: lines.map(([lineRef, sku, quantity]) => ({ lineRef, sku, quantity })),
  ...extra,
});
const rules = (patch: Partial<RoutingRules> = {}): RoutingRules => ({ ...DEFAULT_ROUTING_RULES, ...patch });

/** `{ location: 'lineRef×qty …' }` plus backorders/cancelled, compact enough for a table. */
function summary(result: ReturnType<typeof routeOrder>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of result.fulfilments)
    out[f.locationId] = f.lines.map((l) => `${l.lineRef}x${l.quantity}`).join(' ');
  if (result.backorders.length)
    out.backorder = result.backorders.map((l) => `${l.lineRef}x${l.quantity}`).join(' ');
  if (result.cancelled.length)
    out.cancelled = result.cancelled.map((l) => `${l.lineRef}x${l.quantity}`).join(' ');
  return out;
}

describe('routeOrder', () => {
  const cases: {
    name: string;
    input: RouteInput;
    locations: CandidateLocation[];
    rules: RoutingRules;
    expected: Record<string, string>;
  }[] = [
    {
      name: 'one location with everything ships it all in one shipment',
      input: order([
        ['1', 'A', 2],
        ['2', 'B', 1],
      ]),
      locations: [loc('w1', { A: 2 }), loc('w2', { A: 5, B: 5 }, { priority: 2 })],
      rules: rules(),
      expected: { w2: '1x2 2x1' },
    },
    {
      name: 'priority breaks ties between complete locations',
      input: order([['1', 'A', 1]]),
      locations: [loc('w2', { A: 5 }, { priority: 2 }), loc('w1', { A: 5 }, { priority: 1 })],
      rules: rules(),
      expected: { w1: '1x1' },
    },
    {
      name: 'store region beats priority when preferRegion',
      input: order([['1', 'A', 1]], { storeRegion: 'us' }),
      locations: [
        loc('eu', { A: 5 }, { regions: ['eu'] }),
        loc('us', { A: 5 }, { regions: ['us'], priority: 9 }),
      ],
      rules: rules(),
      expected: { us: '1x1' },
    },
    {
      name: 'region ignored when preferRegion is off',
      input: order([['1', 'A', 1]], { storeRegion: 'us' }),
      locations: [
        loc('eu', { A: 5 }, { regions: ['eu'] }),
        loc('us', { A: 5 }, { regions: ['us'], priority: 9 }),
      ],
      rules: rules({ preferRegion: false }),
      expected: { eu: '1x1' },
    },
    {
      name: 'cost breaks ties at equal priority',
      input: order([['1', 'A', 3]]),
      locations: [
        loc('dear', { A: 5 }, { costPerShipment: '5.00', costPerUnit: '1.00' }),
        loc('cheap', { A: 5 }, { costPerShipment: '6.00', costPerUnit: '0.10' }),
      ],
      rules: rules(),
      expected: { cheap: '1x3' },
    },
    {
      name: 'greedy cover: fewest locations when none has all',
      input: order([
        ['1', 'A', 1],
        ['2', 'B', 1],
        ['3', 'C', 1],
      ]),
      locations: [
        loc('w1', { A: 1 }),
        loc('w2', { B: 1, C: 1 }, { priority: 2 }),
        loc('w3', { A: 1, B: 1 }, { priority: 3 }),
      ],
      rules: rules(),
      expected: { w2: '2x1 3x1', w1: '1x1' },
    },
    {
      name: 'no split: the location shipping the most, rest backordered',
      input: order([
        ['1', 'A', 1],
        ['2', 'B', 4],
      ]),
      locations: [loc('w1', { A: 1 }), loc('w2', { B: 4 }, { priority: 2 })],
      rules: rules({ allowSplit: false }),
      expected: { w2: '2x4', backorder: '1x1' },
    },
    {
      name: 'partial line split across locations when allowed',
      input: order([['1', 'A', 5]]),
      locations: [loc('w1', { A: 3 }), loc('w2', { A: 1 }, { priority: 2 })],
      rules: rules({ allowPartialLine: true }),
      expected: { w1: '1x3', w2: '1x1', backorder: '1x1' },
    },
    {
      name: 'whole line backordered when partial lines are not allowed',
      input: order([['1', 'A', 5]]),
      locations: [loc('w1', { A: 3 })],
      rules: rules(),
      expected: { backorder: '1x5' },
    },
    {
      name: 'cancel-line policy cancels instead of backordering',
      input: order([
        ['1', 'A', 1],
        ['2', 'Z', 2],
      ]),
      locations: [loc('w1', { A: 1 })],
      rules: rules({ backorder: 'cancel-line' }),
      expected: { w1: '1x1', cancelled: '2x2' },
    },
    {
      name: 'excluded locations and locations not serving the store are skipped',
      input: order([['1', 'A', 1]], { storeId: 'eu' }),
      locations: [
        loc('w1', { A: 1 }),
        loc('ds', { A: 1 }, { kind: 'dropship', serves: ['us'] }),
        loc('w2', { A: 1 }, { priority: 5 }),
      ],
      rules: rules({ excludeLocations: ['w1'] }),
      expected: { w2: '1x1' },
    },
    {
      name: 'two lines of one SKU never promise the same unit twice',
      input: order([
        ['1', 'A', 2],
        ['2', 'A', 2],
      ]),
      locations: [loc('w1', { A: 3 }), loc('w2', { A: 2 }, { priority: 2 })],
      rules: rules(),
      expected: { w1: '1x2', w2: '2x2' },
    },
    {
      name: 'priority strategy takes each line from the best-ranked location holding it',
      input: order([
        ['1', 'A', 1],
        ['2', 'B', 1],
      ]),
      locations: [loc('w1', { A: 1 }), loc('w2', { A: 1, B: 1 }, { priority: 2 })],
      rules: rules({ strategy: 'priority' }),
      expected: { w2: '1x1 2x1' },
    },
    {
      name: 'priority strategy splits per line when nobody has all',
      input: order([
        ['1', 'A', 1],
        ['2', 'B', 1],
      ]),
      locations: [
        loc('w1', { A: 1 }),
        loc('w2', { A: 1, C: 1 }, { priority: 2 }),
        loc('w3', { B: 1 }, { priority: 3 }),
      ],
      rules: rules({ strategy: 'priority' }),
      expected: { w1: '1x1', w3: '2x1' },
    },
  ];

  it.each(cases)('$name', ({ input, locations, rules: r, expected }) => {
    expect(summary(routeOrder(input, { locations }, r))).toEqual(expected);
  });

  it('explains its choices for the timeline', () => {
    const result = routeOrder(
      order([['1', 'A', 2]], { storeId: 'eu', storeRegion: 'eu' }),
      {
        locations: [
          loc('main', { A: 5 }, { regions: ['eu'] }),
          loc('empty', { A: 0 }),
          loc('ds', { A: 9 }, { serves: ['us'], kind: 'dropship' }),
        ],
      },
      rules(),
    );
    const decision = result.decisions[0];
    expect(decision?.chosen).toBe('main');
    expect(decision?.reasons).toContain('main can ship the whole order in one shipment');
    expect(decision?.reasons).toContain("main is in the store's region eu");
    expect(decision?.rejected).toEqual([
      { locationId: 'ds', reason: 'does not serve store eu' },
      { locationId: 'empty', reason: 'has 0 of A, needs 2' },
    ]);
  });

  it('records the kind of location on each fulfilment and backorder counts on decisions', () => {
    const result = routeOrder(
      order([['1', 'A', 3]]),
      { locations: [loc('ds', { A: 2 }, { kind: 'dropship' })] },
      rules({ allowPartialLine: true }),
    );
    expect(result.fulfilments).toEqual([
      { locationId: 'ds', kind: 'dropship', lines: [{ lineRef: '1', sku: 'A', quantity: 2 }] },
    ]);
    expect(result.decisions[0]).toMatchObject({
      allocations: [{ locationId: 'ds', quantity: 2 }],
      backordered: 1,
      cancelled: 0,
    });
  });

  it('refuses duplicate line refs and bad quantities', () => {
    expect(() =>
      routeOrder(
        order([
          ['1', 'A', 1],
          ['1', 'B', 1],
        ]),
        { locations: [] },
        rules(),
      ),
    ).toThrow(/appears twice/);
    expect(() => routeOrder(order([['1', 'A', 1.5]]), { locations: [] }, rules())).toThrow(/quantity/);
  });

  it('is deterministic whatever the order of candidates', () => {
    const locations = [loc('b', { A: 1, B: 1 }), loc('a', { A: 1, B: 1 }), loc('c', { A: 1 })];
    const input = order([
      ['1', 'A', 1],
      ['2', 'B', 1],
    ]);
    const first = routeOrder(input, { locations }, rules());
    expect(routeOrder(input, { locations: [...locations].reverse() }, rules())).toEqual(first);
    expect(first.fulfilments.map((f) => f.locationId)).toEqual(['a']);
  });
});
