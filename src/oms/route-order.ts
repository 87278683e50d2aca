/**
 * Order routing: decides, per line, which warehouse or drop-ship supplier ships it, splits the
 * order into one fulfilment per location and backorders (or cancels, per policy) what no location
 * can ship. Pure and deterministic: the same order, stock and rules always give the same plan, so a
 * saga step that is retried after a crash routes exactly as before.
 *
 * @example
 * ```ts
 * import { routeOrder } from './route-order.js';
 * const plan = routeOrder(
 *   { orderKey: 'order:eu:727', storeRegion: 'eu', lines: [{ lineRef: '1', sku: 'TEE-M', quantity: 2 }] },
 *   { locations: [{ id: 'main', kind: 'warehouse', regions: ['eu'], priority: 1, available: { 'TEE-M': 5 } }] },
 *   { strategy: 'minimise-split', allowSplit: true, allowPartialLine: false, backorder: 'backorder', preferRegion: true },
 * );
 * plan.fulfilments; // [{ locationId: 'main', kind: 'warehouse', lines: [{ lineRef: '1', sku: 'TEE-M', quantity: 2 }] }]
 * ```
 */
import { PermanentError } from '../runtime/errors.js';
import { compareLocations, ineligibleReason, rankReasons } from './rank.js';
import { DEFAULT_ROUTING_RULES, type RoutingRules } from './routing-rules.js';
import { StockLedger } from './stock-ledger.js';
import type {
  Candidates,
  CandidateLocation,
  LineDecision,
  RouteInput,
  RouteLine,
  RoutingResult,
} from './types.js';

interface Run {
  input: RouteInput;
  rules: RoutingRules;
  /** Eligible locations, best first. */
  ranked: CandidateLocation[];
  ledger: StockLedger;
  reasons: Map<string, string[]>;
}

export function routeOrder(
  input: RouteInput,
  candidates: Candidates,
  rules: RoutingRules = DEFAULT_ROUTING_RULES,
  /** Locations already shipping this order: preferred over equally ranked others (used by reroutes). */
  preferred: ReadonlySet<string> = new Set(),
): RoutingResult {
  assertLines(input.lines);
  const lines = input.lines.filter((line) => line.quantity > 0);
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  const ranked = candidates.locations
    .filter((location) => ineligibleReason(location, input, rules) === undefined)
    .sort((a, b) => compareLocations(a, b, input, rules, units, preferred));
  const run: Run = { input, rules, ranked, ledger: new StockLedger(ranked), reasons: new Map() };

  let open = assignWholeOrder(run, lines);
  if (open.length > 0 && rules.allowSplit) {
    open = rules.strategy === 'priority' ? assignLineByLine(run, open) : assignGreedyCover(run, open);
  } else if (open.length > 0 && !rules.allowSplit && open.length === lines.length) {
    open = assignSingleBest(run, open);
  }
  if (open.length > 0 && rules.allowPartialLine) assignPartials(run, open);
  return buildResult(run, lines, candidates);
}

function assertLines(lines: readonly RouteLine[]): void {
  const refs = new Set<string>();
  for (const line of lines) {
    if (refs.has(line.lineRef))
      throw new PermanentError(`line ${line.lineRef} appears twice`, { code: 'duplicate_line_ref' });
    if (!Number.isInteger(line.quantity) || line.quantity < 0) {
      throw new PermanentError(`line ${line.lineRef} has quantity ${line.quantity}`, {
        code: 'invalid_quantity',
      });
    }
    refs.add(line.lineRef);
  }
}

function note(run: Run, lineRef: string, reason: string): void {
  const list = run.reasons.get(lineRef) ?? [];
  list.push(reason);
  run.reasons.set(lineRef, list);
}

function assign(run: Run, location: CandidateLocation, lines: readonly RouteLine[], why: string): void {
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  for (const line of lines) {
    run.ledger.take(location.id, line, line.quantity);
    note(run, line.lineRef, why);
    for (const reason of rankReasons(location, run.input, run.rules, units)) note(run, line.lineRef, reason);
  }
}

/** One shipment when any location has everything: the best-ranked such location. Returns open lines. */
function assignWholeOrder(run: Run, lines: RouteLine[]): RouteLine[] {
  const whole = run.ranked.find(
    (location) => run.ledger.wholeLines(location.id, lines).length === lines.length,
  );
  if (!whole || lines.length === 0) return lines;
  assign(run, whole, lines, `${whole.id} can ship the whole order in one shipment`);
  return [];
}

/** Greedy set cover: repeatedly the location shipping the most remaining lines in full. */
function assignGreedyCover(run: Run, open: RouteLine[]): RouteLine[] {
  let remaining = open;
  for (;;) {
    let best: { location: CandidateLocation; lines: RouteLine[]; units: number } | undefined;
    for (const location of run.ranked) {
      const lines = run.ledger.wholeLines(location.id, remaining);
      const units = lines.reduce((sum, line) => sum + line.quantity, 0);
      // Strictly better only, so ties keep the better-ranked location found first.
      if (
        lines.length > 0 &&
        (!best ||
          lines.length > best.lines.length ||
          (lines.length === best.lines.length && units > best.units))
      ) {
        best = { location, lines, units };
      }
    }
    if (!best) return remaining;
    const taken = new Set(best.lines.map((line) => line.lineRef));
    assign(
      run,
      best.location,
      best.lines,
      `${best.location.id} ships ${best.lines.length} of the ${remaining.length} line(s) no chosen location had (fewest shipments)`,
    );
    remaining = remaining.filter((line) => !taken.has(line.lineRef));
  }
}

/** `priority` strategy: each line from the best-ranked location holding all of it. */
function assignLineByLine(run: Run, open: RouteLine[]): RouteLine[] {
  return open.filter((line) => {
    const location = run.ranked.find(
      (candidate) => run.ledger.available(candidate.id, line.sku) >= line.quantity,
    );
    if (!location) return true;
    assign(run, location, [line], `${location.id} is the best-ranked location holding the line`);
    return false;
  });
}

/** No split allowed and no location has everything: the one location shipping the most units. */
function assignSingleBest(run: Run, open: RouteLine[]): RouteLine[] {
  let best: { location: CandidateLocation; units: number } | undefined;
  for (const location of run.ranked) {
    const units = run.ledger.shippableUnits(location.id, open, run.rules.allowPartialLine);
    if (units > 0 && (!best || units > best.units)) best = { location, units };
  }
  if (!best) return open;
  const lines = run.ledger.wholeLines(best.location.id, open);
  assign(
    run,
    best.location,
    lines,
    `${best.location.id} ships the most of the order and splitting is not allowed`,
  );
  const taken = new Set(lines.map((line) => line.lineRef));
  // Partial lines (if allowed) may only come from this same location.
  run.ranked = [best.location];
  return open.filter((line) => !taken.has(line.lineRef));
}

/** Divides what is still open across locations: ones already shipping first, then by rank. */
function assignPartials(run: Run, open: RouteLine[]): void {
  for (const line of open) {
    const used = run.ranked.filter((location) => hasAllocations(run, location.id));
    const order = [...used, ...run.ranked.filter((location) => !used.includes(location))];
    for (const location of run.rules.allowSplit ? order : order.slice(0, 1)) {
      const need = line.quantity - run.ledger.allocatedUnits(line.lineRef);
      const take = Math.min(need, run.ledger.available(location.id, line.sku));
      if (need <= 0) break;
      if (take <= 0) continue;
      run.ledger.take(location.id, line, take);
      note(
        run,
        line.lineRef,
        `${take} of ${line.quantity} from ${location.id} (line divided: no location holds all of it)`,
      );
    }
  }
}

function hasAllocations(run: Run, locationId: string): boolean {
  return run.input.lines.some((line) =>
    run.ledger.allocated(line.lineRef).some((allocation) => allocation.locationId === locationId),
  );
}

function buildResult(run: Run, lines: RouteLine[], candidates: Candidates): RoutingResult {
  const result: RoutingResult = { fulfilments: [], backorders: [], cancelled: [], decisions: [] };
  const cancel = run.rules.backorder === 'cancel-line';
  for (const line of lines) {
    const allocations = run.ledger.allocated(line.lineRef);
    for (const allocation of allocations) {
      let plan = result.fulfilments.find((fulfilment) => fulfilment.locationId === allocation.locationId);
      if (!plan) {
        const kind =
          candidates.locations.find((location) => location.id === allocation.locationId)?.kind ?? 'warehouse';
        plan = { locationId: allocation.locationId, kind, lines: [] };
        result.fulfilments.push(plan);
      }
      plan.lines.push({ lineRef: line.lineRef, sku: line.sku, quantity: allocation.quantity });
    }
    const missing = line.quantity - run.ledger.allocatedUnits(line.lineRef);
    if (missing > 0) {
      (cancel ? result.cancelled : result.backorders).push({
        lineRef: line.lineRef,
        sku: line.sku,
        quantity: missing,
      });
      note(
        run,
        line.lineRef,
        cancel
          ? `${missing} unit(s) cancelled: no location can ship them (policy cancel-line)`
          : `${missing} unit(s) backordered: no location can ship them now`,
      );
    }
    result.decisions.push(decisionFor(run, line, candidates, missing, cancel));
  }
  return result;
}

function decisionFor(
  run: Run,
  line: RouteLine,
  candidates: Candidates,
  missing: number,
  cancel: boolean,
): LineDecision {
  const allocations = run.ledger.allocated(line.lineRef).map((allocation) => ({ ...allocation }));
  const chosen = [...allocations].sort((a, b) => b.quantity - a.quantity)[0]?.locationId ?? null;
  const rejected = [...candidates.locations]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((location) => !allocations.some((allocation) => allocation.locationId === location.id))
    .map((location) => {
      const ineligible = ineligibleReason(location, run.input, run.rules);
      if (ineligible) return { locationId: location.id, reason: ineligible };
      const has = Math.max(0, Math.floor(location.available[line.sku] ?? 0));
      if (has < line.quantity)
        return { locationId: location.id, reason: `has ${has} of ${line.sku}, needs ${line.quantity}` };
      if (!run.ranked.includes(location))
        return {
          locationId: location.id,
          reason: 'splitting is not allowed and another location ships more of the order',
        };
      return {
        locationId: location.id,
        reason: 'not chosen: another location ranks higher or ships more of the order',
      };
    });
  return {
    lineRef: line.lineRef,
    sku: line.sku,
    quantity: line.quantity,
    chosen,
    allocations,
    backordered: cancel ? 0 : missing,
    cancelled: cancel ? missing : 0,
    reasons: run.reasons.get(line.lineRef) ?? [],
    rejected,
  };
}
