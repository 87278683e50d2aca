/**
 * The inventory flow: available-to-sell per store and SKU from the ERP's stock and the hub's
 * reservations, pushed to the stores coalesced and batched, answered in milliseconds by the sync
 * APIs, and reconciled on demand. The reservation ledger (`./reservation-ledger/`) belongs to the
 * order-to-cash saga and is exported from there.
 *
 * @example
 * ```ts
 * import { createInventory, reconcileStock, inventorySettings } from './flows/inventory/index.js';
 * const inventory = createInventory({ config, db, runtime, woo, log, metrics, worker: true });
 * const report = await reconcileStock({ db, settings: inventorySettings(config), woo, log }, { repair: false });
 * ```
 */
export {
  createInventory,
  CHECKOUT_HOLD_MS,
  INVENTORY_CONSUMER,
  RESERVATIONS_CONSUMER,
  type Inventory,
  type InventoryDeps,
} from './create-inventory.js';
export {
  reconcileStock,
  type DriftRow,
  type DriftStatus,
  type ReconcileDeps,
  type ReconcileReport,
} from './reconcile-stock.js';
export { inventorySettings, type InventorySettings, type StockFallback } from './settings.js';
export { computeAts, type AtsFigures, type PositionFigures } from './compute-ats.js';
export {
  answerAvailability,
  answerCheckout,
  type AnswerDeps,
  type AvailabilityAnswer,
  type CheckoutAnswer,
  type LineStatus,
} from './answer-availability.js';
export { readFeedHealth, feedHealth, STOCK_FEED_HEALTH_CURSOR, type FeedHealth } from './feed-health.js';
export { PROPAGATION_METRIC } from './pusher/lag-metrics.js';
export { DEFAULT_STOCK_POLICY, type StockPushPolicy } from './pusher/stock-policy.js';
export type { WooStockPort } from './pusher/woo-port.js';
export type { InventoryTables } from './tables.js';
