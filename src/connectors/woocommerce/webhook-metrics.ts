/**
 * Counters for the webhook endpoint. Registered once per registry (a second plugin instance on the
 * same registry reuses them) so every rejection reason is visible on /metrics.
 *
 * @example
 * ```ts
 * const metrics = webhookMetrics(new Registry());
 * metrics.rejected('eu', 'signature_invalid');
 * ```
 */
import { Counter, type Registry } from 'prom-client';

export interface WebhookMetrics {
  rejected(store: string, reason: string): void;
  received(store: string, result: string): void;
  /** A refusal that could not be kept for replay (the queue was full). */
  notKept(reason: string): void;
}

function counter(registry: Registry, name: string, help: string, labelNames: string[]): Counter {
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Counter) return existing;
  return new Counter({ name, help, labelNames, registers: [registry] });
}

export function webhookMetrics(registry: Registry | undefined): WebhookMetrics {
  if (registry === undefined)
    return { rejected: () => undefined, received: () => undefined, notKept: () => undefined };
  const rejections = counter(
    registry,
    'retail_hub_woocommerce_webhook_rejections_total',
    'WooCommerce webhook deliveries refused, by reason',
    ['store', 'reason'],
  );
  const deliveries = counter(
    registry,
    'retail_hub_woocommerce_webhooks_total',
    'WooCommerce webhook deliveries acknowledged, by inbox result',
    ['store', 'result'],
  );
  const notKept = counter(
    registry,
    'retail_hub_woocommerce_webhook_rejections_not_kept_total',
    'WooCommerce webhook refusals not kept for replay (too many at once), by reason',
    ['reason'],
  );
  return {
    rejected: (store, reason) => rejections.inc({ store, reason }),
    received: (store, result) => deliveries.inc({ store, result }),
    notKept: (reason) => notKept.inc({ reason }),
  };
}
