/**
 * The ERP port: what flows may ask of the system of record, in canonical terms only. Odoo is the
 * first adapter (`src/connectors/odoo/`); another ERP is one more folder implementing this
 * interface. Every method is safe to retry: writes look up their own earlier effect first.
 *
 * @example
 * ```ts
 * import type { ErpPort } from '../erp.js';
 * async function register(erp: ErpPort, order: Order) {
 *   const { erpOrderId, created } = await erp.registerOrder(order, { storeId: order.storeId, warehouse: 'WH/Stock' });
 *   if (created) await erp.confirmOrder(erpOrderId);
 * }
 * ```
 */
import type {
  Address,
  CreditNote,
  Customer,
  Invoice,
  Order,
  Price,
  Product,
  Refund,
  StockPosition,
} from '../../canonical/index.js';

/** ERP record ids travel as strings so any ERP's keys fit (`"42"`, `"SO-0042"`). */
export type ErpId = string;

export interface ErpCustomerRef {
  customerId: ErpId;
  invoiceAddressId: ErpId;
  shippingAddressId: ErpId;
  created: boolean;
}

export interface ErpProductRef {
  productId: ErpId;
  sku: string;
  name: string;
}

export interface RegisterOrderOptions {
  storeId: string;
  /** The hub location (warehouse id, `main`) or ERP location (`WH/Stock`) to ship from. */
  warehouse?: string;
  /** The store's ERP pricelist (name or id); else the first pricelist in the order's currency. */
  pricelist?: string;
}

export interface RegisteredOrder {
  erpOrderId: ErpId;
  erpOrderName: string;
  /** The ERP's own total, equal to the channel's `totals.total`. */
  amountTotal: string;
  /** False when the order already existed (a retry, a duplicate delivery, a crash before recording). */
  created: boolean;
}

export interface ErpOrderState {
  erpOrderId: ErpId;
  erpOrderName: string;
  state: 'draft' | 'confirmed' | 'done' | 'cancelled';
  amountTotal: string;
  currency: string;
}

export interface ErpDelivery {
  erpPickingId: ErpId;
  name: string;
  /** ERP state, normalised: waiting for stock, ready, shipped or cancelled. */
  state: 'draft' | 'waiting' | 'ready' | 'done' | 'cancelled';
  erpState: string;
  erpOrderId?: ErpId;
  /** The sale order's name (`S00042`) the picking came from. */
  origin?: string;
  /** The channel order it ships, when the hub registered it: `{ storeId: 'eu', orderId: '1234' }`. */
  channelOrder?: { storeId: string; orderId: string };
  location?: string;
  carrier?: string;
  trackingNumber?: string;
  doneAt?: string;
  lines: { sku: string; quantity: number; done: number }[];
}

export interface ValidateDeliveryInput {
  erpPickingId: ErpId;
  trackingNumber?: string;
  /** The carrier's name as the warehouse reports it (`dhl`); the ERP's carrier record of that name. */
  carrier?: string;
  /** Quantities actually shipped per SKU; all demanded quantities when absent. */
  lines?: { sku: string; quantity: number }[];
}

export interface InvoiceRef {
  erpInvoiceId: ErpId;
}

/** A change feed page: what changed since the cursor, and where to continue. */
export interface ChangePage<T> {
  changes: T[];
  cursor: string;
}

export interface ErpPort {
  readonly system: string;
  findOrCreateCustomer(customer: Customer, billing?: Address, shipping?: Address): Promise<ErpCustomerRef>;
  /** Only SKUs known to the ERP are in the map. */
  resolveSkus(skus: readonly string[]): Promise<Map<string, ErpProductRef>>;
  /** Idempotent: finds the order by its external id (and channel reference) before creating it. */
  registerOrder(order: Order, options: RegisterOrderOptions): Promise<RegisteredOrder>;
  /** The lookup half of `registerOrder`, for the effect ledger after a crash. */
  findOrder(storeId: string, externalId: string): Promise<RegisteredOrder | undefined>;
  readOrder(erpOrderId: ErpId): Promise<ErpOrderState>;
  confirmOrder(erpOrderId: ErpId): Promise<void>;
  cancelOrder(erpOrderId: ErpId): Promise<void>;
  /** Replaces the lines of an order still editable; BusinessError when the ERP no longer allows it. */
  updateOrder(erpOrderId: ErpId, order: Order, options: RegisterOrderOptions): Promise<RegisteredOrder>;
  /** `locations` are hub location ids (`main`), translated through the configured `erpLocation`s. */
  readStockPositions(locations: readonly string[], skus?: readonly string[]): Promise<StockPosition[]>;
  /**
   * Change feeds: what changed since `cursor` (undefined = from the beginning), with the cursor to
   * store for the next call. A change may be reported twice (overlap), never skipped.
   */
  readStockChanges(
    cursor: string | undefined,
    locations: readonly string[],
  ): Promise<ChangePage<StockPosition>>;
  readPriceChanges(cursor: string | undefined): Promise<ChangePage<Price>>;
  readProductChanges(cursor: string | undefined): Promise<ChangePage<Product>>;
  readDeliveryChanges(cursor: string | undefined): Promise<ChangePage<ErpDelivery>>;
  readDeliveries(erpOrderId: ErpId): Promise<ErpDelivery[]>;
  validateDelivery(input: ValidateDeliveryInput): Promise<ErpDelivery>;
  /** Invoices the delivered (or ordered) quantities through the ERP's own invoicing, and posts it. */
  createInvoice(erpOrderId: ErpId): Promise<Invoice>;
  createCreditNote(refund: Refund, erpOrderId: ErpId): Promise<CreditNote>;
  registerPayment(invoice: InvoiceRef, amount: string, reference: string): Promise<Invoice>;
  readInvoices(erpOrderId: ErpId): Promise<(Invoice | CreditNote)[]>;
}
