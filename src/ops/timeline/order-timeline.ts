/**
 * One order's story across every system: where it stands (state, since when, parked why), which
 * system holds it under which id and status, and every entry of its timeline.
 *
 * @example
 * ```ts
 * const view = await readOrderTimeline(db, 'eu', '727');
 * view?.order.systems.erp; // { id: '42', name: 'S00042', state: 'confirmed' }
 * ```
 */
import type { Kysely } from 'kysely';
import { orderSubject } from '../../canonical/index.js';
import { loadSaga } from '../../flows/order-to-cash/saga-store.js';
import type { Database } from '../../store/schema.js';
import { readTimelineEntries, type TimelineEntry } from './read-timeline.js';

export interface OrderTimeline {
  order: {
    subject: string;
    state: string;
    since: string;
    total: { currency: string; amount: string };
    systems: {
      woocommerce: { id: string; number: string; status: string };
      erp?: { id: string; name: string; state: string };
      wms: { id: string | undefined; reference: string; location: string; status: string }[];
    };
    shipments: { id: string; location: string; carrier: string; trackingNumber?: string }[];
    parked?: { reason: string; code: string; step: string; from: string };
  };
  entries: TimelineEntry[];
}

export async function readOrderTimeline(
  db: Kysely<Database>,
  storeId: string,
  orderId: string,
): Promise<OrderTimeline | undefined> {
  const subject = orderSubject(storeId, orderId);
  const saga = await loadSaga(db, subject);
  if (saga === undefined) return undefined;
  return {
    order: {
      subject,
      state: saga.state,
      since: saga.since,
      total: saga.order.totals.total,
      systems: {
        woocommerce: { id: saga.orderId, number: saga.order.number, status: saga.order.channelStatus },
        ...(saga.erp === undefined ? {} : { erp: saga.erp }),
        wms: saga.fulfilments.map((f) => ({
          id: f.wmsId,
          reference: f.reference,
          location: f.location,
          status: f.status,
        })),
      },
      shipments: saga.shipments.map((s) => ({
        id: s.id,
        location: s.location,
        carrier: s.carrier,
        ...(s.trackingNumber === undefined ? {} : { trackingNumber: s.trackingNumber }),
      })),
      ...(saga.parked === undefined ? {} : { parked: saga.parked }),
    },
    entries: await readTimelineEntries(db, subject),
  };
}
