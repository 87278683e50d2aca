/**
 * The event bus port: how events travel from `publish` (or the inbox) to the dispatcher. The
 * runtime's flows, handlers and guarantees are written against this interface only, so the
 * carrier can change without any flow changing:
 *
 * - **embedded** (`./embedded/`, the default): the `deliveries` table *is* the queue. `append`
 *   inserts the event and one delivery per subscribed consumer in the caller's transaction;
 *   `claim` leases due deliveries whose partition has nothing earlier unfinished; `acknowledge`
 *   marks them done — in the handler's own transaction when it has one, so state change and ack
 *   are atomic.
 * - **NATS JetStream** (later): `append` inserts the event into the log and an outbox row in the
 *   same transaction; a relay publishes outbox rows to subject `<domain>.<store>.<key>` with
 *   `Nats-Msg-Id` = event id (JetStream's duplicate window makes relay retries harmless). `claim`
 *   pulls from one durable consumer per consumer name (max ack pending bounds in-flight work;
 *   per-key order by subject-partitioned consumers). `acknowledge(trx)` records
 *   `(consumer, event_id)` in a `consumed` table inside `trx` and acks the JetStream message after
 *   commit; a redelivery whose id is already consumed is acked without running the handler — the
 *   same "never lost, never twice" guarantee, from dedupe instead of one shared transaction.
 *   `retry` becomes `nak(delay)`, `deadLetter`/`park` write the same tables and `term` the message.
 *
 * Dead letters, parked messages, the effect ledger and cursors stay in the store whatever the bus.
 *
 * @example
 * ```ts
 * const bus: EventBus = createEmbeddedBus({ db, dialect: 'sqlite' });
 * bus.subscribe('order-to-cash', ['order.received']);
 * await db.transaction().execute((trx) => bus.append(trx, [record]));
 * const batch = await bus.claim({ owner: 'worker-1', consumers: ['audit'], limit: 100, now: Date.now(), leaseMs: 60_000 });
 * await db.transaction().execute((trx) => bus.acknowledge(trx, batch, 'worker-1'));
 * ```
 */
import type { Trx } from '../runtime/contracts.js';
import type { EventRecord } from '../runtime/events/event-record.js';
import type { EventsTable } from '../runtime/tables.js';

/** A failure as kept with a dead letter or a parked message. */
export interface FailureRecord {
  kind: 'transient' | 'permanent' | 'business';
  code: string;
  message: string;
  stack: string | undefined;
}

/** One event owed to one consumer, leased to one worker. */
export interface ClaimedDelivery {
  /** Opaque to the runtime (the embedded bus uses the delivery's sequence number). */
  id: string;
  consumer: string;
  partitionKey: string;
  /** Including this one. */
  attempts: number;
  firstAttemptAt: number;
  event: EventsTable;
}

export interface ClaimRequest {
  owner: string;
  /** Only deliveries owed to these consumers (the ones with a handler in this process). */
  consumers: readonly string[];
  limit: number;
  now: number;
  leaseMs: number;
}

export interface EventBus {
  readonly kind: 'embedded' | 'nats';
  /** Declares which event types a consumer receives; call before the first `append`. */
  subscribe(consumer: string, types: readonly string[]): void;
  /** The outbox: records events in the caller's transaction; they travel only if it commits. */
  append(trx: Trx, events: readonly EventRecord[]): Promise<void>;
  /**
   * Up to `limit` deliveries, at most one per (consumer, partition key) and only when nothing
   * earlier of that partition is unfinished, leased to `owner` until `now + leaseMs`. With `trx`
   * the lease commits with it (the dispatcher acknowledges the previous batch and claims the next
   * in one commit); a bus whose queue is not in the store ignores it.
   */
  claim(request: ClaimRequest, trx?: Trx): Promise<ClaimedDelivery[]>;
  /**
   * Marks deliveries handled inside `trx`. Throws `LeaseLostError` if any is no longer leased to
   * `owner`, so the caller's transaction rolls back and the new lease holder redoes the work.
   */
  acknowledge(trx: Trx, deliveries: readonly ClaimedDelivery[], owner: string): Promise<void>;
  /**
   * Records, in the handler's transaction, that its effect committed, while the delivery keeps its
   * lease and holds its partition until the handler returns (then `acknowledge` completes it). A
   * crash in between completes it on recovery rather than running the handler again.
   */
  markAcknowledged(trx: Trx, deliveries: readonly ClaimedDelivery[], owner: string): Promise<void>;
  /** Gives back deliveries claimed but not started (the attempt is not counted). */
  release(deliveries: readonly ClaimedDelivery[], owner: string): Promise<void>;
  /** Extends the leases of deliveries still being worked on. */
  renew(deliveries: readonly ClaimedDelivery[], owner: string, until: number): Promise<void>;
  /** Makes leased deliveries available again: all of them (`expiredBefore` undefined) or those whose lease ran out. */
  recover(expiredBefore?: number): Promise<number>;
  /** Schedules another attempt no earlier than `at`. */
  retry(delivery: ClaimedDelivery, owner: string, at: number, failure: FailureRecord): Promise<void>;
  /** Stops delivering it and keeps it, with the failure, in `dead_letters`. */
  deadLetter(delivery: ClaimedDelivery, owner: string, failure: FailureRecord, now: number): Promise<void>;
  /** Holds it for a person with the reason; `requeue` resumes it. */
  park(delivery: ClaimedDelivery, owner: string, failure: FailureRecord): Promise<void>;
  /** Delivers a dead or parked delivery again from attempt 1, in its original place in its partition. */
  requeue(trx: Trx, deliveryId: string, now: number): Promise<boolean>;
  /** Counts deliveries not yet finished: due or leased (scheduled `notBefore` timers excluded). */
  unfinished(now: number): Promise<number>;
}

/** A delivery's lease moved to another worker (it expired); its work must not be acknowledged. */
export class LeaseLostError extends Error {
  constructor(ids: readonly string[]) {
    super(`lease lost for deliveries ${ids.join(', ')}`);
    this.name = 'LeaseLostError';
  }
}
