/**
 * The Odoo connector: an ErpPort adapter over JSON-2 (Odoo 19+) or JSON-RPC (16–18), and the
 * ERP change-feed pollers.
 *
 * @example
 * ```ts
 * import { createOdooErp, pollStockOnce } from './connectors/odoo/index.js';
 * const erp = createOdooErp({ config: { url, database: 'demo', username: 'admin', apiKey, version: 19 }, policy });
 * await pollStockOnce({ erp, cursors, publish, locations: ['main'] });
 * ```
 */
export { createOdooErp, type OdooErp, type OdooErpConfig, type OdooErpOptions } from './adapter.js';
export { createOdooClient, type OdooClient, type OdooClientConfig } from './client.js';
export type { OdooTransport, OdooConnection, OdooTransportKind } from './transport.js';
export { createJson2Transport } from './transports/json2.js';
export { createJsonRpcTransport } from './transports/jsonrpc.js';
export { fieldsFor, type OdooFields, type OdooVersion } from './fields.js';
export { fromOdooException } from './errors.js';
export {
  pollStockOnce,
  pollPricesOnce,
  pollProductsOnce,
  pollDeliveriesOnce,
  type FeedDeps,
  type PollResult,
} from './feeds/poll.js';
export { startErpFeeds, type ErpFeeds, type ErpFeedOptions, type FeedName } from './feeds/run-feeds.js';
export { clientOrderRef, orderXmlName } from './mapping/from-order.js';
