import type { Db, Envelope } from '../contracts.js';
import type { EventBus } from '../../bus/port.js';
import type { Clock } from '../clock.js';
import { toEnvelope } from '../events/to-envelope.js';
import { INBOUND_DATA, inboundData } from '../events/load-events.js';

export interface ParkedMessage {
  /** The delivery's id. */
  id: string;
  consumer: string;
  message: Envelope;
  reason: { code: string; message: string };
  attempts: number;
}

export interface ParkedFilter {
  consumer?: string;
  type?: string;
  partitionKey?: string;
  limit?: number;
}

export interface Parked {
  list(filter?: ParkedFilter): Promise<ParkedMessage[]>;
  /** Delivers again from attempt 1 (after a person fixed the cause); returns how many resumed. */
  resume(target: string | ParkedFilter): Promise<number>;
}

/**
 * Messages parked by a `BusinessError`, waiting for a person.
 *
 * @example
 * ```ts
 * const [first] = await runtime.parked.list({ consumer: 'order-to-cash' });
 * console.log(first.reason.message); // "ERP rejected customer: VAT number invalid"
 * await runtime.parked.resume(first.id);
 * ```
 */
export function createParked(db: Db, bus: EventBus, clock: Clock, resumed: () => void): Parked {
  const select = (filter: ParkedFilter) => {
    let q = db
      .selectFrom('deliveries as d')
      .innerJoin('events as e', 'e.id', 'd.event_id')
      .leftJoin('inbox as i', 'i.id', 'e.id')
      .selectAll('e')
      .select([
        'd.seq',
        'd.consumer',
        'd.attempts',
        'd.last_error',
        'i.body as inbox_body',
        'i.headers as inbox_headers',
      ])
      .where('d.status', '=', 'parked');
    if (filter.consumer) q = q.where('d.consumer', '=', filter.consumer);
    if (filter.type) q = q.where('e.type', '=', filter.type);
    if (filter.partitionKey) q = q.where('d.partition_key', '=', filter.partitionKey);
    return q.orderBy('d.seq').limit(filter.limit ?? 1000);
  };
  return {
    async list(filter = {}) {
      const rows = await select(filter).execute();
      return rows.map((r) => {
        const reason = JSON.parse(r.last_error ?? '{}') as { code?: string; message?: string };
        return {
          id: String(r.seq),
          consumer: r.consumer,
          message: toEnvelope(
            r.data === INBOUND_DATA && r.inbox_body !== null && r.inbox_headers !== null
              ? { ...r, data: inboundData(r.inbox_body, r.inbox_headers) }
              : r,
            r.attempts,
          ),
          reason: { code: reason.code ?? 'unknown', message: reason.message ?? '' },
          attempts: r.attempts,
        };
      });
    },
    async resume(target) {
      const ids =
        typeof target === 'string' ? [target] : (await select(target).execute()).map((r) => String(r.seq));
      let count = 0;
      for (const id of ids) {
        if (await db.transaction().execute((trx) => bus.requeue(trx, id, clock.now()))) count++;
      }
      if (count > 0) resumed();
      return count;
    },
  };
}
