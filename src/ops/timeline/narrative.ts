/**
 * The order timeline as text a person reads at a terminal (`retail-hub orders show`).
 *
 * @example
 * ```ts
 * console.log(formatOrderTimeline(view));
 * // Order eu/727 — shipped since 2026-11-23T12:00:00Z (total 29.35 USD)
 * //   WooCommerce: #727 processing · ERP: S00042 confirmed · WMS main: FO-1 shipped
 * //   12:00:01 [woocommerce:eu] message  Order #727 received …
 * ```
 */
import type { OrderTimeline } from './order-timeline.js';

export function formatOrderTimeline(view: OrderTimeline): string {
  const { order } = view;
  const [, storeId, orderId] = order.subject.split(':');
  const systems = [
    `WooCommerce: #${order.systems.woocommerce.number} ${order.systems.woocommerce.status}`,
    order.systems.erp ? `ERP: ${order.systems.erp.name} ${order.systems.erp.state}` : 'ERP: not registered',
    ...order.systems.wms.map((w) => `WMS ${w.location}: ${w.id ?? w.reference} ${w.status}`),
  ];
  const lines = [
    `Order ${storeId}/${orderId} — ${order.state} since ${order.since} (total ${order.total.amount} ${order.total.currency})`,
    `  ${systems.join(' · ')}`,
  ];
  if (order.parked)
    lines.push(`  PARKED at ${order.parked.step} (${order.parked.code}): ${order.parked.reason}`);
  for (const s of order.shipments)
    lines.push(
      `  Shipment ${s.id} from ${s.location} with ${s.carrier}${s.trackingNumber ? ` tracking ${s.trackingNumber}` : ''}`,
    );
  lines.push('', 'Timeline:');
  for (const e of view.entries) lines.push(`  ${e.at}  ${e.kind.padEnd(8)} [${e.system}] ${e.summary}`);
  return lines.join('\n');
}
