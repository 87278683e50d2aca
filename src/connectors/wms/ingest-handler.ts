/**
 * The WMS returns ingress: turns each stored `wms.return.received` webhook into the canonical
 * `return.received` event in the order's partition, for the returns flow. (Fulfilment events are
 * translated by `./ingest.ts`.) A return whose reference names no hub order is parked for a person.
 *
 * @example
 * ```ts
 * registerWmsReturnIngest(runtime); // before runtime.start()
 * ```
 */
import { orderPartitionKey, parseOrderSubject } from '../../canonical/index.js';
import type { EventInput, Handler, HandlerContext } from '../../runtime/contracts.js';
import { BusinessError, PermanentError } from '../../runtime/errors.js';
import { parseWmsEvent } from './event-schema.js';
import { fromWmsEvent } from './mapping.js';

export const WMS_RETURN_INGEST_CONSUMER = 'wms-return-ingest';
export const WMS_RETURN_TYPES = ['wms.return.received'];

/** Data of the canonical `return.received` event. */
export interface ReturnReceivedData {
  storeId: string;
  orderId: string;
  location: string;
  wmsReturnId: string;
  reference: string;
  lines: { sku: string; quantity: number; condition: string }[];
  receivedAt: string;
}

export function registerWmsReturnIngest(runtime: {
  subscribe(consumer: string, types: string[], handler: Handler): unknown;
}): void {
  runtime.subscribe(WMS_RETURN_INGEST_CONSUMER, WMS_RETURN_TYPES, wmsReturnIngestHandler());
}

export function wmsReturnIngestHandler(): Handler {
  return async (ctx: HandlerContext) => {
    const { body } = ctx.message.data as { body: string };
    const parsed = parseWmsEvent(body);
    if (!parsed.ok) {
      throw new PermanentError(
        `stored WMS event ${ctx.message.id} does not parse: ${parsed.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        {
          code: 'invalid_event',
          system: ctx.message.source,
        },
      );
    }
    const received = fromWmsEvent(parsed.event);
    if (received.kind !== 'return') return;
    const order = received.orderSubject === undefined ? undefined : parseOrderSubject(received.orderSubject);
    if (order === undefined) {
      throw new BusinessError(
        `WMS return ${received.wmsReturnId} (reference "${received.reference}") names no hub order`,
        {
          code: 'unknown_reference',
          system: ctx.message.source,
        },
      );
    }
    const event: EventInput<ReturnReceivedData> = {
      type: 'return.received',
      subject: received.orderSubject as string,
      partitionKey: orderPartitionKey(order.storeId, order.orderId),
      source: ctx.message.source,
      data: {
        ...order,
        location: received.location,
        wmsReturnId: received.wmsReturnId,
        reference: received.reference,
        lines: received.lines,
        receivedAt: received.receivedAt,
      },
    };
    await ctx.publish([event]);
  };
}
