import type { Trx } from '../contracts.js';
import type { EventRecord } from '../events/event-record.js';
import { chunk } from '../chunk.js';

/**
 * One delivery per event per consumer subscribed to its type, in the event's transaction (the
 * outbox): an event is never recorded without the deliveries it owes, nor delivered without being recorded.
 */
export async function fanOutDeliveries(
  trx: Trx,
  records: readonly EventRecord[],
  consumersOf: (type: string) => readonly string[],
): Promise<number> {
  const rows = records.flatMap(({ row, availableAt }) =>
    consumersOf(row.type).map((consumer) => ({
      event_id: row.id,
      consumer,
      partition_key: row.partition_key,
      status: 'pending' as const,
      attempts: 0,
      available_at: availableAt,
    })),
  );
  for (const part of chunk(rows)) await trx.insertInto('deliveries').values(part).execute();
  return rows.length;
}
