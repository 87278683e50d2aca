/**
 * What shoppers and store staff do during the demo: checkouts at a steady rate, some bank-transfer
 * orders paid later, a few cancellations and partial refunds with restock — and the faults real
 * systems have (an ERP maintenance window, dropped and duplicated webhooks).
 *
 * @example
 * ```ts
 * const traffic = startShopperTraffic({ world, ordersPerSecond: 5, seed: 1, log });
 * // … traffic.stats() …
 * await traffic.stop();
 * ```
 */
import { Decimal } from 'decimal.js';
import type { Logger } from 'pino';
import type { DemoSystems } from './demo-systems.js';
import { DEMO_COUPONS } from './demo-systems.js';
import { allVariants } from './catalogue.js';
import { orderGenerator, seededRandom } from './order-generator.js';

export interface TrafficStats {
  checkouts: number;
  refusedCheckouts: number;
  paidLater: number;
  cancellations: number;
  refunds: number;
  faults: number;
}

export interface ShopperTraffic {
  stats(): TrafficStats;
  stop(): Promise<void>;
}

export interface TrafficOptions {
  world: DemoSystems;
  ordersPerSecond: number;
  seed: number;
  log: Logger;
  /** Inject faults (default true). */
  faults?: boolean;
}

export function startShopperTraffic(options: TrafficOptions): ShopperTraffic {
  const { world, log } = options;
  const random = seededRandom(options.seed * 7919);
  const next = orderGenerator({
    seed: options.seed,
    skus: allVariants().map((v) => v.sku),
    coupons: DEMO_COUPONS,
    countries: Object.fromEntries(world.stores.map((s) => [s.spec.id, s.spec.country])),
  });
  const stats: TrafficStats = {
    checkouts: 0,
    refusedCheckouts: 0,
    paidLater: 0,
    cancellations: 0,
    refunds: 0,
    faults: 0,
  };
  const recent: { store: DemoSystems['stores'][number]; id: number; at: number }[] = [];
  const timers: NodeJS.Timeout[] = [];
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

  const checkout = () => {
    const store = pick(world.stores)!;
    try {
      const order = store.emulator.createOrder(next(store.spec.id).checkout);
      stats.checkouts += 1;
      recent.push({ store, id: order.id, at: Date.now() });
      if (recent.length > 500) recent.shift();
    } catch (error) {
      stats.refusedCheckouts += 1; // out of stock, like a real shop refusing the cart
      log.debug({ err: error }, 'checkout refused');
    }
  };

  const staffActions = () => {
    const candidate = pick(recent);
    if (!candidate) return;
    const order = candidate.store.emulator.getOrder(candidate.id);
    if (!order) return;
    try {
      if (order.status === 'on-hold') {
        candidate.store.emulator.updateOrder(order.id, {
          status: 'processing',
          set_paid: true,
          transaction_id: `bank-${order.id}`,
        });
        stats.paidLater += 1;
      } else if (order.status === 'processing' && random() < 0.15) {
        candidate.store.emulator.updateOrder(order.id, { status: 'cancelled' });
        stats.cancellations += 1;
      } else if (order.status === 'completed' && order.refunds.length === 0 && random() < 0.3) {
        const line = order.line_items[0];
        if (!line) return;
        const unitTotal = new Decimal(line.total).div(line.quantity).toDecimalPlaces(2);
        const taxes = line.taxes.map((t) => ({
          id: t.id,
          refund_total: new Decimal(t.total).div(line.quantity).toDecimalPlaces(2).toFixed(2),
        }));
        const amount = taxes.reduce((sum, t) => sum.plus(t.refund_total), unitTotal);
        candidate.store.emulator.createRefund(order.id, {
          amount: amount.toFixed(2),
          reason: 'Demo: one unit returned',
          api_restock: true,
          line_items: [{ id: line.id, quantity: 1, refund_total: unitTotal.toFixed(2), refund_tax: taxes }],
        });
        stats.refunds += 1;
      }
    } catch (error) {
      log.debug({ err: error }, 'staff action refused');
    }
  };

  const injectFault = () => {
    stats.faults += 1;
    log.warn('demo fault: the ERP enters a 5 s maintenance window');
    world.odoo.faults.set({ maintenance: true });
    const end = setTimeout(() => world.odoo.faults.set({ maintenance: false }), 5_000);
    timers.push(end);
  };

  if (options.faults !== false) {
    // Always-on background noise: a few lost and duplicated deliveries.
    world.stores[0]?.emulator.faults.set({ dropWebhookRate: 0.03, duplicateWebhookRate: 0.05 });
    for (const w of world.warehouses) w.emulator.faults.set({ duplicateEventRate: 0.05 });
    timers.push(setInterval(injectFault, 45_000));
  }
  timers.push(setInterval(checkout, Math.max(1, Math.round(1000 / options.ordersPerSecond))));
  timers.push(setInterval(staffActions, 700));

  return {
    stats: () => ({ ...stats }),
    async stop() {
      for (const timer of timers) clearInterval(timer);
      world.odoo.faults.set({ maintenance: false });
      await Promise.all(world.stores.map((s) => s.emulator.flushWebhooks()));
    },
  };
}
