import type { ClaimedDelivery, EventBus } from '../../bus/port.js';
import type { Db, EffectLedger, EventInput, HandlerContext, Publish, Trx } from '../contracts.js';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { IdFactory } from '../ids.js';
import { toEnvelope } from '../events/to-envelope.js';
import { toEventRecord, type EventRecord } from '../events/event-record.js';

export interface ContextDeps {
  db: Db;
  bus: EventBus;
  owner: string;
  clock: Clock;
  newId: IdFactory;
  effects: EffectLedger;
  log: Logger;
}

/**
 * What a handler gets for one delivery. Events it publishes inherit the message's correlation id
 * and have it as causation. The first `transaction` also acknowledges the delivery, so the
 * handler's state change, the events it causes and the ack commit together — yet the delivery
 * keeps holding its partition until the handler returns, so a handler's later transactions never
 * race the next message of the same key; a handler that never
 * opens one is acknowledged (with its buffered `publish`es) by the dispatcher after it returns.
 * Inside `transaction`, use `trx`, not `ctx.db` (SQLite has one connection, held by `trx`).
 */
export class DeliveryContext implements HandlerContext {
  readonly message;
  #log: Logger | undefined;
  readonly db: Db;
  readonly effects: EffectLedger;
  /** Set once the ack has committed. */
  acknowledged = false;
  /** Events from `publish`, committed with the ack. */
  buffered: EventRecord[] = [];

  constructor(
    private readonly delivery: ClaimedDelivery,
    private readonly deps: ContextDeps,
  ) {
    this.message = toEnvelope(delivery.event, delivery.attempts);
    this.db = deps.db;
    this.effects = deps.effects;
  }

  /** Made on first use: most handlers log nothing, and a child logger per message is not free. */
  get log(): Logger {
    this.#log ??= this.deps.log.child({
      correlationId: this.delivery.event.correlation_id,
      consumer: this.delivery.consumer,
      messageId: this.delivery.event.id,
    });
    return this.#log;
  }

  publish: Publish = async (events) => {
    this.buffered.push(...this.records(events));
  };

  async transaction<R>(fn: (trx: Trx, publish: Publish) => Promise<R>): Promise<R> {
    const acknowledging = !this.acknowledged;
    const result = await this.deps.db.transaction().execute(async (trx) => {
      const value = await fn(trx, (events) => this.deps.bus.append(trx, this.records(events)));
      if (acknowledging) {
        await this.deps.bus.append(trx, this.buffered);
        await this.deps.bus.markAcknowledged(trx, [this.delivery], this.deps.owner);
      }
      return value;
    });
    if (acknowledging) {
      this.acknowledged = true;
      this.buffered = [];
    }
    return result;
  }

  private records(events: EventInput[]): EventRecord[] {
    const defaults = {
      source: 'hub',
      correlationId: this.message.correlationId,
      causationId: this.message.id,
    };
    const now = this.deps.clock.now();
    return events.map((e) => toEventRecord(e, defaults, this.deps.newId, now));
  }
}
