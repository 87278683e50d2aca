/**
 * The narrow ports the saga talks through. Concrete connectors satisfy them through the small
 * adapters in `./adapters/`; tests use the same adapters over the emulators. A flow never holds
 * an HTTP client.
 *
 * @example
 * ```ts
 * const deps: OrderToCashDeps = {
 *   config, erp, log,
 *   woo: (storeId) => wooOrderChannel(wooClients.get(storeId)!),
 *   wms: (locationId) => wmsFulfilment(wmsClients.get(locationId)!),
 * };
 * ```
 */
import type { Logger } from 'pino';
import type { Address, Money, Order } from '../../canonical/index.js';
import type { HubConfig } from '../../config/schema.js';
import type { ErpPort } from '../../connectors/erp.js';
import type { Handler } from '../../runtime/contracts.js';
import type { PlannedLine, RoutingRecord } from './saga-state.js';

/** What the saga asks of a sales channel (one WooCommerce store). Ids are the channel's, as strings. */
export interface OrderChannelPort {
  /** Sets the channel order status, e.g. `completed`. Idempotent by nature (absolute value). */
  setOrderStatus(
    orderId: string,
    status: 'processing' | 'completed' | 'cancelled' | 'on-hold',
  ): Promise<void>;
  /** Adds a note; `customerNote` makes it visible to the customer. Returns the note id. */
  addOrderNote(orderId: string, note: string, customerNote: boolean): Promise<string>;
  /** Notes already on the order, for the effect ledger's lookup after a crash. */
  listOrderNotes(orderId: string): Promise<{ id: string; note: string }[]>;
  /** Records a refund without moving money through the gateway (`api_refund: false`). Returns the refund id. */
  createRefund(orderId: string, refund: ChannelRefundRequest): Promise<string>;
  /** Refunds already on the order (id and reason), for lookups. */
  listRefunds(orderId: string): Promise<{ id: string; reason: string }[]>;
}

export interface ChannelRefundRequest {
  amount: Money;
  /** Unique per refund: the lookup finds an earlier attempt by it. */
  reason: string;
  /** Order items by their channel id: product lines, and shipping or fee charges (quantity 0). */
  lines: { lineId: string; quantity: number; total: Money; tax: Money }[];
  restock: boolean;
}

export interface FulfilmentOrderRef {
  id: string;
  reference: string;
  status: string;
}

export interface FulfilmentCreate {
  /** Also the idempotency key. */
  reference: string;
  location: string;
  lines: { lineRef: string; sku: string; quantity: number }[];
  shipTo: Address;
  carrierHint?: string;
}

/** What the saga asks of a warehouse or drop-ship supplier. */
export interface FulfilmentPort {
  createFulfilment(request: FulfilmentCreate): Promise<FulfilmentOrderRef>;
  findFulfilment(reference: string): Promise<FulfilmentOrderRef | undefined>;
  /** False when it is too late (already shipped). */
  cancelFulfilment(id: string): Promise<boolean>;
}

export interface RouteRequest {
  order: Order;
  lines: PlannedLine[];
  /** Locations that already failed these lines. */
  exclude: readonly string[];
}

/** Chooses fulfilment locations per line (the OMS). */
export interface OrderRouter {
  route(
    request: RouteRequest,
  ): Promise<
    Pick<RoutingRecord, 'assignments' | 'backorders' | 'reasons'> & { cancelledLines?: PlannedLine[] }
  >;
}

/** What the saga needs from the runtime to register its handlers. */
export interface SagaRuntime {
  subscribe(consumer: string, types: readonly string[], handler: Handler): unknown;
}

/** The ERP capabilities the saga and the returns flow use (the full `ErpPort` satisfies it). */
export type SagaErpPort = Pick<
  ErpPort,
  | 'system'
  | 'registerOrder'
  | 'findOrder'
  | 'confirmOrder'
  | 'cancelOrder'
  | 'updateOrder'
  | 'readDeliveries'
  | 'validateDelivery'
  | 'createInvoice'
  | 'registerPayment'
  | 'createCreditNote'
>;

export type SagaConfig = Pick<HubConfig, 'stores' | 'warehouses' | 'dropship' | 'payments' | 'routing'>;

export interface OrderToCashDeps {
  config: SagaConfig;
  erp: SagaErpPort;
  woo: (storeId: string) => OrderChannelPort;
  wms: (locationId: string) => FulfilmentPort;
  /** Defaults to `configRouter(config)`. */
  router?: OrderRouter;
  log: Logger;
  clock?: () => Date;
}
