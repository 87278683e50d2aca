/**
 * Counters for `POST /webhooks/wms/:warehouseId`: what was refused and why, and what the inbox
 * made of what was accepted (accepted / duplicate / stale). Reused when a second plugin instance
 * registers on the same registry.
 *
 * @example
 * ```ts
 * const metrics = wmsWebhookMetrics(new Registry());
 * metrics.refused('main', 'signature_invalid');
 * ```
 */
import { Counter, type Registry } from 'prom-client';

export interface WmsWebhookMetrics {
  refused(warehouse: string, reason: string): void;
  stored(warehouse: string, result: string): void;
  /** A refusal that could not be kept for replay (the queue was full). */
  notKept(reason: string): void;
}

const NAMES = {
  refused: 'retail_hub_wms_webhook_rejections_total',
  stored: 'retail_hub_wms_webhooks_total',
  notKept: 'retail_hub_wms_webhook_rejections_not_kept_total',
} as const;

export function wmsWebhookMetrics(registry: Registry | undefined): WmsWebhookMetrics {
  if (registry === undefined)
    return { refused: () => undefined, stored: () => undefined, notKept: () => undefined };
  const get = (name: string, help: string, labelNames: string[]): Counter => {
    const found = registry.getSingleMetric(name);
    return found instanceof Counter ? found : new Counter({ name, help, labelNames, registers: [registry] });
  };
  const refused = get(NAMES.refused, 'WMS webhook deliveries refused, by reason', ['warehouse', 'reason']);
  const stored = get(NAMES.stored, 'WMS webhook deliveries acknowledged, by inbox result', [
    'warehouse',
    'result',
  ]);
  const notKept = get(
    NAMES.notKept,
    'WMS webhook refusals not kept for replay (too many at once), by reason',
    ['reason'],
  );
  return {
    refused: (warehouse, reason) => refused.inc({ warehouse, reason }),
    stored: (warehouse, result) => stored.inc({ warehouse, result }),
    notKept: (reason) => notKept.inc({ reason }),
  };
}
