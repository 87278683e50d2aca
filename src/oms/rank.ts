/**
 * Which locations may serve an order and in which order they are preferred: store region first
 * (when the rules say so), then priority, then cost for the units asked, then id, so the same
 * input always gives the same answer.
 */
import { Decimal } from 'decimal.js';
import type { RoutingRules } from './routing-rules.js';
import type { CandidateLocation, RouteInput } from './types.js';

export function ineligibleReason(
  location: CandidateLocation,
  input: RouteInput,
  rules: RoutingRules,
): string | undefined {
  if (rules.excludeLocations?.includes(location.id)) return 'excluded by routing rules';
  if (location.serves && input.storeId !== undefined && !location.serves.includes(input.storeId)) {
    return `does not serve store ${input.storeId}`;
  }
  return undefined;
}

export function inRegion(location: CandidateLocation, input: RouteInput): boolean {
  return input.storeRegion !== undefined && (location.regions ?? []).includes(input.storeRegion);
}

export function shipmentCost(location: CandidateLocation, units: number): Decimal | undefined {
  if (location.costPerShipment === undefined && location.costPerUnit === undefined) return undefined;
  return new Decimal(location.costPerShipment ?? '0').plus(
    new Decimal(location.costPerUnit ?? '0').times(units),
  );
}

/** Negative when `a` is preferred over `b` for shipping `units`. */
export function compareLocations(
  a: CandidateLocation,
  b: CandidateLocation,
  input: RouteInput,
  rules: RoutingRules,
  units: number,
  preferred: ReadonlySet<string> = new Set(),
): number {
  if (rules.preferRegion) {
    const region = Number(inRegion(b, input)) - Number(inRegion(a, input));
    if (region !== 0) return region;
  }
  if (a.priority !== b.priority) return a.priority - b.priority;
  const already = Number(preferred.has(b.id)) - Number(preferred.has(a.id));
  if (already !== 0) return already;
  const costA = shipmentCost(a, units);
  const costB = shipmentCost(b, units);
  if (costA && costB && !costA.equals(costB)) return costA.comparedTo(costB);
  if (costA && !costB) return -1;
  if (costB && !costA) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Why `location` was preferred, in words for the timeline. */
export function rankReasons(
  location: CandidateLocation,
  input: RouteInput,
  rules: RoutingRules,
  units: number,
): string[] {
  const reasons: string[] = [];
  if (rules.preferRegion && inRegion(location, input))
    reasons.push(`${location.id} is in the store's region ${input.storeRegion ?? ''}`);
  reasons.push(`${location.id} has priority ${location.priority}`);
  const cost = shipmentCost(location, units);
  if (cost) reasons.push(`${location.id} costs ${cost.toFixed(2)} for ${units} unit(s)`);
  return reasons;
}
