import type { ClaimedDelivery, FailureRecord } from '../../bus/port.js';
import type { Db } from '../contracts.js';
import { isoAt } from '../clock.js';
import { toEnvelope } from '../events/to-envelope.js';
import type { IdFactory } from '../ids.js';
import { settleFailedDelivery } from './settle-delivery.js';

/**
 * A permanent failure, or a transient one out of attempts: the delivery is marked dead and a dead
 * letter keeps the whole message with the error, attempts and timestamps — in one transaction, so
 * a message is never dead without its letter. Later messages of the partition proceed.
 */
export async function deadLetterDelivery(
  db: Db,
  delivery: ClaimedDelivery,
  owner: string,
  failure: FailureRecord,
  now: number,
  newId: IdFactory,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await settleFailedDelivery(trx, delivery, owner, { status: 'dead' }, failure))) return;
    await trx
      .insertInto('dead_letters')
      .values({
        id: newId(now),
        delivery_seq: Number(delivery.id),
        event_id: delivery.event.id,
        consumer: delivery.consumer,
        type: delivery.event.type,
        partition_key: delivery.partitionKey,
        message: JSON.stringify(toEnvelope(delivery.event, delivery.attempts)),
        error_kind: failure.kind,
        error_code: failure.code,
        error_message: failure.message,
        error_stack: failure.stack ?? null,
        attempts: delivery.attempts,
        first_attempt_at: isoAt(delivery.firstAttemptAt),
        last_attempt_at: isoAt(now),
        created_at: isoAt(now),
        replayed_at: null,
      })
      .execute();
  });
}
