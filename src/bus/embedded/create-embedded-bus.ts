/**
 * The embedded bus: the store's `deliveries` table is the queue (see `../port.ts`). One process
 * on SQLite, or several on PostgreSQL (claims use `FOR UPDATE SKIP LOCKED`).
 *
 * @example
 * ```ts
 * const bus = createEmbeddedBus({ db, dialect: 'sqlite' });
 * bus.subscribe('audit', ['order.received']);
 * ```
 */
import { markAcknowledged } from '../../runtime/deliveries/mark-acknowledged.js';
import type { EventBus } from '../port.js';
import type { Db } from '../../runtime/contracts.js';
import type { DialectName } from '../../store/config.js';
import { createIdFactory, type IdFactory } from '../../runtime/ids.js';
import { insertEvents } from '../../runtime/events/insert-events.js';
import { fanOutDeliveries } from '../../runtime/deliveries/fan-out-deliveries.js';
import { claimDeliveries } from '../../runtime/deliveries/claim-deliveries.js';
import { completeDeliveries } from '../../runtime/deliveries/complete-deliveries.js';
import { renewLeases } from '../../runtime/deliveries/renew-leases.js';
import { releaseDeliveries } from '../../runtime/deliveries/release-deliveries.js';
import { recoverDeliveries } from '../../runtime/deliveries/recover-deliveries.js';
import { retryDelivery } from '../../runtime/deliveries/retry-delivery.js';
import { deadLetterDelivery } from '../../runtime/deliveries/dead-letter-delivery.js';
import { parkDelivery } from '../../runtime/deliveries/park-delivery.js';
import { requeueDelivery } from '../../runtime/deliveries/requeue-delivery.js';
import { countUnfinished } from '../../runtime/deliveries/count-unfinished.js';
import { Subscriptions } from './subscriptions.js';

export function createEmbeddedBus(options: { db: Db; dialect: DialectName; newId?: IdFactory }): EventBus {
  const { db, dialect } = options;
  const newId = options.newId ?? createIdFactory();
  const subscriptions = new Subscriptions();
  return {
    kind: 'embedded',
    subscribe: (consumer, types) => subscriptions.add(consumer, types),
    append: async (trx, events) => {
      if (events.length === 0) return;
      await insertEvents(
        trx,
        events.map((e) => e.row),
      );
      await fanOutDeliveries(trx, events, subscriptions.consumersOf);
    },
    claim: (request, trx) => claimDeliveries(trx ?? db, dialect, request),
    acknowledge: (trx, deliveries, owner) => completeDeliveries(trx, deliveries, owner),
    markAcknowledged: (trx, deliveries, owner) => markAcknowledged(trx, deliveries, owner),
    renew: (deliveries, owner, until) =>
      renewLeases(
        db,
        deliveries.map((d) => Number(d.id)),
        owner,
        until,
      ),
    release: (deliveries, owner) =>
      releaseDeliveries(
        db,
        deliveries.map((d) => Number(d.id)),
        owner,
      ),
    recover: (expiredBefore) => recoverDeliveries(db, expiredBefore),
    retry: (delivery, owner, at, failure) => retryDelivery(db, delivery, owner, at, failure),
    deadLetter: (delivery, owner, failure, now) =>
      deadLetterDelivery(db, delivery, owner, failure, now, newId),
    park: (delivery, owner, failure) => parkDelivery(db, delivery, owner, failure),
    requeue: (trx, deliveryId, now) => requeueDelivery(trx, Number(deliveryId), now),
    unfinished: (now) => countUnfinished(db, now),
  };
}
