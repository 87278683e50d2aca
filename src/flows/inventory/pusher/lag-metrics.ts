/**
 * The stock propagation lag per store: seconds from the ERP's change to the store's acknowledgement
 * of the pushed value, as `retail_hub_stock_propagation_seconds{store}`.
 *
 * @example
 * ```ts
 * const lag = propagationHistogram(registry);
 * lag.observe({ store: 'eu' }, 0.42);
 * ```
 */
import { Histogram, type Registry } from 'prom-client';

export const PROPAGATION_METRIC = 'retail_hub_stock_propagation_seconds';

export type PropagationHistogram = Pick<Histogram<'store'>, 'observe'>;

export function propagationHistogram(registry: Registry | undefined): PropagationHistogram {
  const existing = registry?.getSingleMetric(PROPAGATION_METRIC);
  if (existing) return existing as Histogram<'store'>;
  return new Histogram({
    name: PROPAGATION_METRIC,
    help: 'Seconds from an ERP stock change to the store acknowledging the pushed quantity',
    labelNames: ['store'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: registry ? [registry] : [],
  });
}
