/**
 * The routing plan resized to an edited order: each line's planned units follow its new quantity,
 * less what the hub cancelled or backordered for it. Surplus is cut from the last assignments
 * first; extra units go to the first location already shipping the line, a new line to the first
 * assignment (the warehouse the ERP order ships from); a removed line disappears.
 *
 * @example
 * ```ts
 * const assignments = resizeAssignments(routing, incoming.lines); // line 2 down from 3 to 1 → 1 planned
 * ```
 */
import type { Order } from '../../canonical/index.js';
import type { Assignment, PlannedLine, RoutingRecord } from './saga-state.js';

const units = (lines: readonly PlannedLine[], lineId: string) =>
  lines.filter((l) => l.lineId === lineId).reduce((n, l) => n + l.quantity, 0);

export function resizeAssignments(
  routing: Pick<RoutingRecord, 'assignments' | 'backorders' | 'cancelledLines'>,
  lines: readonly Pick<Order['lines'][number], 'lineId' | 'sku' | 'quantity'>[],
): Assignment[] {
  const result = routing.assignments.map((a) => ({ ...a, lines: a.lines.map((l) => ({ ...l })) }));
  const ids = new Set([
    ...result.flatMap((a) => a.lines.map((l) => l.lineId)),
    ...lines.map((l) => l.lineId),
  ]);
  for (const lineId of ids) {
    const line = lines.find((l) => l.lineId === lineId);
    const planned = result.reduce((n, a) => n + units(a.lines, lineId), 0);
    const held = units(routing.cancelledLines, lineId) + units(routing.backorders, lineId);
    let change = Math.max(0, (line?.quantity ?? 0) - held) - planned;
    for (const a of [...result].reverse()) {
      if (change >= 0) break;
      for (const l of a.lines.filter((p) => p.lineId === lineId)) {
        const take = Math.min(l.quantity, -change);
        l.quantity -= take;
        change += take;
      }
    }
    if (change > 0) {
      const target = result.find((a) => a.lines.some((l) => l.lineId === lineId)) ?? result[0];
      const existing = target?.lines.find((l) => l.lineId === lineId);
      if (existing) existing.quantity += change;
      else target?.lines.push({ lineId, sku: line?.sku ?? '', quantity: change });
    }
  }
  return result
    .map((a) => ({ ...a, lines: a.lines.filter((l) => l.quantity > 0) }))
    .filter((a) => a.lines.length > 0);
}
