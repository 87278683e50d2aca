/**
 * Returns and refunds: a refund created in WooCommerce becomes an ERP credit note (and a stock
 * return when restocked); goods received back at a warehouse trigger the refund in WooCommerce.
 * Consumer `returns`, in each order's partition.
 *
 * @example
 * ```ts
 * import { registerReturns } from './flows/returns/index.js';
 * registerReturns(runtime, { erp, woo: (storeId) => wooOrderChannel(wooClients.get(storeId)!), log });
 * ```
 */
import type { EventData } from '../../canonical/index.js';
import type { ReturnReceivedData } from '../../connectors/wms/ingest-handler.js';
import type { HandlerContext } from '../../runtime/contracts.js';
import type { SagaRuntime } from '../order-to-cash/ports.js';
import { onRefundRequested } from './on-refund-requested.js';
import { onReturnReceived } from './on-return-received.js';
import type { ReturnsDeps } from './ports.js';

export const RETURNS_CONSUMER = 'returns';

export function registerReturns(runtime: SagaRuntime, deps: ReturnsDeps): void {
  runtime.subscribe(RETURNS_CONSUMER, ['refund.requested', 'return.received'], async (ctx) => {
    if (ctx.message.type === 'refund.requested')
      return onRefundRequested(ctx as HandlerContext<EventData<'refund.requested'>>, deps);
    if (ctx.message.type === 'return.received')
      return onReturnReceived(ctx as HandlerContext<ReturnReceivedData>, deps);
  });
}

export { onRefundRequested, refundIdOf } from './on-refund-requested.js';
export { onReturnReceived, returnedLines } from './on-return-received.js';
export type { ReturnsDeps, StockReturnPort } from './ports.js';
