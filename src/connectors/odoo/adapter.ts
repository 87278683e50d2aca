/**
 * The Odoo adapter of the ERP port: wires config, endpoint policy, transport, look-up caches and
 * the operations into one `ErpPort`.
 *
 * @example
 * ```ts
 * import { createOdooErp } from './connectors/odoo/index.js';
 * const erp = createOdooErp({
 *   config: { url: 'http://127.0.0.1:8069', database: 'demo', username: 'admin', apiKey: 'admin', version: 19 },
 *   policy: runtime.policy('odoo'),
 *   locations: { main: 'WH/Stock' },
 * });
 * const { erpOrderId } = await erp.registerOrder(order, { storeId: 'eu', warehouse: 'main' });
 * ```
 */
import type { EndpointPolicy } from '../../runtime/contracts.js';
import type { ErpPort } from '../erp.js';
import { createOdooClient, type OdooClient, type OdooClientConfig } from './client.js';
import type { OdooContext, OdooSettings } from './context.js';
import { findOrCreateCustomer } from './customers.js';
import { readDeliveries, validateDelivery } from './deliveries.js';
import { readPriceChanges, readProductChanges } from './feeds/catalogue-changes.js';
import { readDeliveryChanges } from './feeds/delivery-changes.js';
import { readStockChanges } from './feeds/stock-changes.js';
import type { ChangeReadOptions } from './feeds/write-date-cursor.js';
import { createInvoice, createCreditNote, readInvoices, registerPayment } from './invoices.js';
import { createKeyLock } from './key-lock.js';
import { createLookups } from './lookups.js';
import type { TaxMode } from './mapping/order-lines.js';
import { cancelOrder, confirmOrder, findOrder, readOrder, registerOrder, updateOrder } from './orders.js';
import { resolveSkus } from './products.js';
import { returnStock, type StockReturnInput } from './returns.js';
import { readStockPositions } from './stock.js';
import type { OdooTransport } from './transport.js';

export interface OdooErpConfig extends OdooClientConfig {
  taxMode?: TaxMode;
  /** Channel rate id or `"21%"` → Odoo account.tax id. */
  taxMap?: Record<string, string | number>;
}

export interface OdooErpOptions {
  config: OdooErpConfig;
  /** Rate limit + circuit breaker every Odoo call goes through. */
  policy: EndpointPolicy;
  /** Hub location id → Odoo location name (`{ main: 'WH/Stock' }`), from `warehouses[].erpLocation`. */
  locations?: Record<string, string>;
  /** Change-feed tuning (overlap window, page size). */
  feeds?: ChangeReadOptions;
  /** For tests: a transport other than the configured one. */
  transport?: OdooTransport;
}

export interface OdooErp extends ErpPort {
  /** The underlying client, for tooling and tests; flows use the port methods only. */
  readonly client: OdooClient;
  /** Receives restocked returned goods into the location the order shipped from (the returns flow's StockReturnPort). */
  returnStock(input: StockReturnInput): Promise<{ id: string }>;
}

export function createOdooErp(options: OdooErpOptions): OdooErp {
  const client = createOdooClient(options.config, options.policy, options.transport);
  const settings: OdooSettings = {
    taxMode: options.config.taxMode ?? 'line',
    taxMap: options.config.taxMap ?? {},
    companyId: options.config.companyId,
    locations: options.locations ?? {},
  };
  const lock = createKeyLock();
  const ctx: OdooContext = { client, lookups: createLookups(client), settings, locks: lock };
  const feeds = options.feeds;
  return {
    system: 'odoo',
    client,
    findOrCreateCustomer: (customer, billing, shipping) =>
      findOrCreateCustomer(ctx, customer, billing, shipping),
    resolveSkus: (skus) => resolveSkus(client, skus),
    registerOrder: (order, opts) =>
      lock.run(`${opts.storeId}/${order.externalId}`, () => registerOrder(ctx, order, opts)),
    findOrder: (storeId, externalId) => findOrder(ctx, storeId, externalId),
    readOrder: (id) => readOrder(ctx, id),
    confirmOrder: (id) => confirmOrder(ctx, id),
    cancelOrder: (id) => cancelOrder(ctx, id),
    updateOrder: (id, order, opts) =>
      lock.run(`${opts.storeId}/${order.externalId}`, () => updateOrder(ctx, id, order, opts)),
    readStockPositions: (locations, skus) => readStockPositions(ctx, locations, skus),
    readStockChanges: (cursor, locations) => readStockChanges(ctx, cursor, locations, feeds),
    readPriceChanges: (cursor) => readPriceChanges(ctx, cursor, feeds),
    readProductChanges: (cursor) => readProductChanges(ctx, cursor, feeds),
    readDeliveryChanges: (cursor) => readDeliveryChanges(ctx, cursor, feeds),
    readDeliveries: (id) => readDeliveries(ctx, id),
    validateDelivery: (input) => validateDelivery(ctx, input),
    createInvoice: (id) => createInvoice(ctx, id),
    createCreditNote: (refund, id) => createCreditNote(ctx, refund, id),
    registerPayment: (invoice, amount, ref) => registerPayment(ctx, invoice, amount, ref),
    readInvoices: (id) => readInvoices(ctx, id),
    returnStock: (input) => returnStock(ctx, input),
  };
}
