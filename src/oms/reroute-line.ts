/**
 * Rerouting after a warehouse reports it cannot pick a line: the units it was to ship go to the
 * next best location (never the failed one, nor any location that failed this line before), else
 * to a backorder or a cancellation per policy. Locations already shipping part of the order are
 * preferred on equal terms, so a reroute does not open a shipment it does not need.
 *
 * @example
 * ```ts
 * import { rerouteLine } from './reroute-line.js';
 * const next = rerouteLine(plan, 'main', { orderKey: 'order:eu:727', lines }, '1', candidates, rules);
 * next.fulfilments; // e.g. [{ locationId: 'backup', kind: 'warehouse', lines: [{ lineRef: '1', sku: 'TEE-M', quantity: 2 }] }]
 * next.decisions[0]?.reasons; // ['rerouted from main: it could not pick 2 unit(s)', ...]
 * ```
 */
import { PermanentError } from '../runtime/errors.js';
import { routeOrder } from './route-order.js';
import type { RoutingRules } from './routing-rules.js';
import type { Candidates, RouteInput, RoutingResult } from './types.js';

export interface RerouteOptions {
  /** Units that could not be picked; default: all the failed location was to ship of the line. */
  quantity?: number;
  /** Locations that failed this line earlier (kept by the caller across reroutes). */
  alsoFailed?: string[];
}

/**
 * Returns a routing result for the moved units only: new fulfilments to request, and what is
 * backordered or cancelled. The caller keeps the rest of `previous` as it was.
 */
export function rerouteLine(
  previous: RoutingResult,
  failedLocationId: string,
  input: RouteInput,
  lineRef: string,
  candidates: Candidates,
  rules: RoutingRules,
  options: RerouteOptions = {},
): RoutingResult {
  const line = input.lines.find((candidate) => candidate.lineRef === lineRef);
  if (!line)
    throw new PermanentError(`order ${input.orderKey} has no line ${lineRef}`, { code: 'unknown_line' });
  const wasShipping =
    previous.fulfilments
      .find((fulfilment) => fulfilment.locationId === failedLocationId)
      ?.lines.filter((planned) => planned.lineRef === lineRef)
      .reduce((sum, planned) => sum + planned.quantity, 0) ?? 0;
  const quantity = options.quantity ?? (wasShipping > 0 ? wasShipping : line.quantity);

  const excluded = new Set([
    ...(rules.excludeLocations ?? []),
    failedLocationId,
    ...(options.alsoFailed ?? []),
  ]);
  const shipping = new Set(previous.fulfilments.map((fulfilment) => fulfilment.locationId));
  const result = routeOrder(
    { ...input, lines: [{ ...line, quantity }] },
    candidates,
    { ...rules, excludeLocations: [...excluded] },
    shipping,
  );
  for (const decision of result.decisions) {
    decision.reasons.unshift(`rerouted from ${failedLocationId}: it could not pick ${quantity} unit(s)`);
    for (const location of decision.rejected) {
      if (
        excluded.has(location.locationId) &&
        location.locationId !== failedLocationId &&
        !rules.excludeLocations?.includes(location.locationId)
      ) {
        location.reason = 'failed to pick this line before';
      }
      if (location.locationId === failedLocationId) location.reason = 'could not pick this line';
    }
  }
  return result;
}
