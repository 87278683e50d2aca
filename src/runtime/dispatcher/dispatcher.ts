import type { Logger } from 'pino';
import type { ClaimedDelivery, EventBus } from '../../bus/port.js';
import { LeaseLostError } from '../../bus/port.js';
import type { Db, EffectLedger, Handler } from '../contracts.js';
import type { Clock } from '../clock.js';
import type { IdFactory } from '../ids.js';
import type { RuntimeMetrics } from '../metrics.js';
import type { RetryOptions } from '../deliveries/backoff.js';
import type { EventRecord } from '../events/event-record.js';
import { DeliveryContext } from './handler-context.js';
import { decideFailure } from './decide-failure.js';

export interface DispatcherOptions {
  db: Db;
  bus: EventBus;
  log: Logger;
  metrics: RuntimeMetrics;
  clock: Clock;
  newId: IdFactory;
  effects: EffectLedger;
  owner: string;
  retry: RetryOptions;
  /** Handlers running at once (different partitions). */
  concurrency: number;
  /** Deliveries held locally at once: claimed, running or awaiting their ack's commit. */
  prefetch: number;
  pollIntervalMs: number;
  leaseMs: number;
  /** At start: reclaim every leased delivery (single embedded process) or only expired leases. */
  recoverOnStart: 'all' | 'expired';
  random?: () => number;
}

/**
 * Claims due deliveries in batches and runs their handlers, `concurrency` at a time. Handlers
 * that made no state change are acknowledged in batches, in the same transaction as the next
 * claim: one commit (one fsync on SQLite) per cycle acknowledges the finished and leases the next.
 */
export class Dispatcher {
  readonly #handlers = new Map<string, Handler>();
  readonly #queue: ClaimedDelivery[] = [];
  readonly #held = new Map<string, ClaimedDelivery>();
  #running = 0;
  #loop: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;
  #woken = false;
  #cycleWaiters: (() => void)[] = [];
  #maintenance: NodeJS.Timeout | undefined;
  /** Handled without a transaction of their own: acknowledged by the next cycle's commit. */
  #acks: { delivery: ClaimedDelivery; events: EventRecord[] }[] = [];

  constructor(private readonly o: DispatcherOptions) {}

  register(consumer: string, handler: Handler): void {
    if (this.#handlers.has(consumer)) throw new Error(`consumer ${consumer} already has a handler`);
    this.#handlers.set(consumer, handler);
  }

  get started(): boolean {
    return this.#loop !== undefined;
  }

  /** Deliveries this process holds (queued, running, or awaiting the ack commit). */
  get busy(): number {
    return this.#held.size;
  }

  async start(): Promise<void> {
    if (this.#loop) return;
    const recovered = await this.o.bus.recover(
      this.o.recoverOnStart === 'all' ? undefined : this.o.clock.now(),
    );
    if (recovered > 0)
      this.o.log.warn({ recovered }, 'redelivering messages left unfinished by a previous run');
    this.#stopping = false;
    this.#maintenance = setInterval(
      () => void this.#maintain(),
      Math.max(50, Math.floor(this.o.leaseMs / 3)),
    );
    this.#maintenance.unref();
    this.#loop = this.#run();
  }

  /** Stops claiming, lets running handlers finish and their acks commit. */
  async stop(graceMs = 30_000): Promise<void> {
    if (!this.#loop) return;
    this.#stopping = true;
    this.wake();
    await this.#loop;
    const deadline = Date.now() + graceMs;
    while (this.#running > 0 && Date.now() < deadline) await this.nextCycle();
    if (this.#running > 0) {
      // Still leased: delivered again after the restart (or the lease), never lost.
      this.o.log.warn(
        { running: this.#running },
        'handlers still running at shutdown; their messages will be redelivered',
      );
    }
    await this.#commitAndClaim(this.#acks.splice(0), [], 0);
    // Claimed but never started: give them back now rather than after the lease.
    if (this.#queue.length > 0) {
      const unstarted = this.#queue.splice(0);
      for (const d of unstarted) this.#held.delete(d.id);
      await this.o.bus.release(unstarted, this.o.owner).catch(() => undefined);
    }
    clearInterval(this.#maintenance);
    this.#loop = undefined;
    this.#notifyCycle();
  }

  wake(): void {
    this.#woken = true;
    this.#wake?.();
  }

  /** Resolves after the next dispatch cycle (or poll interval). */
  nextCycle(): Promise<void> {
    return new Promise((resolve) => {
      this.#cycleWaiters.push(resolve);
      setTimeout(resolve, this.o.pollIntervalMs).unref();
    });
  }

  async #run(): Promise<void> {
    const consumers = [...this.#handlers.keys()];
    while (!this.#stopping) {
      const acks = this.#acks.splice(0);
      // Deliveries being acknowledged now leave the local hold with this commit.
      const room = this.o.prefetch - this.#held.size + acks.length;
      const limit = room > 0 && this.#queue.length < this.o.concurrency && consumers.length > 0 ? room : 0;
      const claimed = await this.#commitAndClaim(acks, consumers, limit);
      for (const d of claimed) {
        this.#held.set(d.id, d);
        this.#queue.push(d);
      }
      this.#pump();
      this.#notifyCycle();
      if ((claimed.length === 0 && acks.length === 0) || this.#queue.length >= this.o.concurrency)
        await this.#sleep();
    }
  }

  /** One transaction: acknowledge what finished (with the events it published) and lease more. */
  async #commitAndClaim(
    acks: { delivery: ClaimedDelivery; events: EventRecord[] }[],
    consumers: string[],
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    const request = {
      owner: this.o.owner,
      consumers,
      limit,
      now: this.o.clock.now(),
      leaseMs: this.o.leaseMs,
    };
    try {
      if (acks.length === 0) return limit > 0 ? await this.o.bus.claim(request) : [];
      const claimed = await this.o.db.transaction().execute(async (trx) => {
        await this.o.bus.append(
          trx,
          acks.flatMap((a) => a.events),
        );
        await this.o.bus.acknowledge(
          trx,
          acks.map((a) => a.delivery),
          this.o.owner,
        );
        return limit > 0 ? this.o.bus.claim(request, trx) : [];
      });
      for (const a of acks) this.#finished(a.delivery, 'done');
      return claimed;
    } catch (error) {
      if (acks.length === 0) {
        this.o.log.error({ err: error }, 'claiming deliveries failed; retrying after the poll interval');
        return [];
      }
      // One lost lease must not hold back the others: acknowledge one by one, claim next cycle.
      for (const ack of acks) await this.#acknowledgeAlone(ack);
      return [];
    }
  }

  async #acknowledgeAlone(ack: { delivery: ClaimedDelivery; events: EventRecord[] }): Promise<void> {
    try {
      await this.o.db.transaction().execute(async (trx) => {
        await this.o.bus.append(trx, ack.events);
        await this.o.bus.acknowledge(trx, [ack.delivery], this.o.owner);
      });
      this.#finished(ack.delivery, 'done');
    } catch (error) {
      // Still leased (or leased elsewhere): delivered again once the lease runs out.
      this.#held.delete(ack.delivery.id);
      const level = error instanceof LeaseLostError ? 'warn' : 'error';
      this.o.log[level](
        { err: error, messageId: ack.delivery.event.id },
        'acknowledging failed; the message will be redelivered',
      );
    }
  }

  #pump(): void {
    while (this.#running < this.o.concurrency && this.#queue.length > 0) {
      const delivery = this.#queue.shift() as ClaimedDelivery;
      this.#running++;
      void this.#handle(delivery).finally(() => {
        this.#running--;
        this.#pump();
        this.wake();
      });
    }
  }

  async #handle(delivery: ClaimedDelivery): Promise<void> {
    const handler = this.#handlers.get(delivery.consumer);
    const ctx = new DeliveryContext(delivery, { ...this.o, log: this.o.log });
    const started = performance.now();
    try {
      if (!handler) throw new Error(`no handler registered for consumer ${delivery.consumer}`);
      await handler(ctx);
      this.o.metrics.handlerSeconds(delivery.consumer, (performance.now() - started) / 1000);
      // Acknowledged or not, the delivery completes (and frees its partition) only now.
      this.#acks.push({ delivery, events: ctx.acknowledged ? [] : ctx.buffered });
    } catch (error) {
      this.o.metrics.handlerSeconds(delivery.consumer, (performance.now() - started) / 1000);
      if (ctx.acknowledged) {
        ctx.log.error(
          { err: error },
          'handler failed after its transaction committed; the message stays acknowledged',
        );
        this.#acks.push({ delivery, events: [] });
        return;
      }
      await this.#fail(delivery, ctx, error);
    }
  }

  async #fail(delivery: ClaimedDelivery, ctx: DeliveryContext, error: unknown): Promise<void> {
    const now = this.o.clock.now();
    const decision = decideFailure(error, delivery.attempts, now, this.o.retry, this.o.random);
    try {
      if (decision.action === 'retry') {
        ctx.log.warn(
          { err: error, attempt: delivery.attempts, retryAt: new Date(decision.at).toISOString() },
          'handler failed; will retry',
        );
        await this.o.bus.retry(delivery, this.o.owner, decision.at, decision.failure);
        this.#finished(delivery, 'retried');
      } else if (decision.action === 'dead') {
        ctx.log.error({ err: error, attempt: delivery.attempts }, 'handler failed; message dead-lettered');
        await this.o.bus.deadLetter(delivery, this.o.owner, decision.failure, now);
        this.#finished(delivery, 'dead');
      } else {
        ctx.log.warn(
          { code: decision.failure.code, reason: decision.failure.message },
          'message parked for a person',
        );
        await this.o.bus.park(delivery, this.o.owner, decision.failure);
        this.#finished(delivery, 'parked');
      }
    } catch (storeError) {
      // The delivery stays leased; when the lease runs out it is delivered again.
      this.#held.delete(delivery.id);
      ctx.log.error(
        { err: storeError },
        'recording a handler failure failed; the message will be redelivered',
      );
    }
  }

  #finished(delivery: ClaimedDelivery, outcome: 'done' | 'retried' | 'dead' | 'parked'): void {
    this.#held.delete(delivery.id);
    this.o.metrics.delivery(delivery.consumer, outcome);
  }

  async #maintain(): Promise<void> {
    try {
      const now = this.o.clock.now();
      if (this.#held.size > 0)
        await this.o.bus.renew([...this.#held.values()], this.o.owner, now + this.o.leaseMs);
      await this.o.bus.recover(now);
    } catch (error) {
      this.o.log.error({ err: error }, 'lease maintenance failed');
    }
  }

  #sleep(): Promise<void> {
    if (this.#woken || this.#stopping) {
      this.#woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.o.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = () => {
        this.#wake = undefined;
        done();
      };
    }).then(() => {
      this.#woken = false;
    });
  }

  #notifyCycle(): void {
    const waiters = this.#cycleWaiters.splice(0);
    for (const w of waiters) w();
  }
}
