/**
 * The WMS ingress consumer: turns each stored WMS webhook (inbound `wms.*` message) into the
 * canonical events the order-to-cash saga handles, in the order's partition:
 * - `fulfilment.progressed` with the fulfilment's status (the saga only moves it forward);
 * - `shipment.confirmed`, one per shipment (the saga records each shipment id once);
 * - `fulfilment.failed` (`line_unfulfillable`) once per WMS fulfilment order, whichever of its
 *   events (the exception or a later snapshot) is processed first — the effect ledger remembers it.
 * Returns (`wms.return.received`) are left to the returns flow, which reads them with `fromWmsEvent`.
 *
 * @example
 * ```ts
 * registerWmsIngest(runtime); // before runtime.start()
 * ```
 */
import { makeEvent, orderPartitionKey, parseOrderSubject } from '../../canonical/index.js';
import type { EventInput, Handler, HandlerContext } from '../../runtime/contracts.js';
import { BusinessError, PermanentError } from '../../runtime/errors.js';
import { parseWmsEvent } from './event-schema.js';
import { fromWmsEvent, type FulfilmentUpdate } from './mapping.js';

export const WMS_INGEST_CONSUMER = 'wms-ingest';
export const WMS_FULFILMENT_TYPES = ['picking', 'packed', 'shipped', 'exception', 'cancelled'].map(
  (type) => `wms.fulfilment.${type}`,
);

/** Data of `fulfilment.progressed` (the saga's `FulfilmentProgressed`). */
export interface FulfilmentProgressedData {
  storeId: string;
  orderId: string;
  reference: string;
  location: string;
  wmsId: string;
  status: FulfilmentUpdate['status'];
  at: string;
}

export function registerWmsIngest(runtime: {
  subscribe(consumer: string, types: string[], handler: Handler): unknown;
}): void {
  runtime.subscribe(WMS_INGEST_CONSUMER, WMS_FULFILMENT_TYPES, wmsIngestHandler());
}

export function wmsIngestHandler(): Handler {
  return async (ctx: HandlerContext) => {
    const { body } = ctx.message.data as { body: string };
    const parsed = parseWmsEvent(body);
    // The webhook route validated it before storing; failing here means the schema changed under us.
    if (!parsed.ok)
      throw new PermanentError(`stored WMS event ${ctx.message.id} no longer parses`, {
        code: 'invalid_event',
        system: ctx.message.source,
      });
    const update = fromWmsEvent(parsed.event);
    if (update.kind !== 'fulfilment') return;
    const order = update.orderSubject === undefined ? undefined : parseOrderSubject(update.orderSubject);
    if (!order || update.fulfilmentRequestId === undefined) {
      // A fulfilment the hub did not request (keyed in by hand at the warehouse): a person decides.
      throw new BusinessError(
        `WMS fulfilment ${update.wmsFulfilmentId} has a reference that names no hub order`,
        {
          code: 'unknown_reference',
          system: ctx.message.source,
        },
      );
    }
    const subject = update.orderSubject as string;
    const partitionKey = orderPartitionKey(order.storeId, order.orderId);
    const requestId = update.fulfilmentRequestId;
    const progressed: EventInput<FulfilmentProgressedData> = {
      type: 'fulfilment.progressed',
      subject,
      partitionKey,
      source: ctx.message.source,
      data: {
        ...order,
        reference: requestId,
        location: update.location,
        wmsId: update.wmsFulfilmentId,
        status: update.status,
        at: parsed.event.createdAt,
      },
    };
    // Failure first: the saga must know a line will not come before it counts what has shipped.
    const shipments = update.shipments.map((shipment) =>
      makeEvent(
        'shipment.confirmed',
        subject,
        partitionKey,
        { ...order, shipment },
        { source: ctx.message.source },
      ),
    );
    if (update.unfulfillable.length > 0) {
      await ctx.effects.run(`wms:${update.location}:${update.wmsFulfilmentId}:unfulfillable`, {
        perform: async () => {
          const lines = update.unfulfillable.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity }));
          const reason = `${update.location} could not pick ${lines.map((line) => `${line.quantity}× ${line.sku}`).join(', ')}`;
          await ctx.publish([
            makeEvent(
              'fulfilment.failed',
              subject,
              partitionKey,
              { ...order, requestId, location: update.location, code: 'line_unfulfillable', reason, lines },
              { source: ctx.message.source },
            ),
          ]);
          return true;
        },
      });
    }
    await ctx.publish([progressed, ...shipments]);
  };
}
