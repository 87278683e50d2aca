import { describe, expect, it } from 'vitest';
import { resizeAssignments } from './resize-assignments.js';

const routing = {
  assignments: [
    { location: 'main', kind: 'warehouse' as const, lines: [{ lineId: '1', sku: 'A', quantity: 2 }] },
    {
      location: 'east',
      kind: 'warehouse' as const,
      lines: [
        { lineId: '1', sku: 'A', quantity: 1 },
        { lineId: '2', sku: 'B', quantity: 2 },
      ],
    },
  ],
  backorders: [],
  cancelledLines: [{ lineId: '2', sku: 'B', quantity: 1 }],
};

describe('resizeAssignments (the routing plan after an edit)', () => {
  it('cuts from the last location first and drops what is left empty', () => {
    expect(
      resizeAssignments(routing, [
        { lineId: '1', sku: 'A', quantity: 2 },
        { lineId: '2', sku: 'B', quantity: 1 },
      ]),
    ).toEqual([{ location: 'main', kind: 'warehouse', lines: [{ lineId: '1', sku: 'A', quantity: 2 }] }]);
  });

  it('adds units where the line already ships and a new line to the first location', () => {
    expect(
      resizeAssignments(routing, [
        { lineId: '1', sku: 'A', quantity: 4 },
        { lineId: '2', sku: 'B', quantity: 3 },
        { lineId: '3', sku: 'C', quantity: 1 },
      ]),
    ).toEqual([
      {
        location: 'main',
        kind: 'warehouse',
        lines: [
          { lineId: '1', sku: 'A', quantity: 3 },
          { lineId: '3', sku: 'C', quantity: 1 },
        ],
      },
      {
        location: 'east',
        kind: 'warehouse',
        lines: [
          { lineId: '1', sku: 'A', quantity: 1 },
          { lineId: '2', sku: 'B', quantity: 2 },
        ],
      },
    ]);
  });
});
