/**
 * The OMS behind the order-to-cash saga's `OrderRouter` port: reads available-to-promise for the
 * order's SKUs at the store's locations, then routes with `routeOrder` under the configured rules.
 * Locations that already failed the lines (`exclude`) are never chosen. Structurally typed, so the
 * OMS does not depend on the flow.
 *
 * @example
 * ```ts
 * const router = createOmsRouter({ config, rules, availability: (locationIds, skus) => projection.available(locationIds, skus) });
 * registerOrderToCash(runtime, { ...deps, router });
 * ```
 */
import { candidatesFromConfig, type RoutingConfig } from './candidates-from-config.js';
import { routeOrder } from './route-order.js';
import type { RoutingRules } from './routing-rules.js';
import type { RoutingResult } from './types.js';

export interface RouterLine {
  lineId: string;
  sku: string;
  quantity: number;
}

export interface RouterRequest {
  order: { storeId: string; externalId: string };
  lines: RouterLine[];
  exclude: readonly string[];
}

export interface RouterAnswer {
  assignments: { location: string; kind: 'warehouse' | 'dropship'; lines: RouterLine[] }[];
  backorders: RouterLine[];
  cancelledLines: RouterLine[];
  reasons: string[];
  /** The full per-line decisions, for the order timeline. */
  decisions: RoutingResult['decisions'];
}

export interface OmsRouterOptions {
  config: RoutingConfig;
  rules: RoutingRules;
  /** Units available to promise per location and SKU (the inventory projection). */
  availability: (locationIds: string[], skus: string[]) => Promise<Record<string, Record<string, number>>>;
}

export function createOmsRouter(options: OmsRouterOptions): {
  route(request: RouterRequest): Promise<RouterAnswer>;
} {
  return {
    async route({ order, lines, exclude }) {
      const storeId = order.storeId;
      const store = options.config.stores.find((candidate) => candidate.id === storeId);
      const skeleton = candidatesFromConfig(options.config, storeId, {});
      const ids = skeleton.locations.map((location) => location.id);
      const available = await options.availability(ids, [...new Set(lines.map((line) => line.sku))]);
      const result = routeOrder(
        {
          orderKey: `order:${storeId}:${order.externalId}`,
          storeId,
          ...(store?.region === undefined ? {} : { storeRegion: store.region }),
          lines: lines.map((line) => ({ lineRef: line.lineId, sku: line.sku, quantity: line.quantity })),
        },
        candidatesFromConfig(options.config, storeId, available),
        { ...options.rules, excludeLocations: [...(options.rules.excludeLocations ?? []), ...exclude] },
      );
      const toLine = (line: { lineRef: string; sku: string; quantity: number }): RouterLine => ({
        lineId: line.lineRef,
        sku: line.sku,
        quantity: line.quantity,
      });
      return {
        assignments: result.fulfilments.map((plan) => ({
          location: plan.locationId,
          kind: plan.kind,
          lines: plan.lines.map(toLine),
        })),
        backorders: result.backorders.map(toLine),
        cancelledLines: result.cancelled.map(toLine),
        reasons: result.decisions.flatMap((decision) =>
          decision.reasons.map((reason) => `line ${decision.lineRef} (${decision.sku}): ${reason}`),
        ),
        decisions: result.decisions,
      };
    },
  };
}
