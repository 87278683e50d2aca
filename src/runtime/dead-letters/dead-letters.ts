import type { Db } from '../contracts.js';
import type { EventBus } from '../../bus/port.js';
import type { Envelope } from '../contracts.js';
import type { DeadLettersTable } from '../tables.js';
import type { Clock } from '../clock.js';
import { isoAt } from '../clock.js';

export interface DeadLetter {
  id: string;
  consumer: string;
  type: string;
  partitionKey: string;
  message: Envelope;
  error: { kind: string; code: string; message: string; stack: string | undefined };
  attempts: number;
  firstAttemptAt: string;
  lastAttemptAt: string;
  createdAt: string;
  replayedAt: string | undefined;
}

export interface DeadLetterFilter {
  consumer?: string;
  type?: string;
  /** Include dead letters already replayed (default false). */
  includeReplayed?: boolean;
  limit?: number;
}

export interface DeadLetters {
  list(filter?: DeadLetterFilter): Promise<DeadLetter[]>;
  get(id: string): Promise<DeadLetter | undefined>;
  /** Delivers again (from attempt 1, in its partition's order); returns how many were replayed. */
  replay(target: string | DeadLetterFilter): Promise<number>;
  /** Not yet replayed. */
  count(): Promise<number>;
}

/**
 * Dead letters: listable, inspectable and replayable one by one or by filter.
 *
 * @example
 * ```ts
 * const letters = await runtime.deadLetters.list({ consumer: 'order-to-cash' });
 * await runtime.deadLetters.replay(letters[0].id);
 * await runtime.deadLetters.replay({ consumer: 'order-to-cash' }); // all of them
 * ```
 */
export function createDeadLetters(db: Db, bus: EventBus, clock: Clock, replayed: () => void): DeadLetters {
  const query = (filter: DeadLetterFilter) => {
    let q = db.selectFrom('dead_letters').selectAll();
    if (filter.consumer) q = q.where('consumer', '=', filter.consumer);
    if (filter.type) q = q.where('type', '=', filter.type);
    if (!filter.includeReplayed) q = q.where('replayed_at', 'is', null);
    return q.orderBy('id');
  };
  const list = async (filter: DeadLetterFilter = {}) => {
    const rows = await query(filter)
      .limit(filter.limit ?? 1000)
      .execute();
    return rows.map(toDeadLetter);
  };
  return {
    list,
    async get(id) {
      const row = await db.selectFrom('dead_letters').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toDeadLetter(row) : undefined;
    },
    async replay(target) {
      const rows =
        typeof target === 'string'
          ? await db
              .selectFrom('dead_letters')
              .selectAll()
              .where('id', '=', target)
              .where('replayed_at', 'is', null)
              .execute()
          : await query({ ...target, includeReplayed: false }).execute();
      let count = 0;
      for (const row of rows) {
        const now = clock.now();
        const done = await db.transaction().execute(async (trx) => {
          const marked = await trx
            .updateTable('dead_letters')
            .set({ replayed_at: isoAt(now) })
            .where('id', '=', row.id)
            .where('replayed_at', 'is', null)
            .executeTakeFirst();
          if (Number(marked.numUpdatedRows) === 0) return false;
          return bus.requeue(trx, String(row.delivery_seq), now);
        });
        if (done) count++;
      }
      if (count > 0) replayed();
      return count;
    },
    async count() {
      const row = await db
        .selectFrom('dead_letters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('replayed_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

function toDeadLetter(row: DeadLettersTable): DeadLetter {
  return {
    id: row.id,
    consumer: row.consumer,
    type: row.type,
    partitionKey: row.partition_key,
    message: JSON.parse(row.message) as Envelope,
    error: {
      kind: row.error_kind,
      code: row.error_code,
      message: row.error_message,
      stack: row.error_stack ?? undefined,
    },
    attempts: row.attempts,
    firstAttemptAt: row.first_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    createdAt: row.created_at,
    replayedAt: row.replayed_at ?? undefined,
  };
}
