/**
 * The fallback router used until the OMS (`src/oms/`) is wired in: each line goes to the first
 * location of the store's configured `locations` (then drop-ship suppliers serving the store) not
 * excluded; a line with nowhere left is backordered. Keeps the whole order at one location.
 *
 * @example
 * ```ts
 * const router = configRouter(config);
 * await router.route({ order, lines, exclude: ['main'] });
 * ```
 */
import type { OrderRouter, SagaConfig } from './ports.js';
import type { Assignment, PlannedLine } from './saga-state.js';

export function configRouter(config: SagaConfig): OrderRouter {
  return {
    async route({ order, lines, exclude }) {
      const store = config.stores.find((s) => s.id === order.storeId);
      const warehouses = (store?.locations ?? []).map((id) => ({ id, kind: 'warehouse' as const }));
      const suppliers = (config.dropship ?? [])
        .filter((d) => d.serves.includes(order.storeId))
        .map((d) => ({ id: d.id, kind: 'dropship' as const }));
      const candidate = [...warehouses, ...suppliers].find((c) => !exclude.includes(c.id));
      if (candidate === undefined) {
        return {
          assignments: [],
          backorders: lines,
          reasons: [
            `no location left for ${lines.map((l) => l.sku).join(', ')} (excluded: ${exclude.join(', ') || 'none'})`,
          ],
        };
      }
      const assignment: Assignment = {
        location: candidate.id,
        kind: candidate.kind,
        lines: lines.map((l): PlannedLine => ({ ...l })),
      };
      return {
        assignments: [assignment],
        backorders: [],
        reasons: [
          `all lines → ${candidate.id} (first configured ${candidate.kind} for store ${order.storeId})`,
        ],
      };
    },
  };
}
