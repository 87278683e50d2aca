/**
 * The order-to-cash saga: a WooCommerce order becomes a validated, routed, ERP-registered,
 * reserved, fulfilled, shipped, completed, invoiced and settled order, one persisted step at a
 * time, with compensations for cancellation, voided payment, ERP rejection, unfulfillable lines
 * and edits. `registerOrderToCash` is the one call the composition root makes.
 *
 * @example
 * ```ts
 * import { registerOrderToCash, wooOrderChannel, wmsFulfilment } from './flows/order-to-cash/index.js';
 * registerOrderToCash(runtime, {
 *   config, erp, log,
 *   woo: (storeId) => wooOrderChannel(wooClients.get(storeId)!),
 *   wms: (locationId) => wmsFulfilment(wmsClients.get(locationId)!),
 * });
 * ```
 */
import type { StepDeps } from './define-step.js';
import { configRouter } from './config-router.js';
import { ORDER_TO_CASH_CONSUMER, ORDER_TO_CASH_EVENTS, orderToCashHandler } from './handler.js';
import {
  BACKORDER_CONSUMER,
  BACKORDER_TRIGGERS,
  onStockForBackorders,
} from './handlers/on-stock-for-backorders.js';
import type { OrderToCashDeps, SagaRuntime } from './ports.js';

export function resolveDeps(deps: OrderToCashDeps): StepDeps {
  const clock = deps.clock ?? (() => new Date());
  return {
    config: deps.config,
    erp: deps.erp,
    woo: deps.woo,
    wms: deps.wms,
    log: deps.log,
    router: deps.router ?? configRouter(deps.config),
    now: clock,
  };
}

/**
 * Subscribes the saga (consumer `order-to-cash`, per-order partitions) to its events, and the
 * backorder allocator (consumer `order-to-cash:backorders`, per-SKU partitions) to stock arrivals.
 */
export function registerOrderToCash(runtime: SagaRuntime, deps: OrderToCashDeps): void {
  const resolved = resolveDeps(deps);
  runtime.subscribe(ORDER_TO_CASH_CONSUMER, ORDER_TO_CASH_EVENTS, orderToCashHandler(resolved));
  runtime.subscribe(BACKORDER_CONSUMER, BACKORDER_TRIGGERS, onStockForBackorders(resolved));
}

export { ORDER_TO_CASH_CONSUMER, ORDER_TO_CASH_EVENTS, orderToCashHandler } from './handler.js';
export { resumeOrderEvent } from './resume.js';
export { BACKORDER_CONSUMER } from './handlers/on-stock-for-backorders.js';
export { configRouter } from './config-router.js';
export { loadSaga, listSagas } from './saga-store.js';
export { fulfilmentReference, orderReference, parseWarehouseReference } from './references.js';
export type {
  OrderToCashDeps,
  SagaErpPort,
  OrderChannelPort,
  FulfilmentPort,
  OrderRouter,
  SagaRuntime,
  ChannelRefundRequest,
  FulfilmentCreate,
  FulfilmentOrderRef,
} from './ports.js';
export type {
  SagaOrder,
  SagaState,
  FulfilmentRecord,
  ShipmentRecord,
  RoutingRecord,
  Amounts,
} from './saga-state.js';
export type { FulfilmentProgressed } from './handlers/on-fulfilment-progress.js';
export { wmsFulfilment } from './adapters/wms-fulfilment.js';
export { wooOrderChannel, type WooOrderClient } from './adapters/woo-channel.js';
