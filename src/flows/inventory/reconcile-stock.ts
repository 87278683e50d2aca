/**
 * Stock reconciliation: reads every store's stock (all pages, variations included), compares it
 * with the hub's available-to-sell and reports the drift; with `repair`, corrections go out through
 * the same pusher path (queued, batched, acknowledged, lag recorded).
 *
 * @example
 * ```ts
 * const report = await reconcileStock({ db, settings, woo, log }, { repair: true });
 * report.rows.filter((r) => r.status === 'drift'); // [{ store: 'eu', sku: 'MUG', storeQuantity: 3, available: 65, … }]
 * ```
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../store/schema.js';
import { ownHeldBySku } from './checkout-holds.js';
import { enqueuePush } from './enqueue-push.js';
import { flushStore, type FlushResult } from './pusher/flush-store.js';
import { propagationHistogram, type PropagationHistogram } from './pusher/lag-metrics.js';
import { DEFAULT_STOCK_POLICY, type StockPushPolicy } from './pusher/stock-policy.js';
import type { WooSellable, WooStockPort } from './pusher/woo-port.js';
import type { InventorySettings } from './settings.js';

export interface ReconcileDeps {
  db: Kysely<Database>;
  settings: Pick<InventorySettings, 'storeIds'>;
  woo: (storeId: string) => WooStockPort;
  log: Logger;
  lag?: PropagationHistogram;
  policy?: StockPushPolicy;
}

export type DriftStatus = 'ok' | 'drift' | 'not_in_store' | 'not_tracked';

export interface DriftRow {
  store: string;
  sku: string;
  /** What the store shows; null when it does not list the SKU or does not manage its stock. */
  storeQuantity: number | null;
  /** The hub's available-to-sell; null for a SKU the hub has no stock figures for. */
  available: number | null;
  status: DriftStatus;
}

export interface ReconcileReport {
  rows: DriftRow[];
  /** Push results per store when repairing. */
  repaired: Record<string, FlushResult>;
}

async function storeStock(client: WooStockPort): Promise<Map<string, number | null>> {
  const stock = new Map<string, number | null>();
  const variable: number[] = [];
  const take = (item: WooSellable) => {
    if (item.sku) stock.set(item.sku, item.manage_stock === true ? Number(item.stock_quantity ?? 0) : null);
  };
  for await (const page of client.list<WooSellable>('products', { per_page: 100 })) {
    for (const item of page.items) {
      if (item.type === 'variable') variable.push(item.id);
      else take(item);
    }
  }
  for (const parent of variable) {
    for await (const page of client.list<WooSellable>(`products/${parent}/variations`, { per_page: 100 }))
      page.items.forEach(take);
  }
  return stock;
}

export async function reconcileStock(
  deps: ReconcileDeps,
  options: { store?: string; repair: boolean },
): Promise<ReconcileReport> {
  const storeIds = options.store === undefined ? deps.settings.storeIds : [options.store];
  const rows: DriftRow[] = [];
  const repaired: Record<string, FlushResult> = {};
  for (const storeId of storeIds) {
    const [inStore, projected, ownHeld] = await Promise.all([
      storeStock(deps.woo(storeId)),
      deps.db
        .selectFrom('store_availability')
        .select(['sku', 'available'])
        .where('store_id', '=', storeId)
        .execute(),
      ownHeldBySku(deps.db, storeId, new Date().toISOString()),
    ]);
    // The store is sent its available-to-sell plus what its own shoppers hold (see recompute-sku).
    const available = new Map(projected.map((r) => [r.sku, Number(r.available) + (ownHeld.get(r.sku) ?? 0)]));
    for (const sku of new Set([...inStore.keys(), ...available.keys()])) {
      const storeQuantity = inStore.get(sku) ?? null;
      const ats = available.get(sku) ?? null;
      const status: DriftStatus =
        ats === null
          ? 'not_tracked'
          : !inStore.has(sku)
            ? 'not_in_store'
            : storeQuantity === ats
              ? 'ok'
              : 'drift';
      rows.push({ store: storeId, sku, storeQuantity, available: ats, status });
    }
    const drift = rows.filter((r) => r.store === storeId && r.status === 'drift');
    if (!options.repair || drift.length === 0) continue;
    const now = new Date();
    for (const row of drift) {
      // The store no longer shows what it acknowledged: forget the ack so the value is sent again.
      await deps.db
        .deleteFrom('stock_push_acked')
        .where('store_id', '=', storeId)
        .where('sku', '=', row.sku)
        .execute();
      await enqueuePush(
        deps.db,
        { storeId, sku: row.sku, quantity: row.available ?? 0, changedAt: now.toISOString() },
        now,
      );
    }
    repaired[storeId] = await flushStore(
      {
        db: deps.db,
        woo: deps.woo,
        lag: deps.lag ?? propagationHistogram(undefined),
        policy: deps.policy ?? DEFAULT_STOCK_POLICY,
        log: deps.log,
      },
      storeId,
    );
  }
  return {
    rows: rows.sort((a, b) => a.store.localeCompare(b.store) || a.sku.localeCompare(b.sku)),
    repaired,
  };
}
