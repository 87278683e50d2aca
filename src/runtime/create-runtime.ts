/**
 * The durable message runtime on the hub's store: inbox, outbox, dispatcher, dead letters, parked
 * messages, effect ledger, cursors and endpoint policies (see `contracts.ts` for the contract).
 *
 * @example
 * ```ts
 * const store = await createDatabase({ kind: 'sqlite', path: './data/hub.db' });
 * await migrateToLatest(store.db);
 * const runtime = createRuntime({ db: store.db, dialect: store.dialect, log: createLogger() });
 * runtime.subscribe('audit', ['woocommerce.order'], async (ctx) => {
 *   await ctx.transaction(async (trx) => {
 *     await trx.insertInto('audit').values({ id: ctx.message.id }).execute();
 *   });
 * });
 * await runtime.start();
 * await runtime.inbox.accept({ source: 'woocommerce:eu', dedupeKey: 'd-1', type: 'woocommerce.order',
 *   partitionKey: 'orders.eu.1', subject: 'order:eu:1', body: '{}' });
 * await runtime.idle();
 * await runtime.stop();
 * ```
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type {
  Cursors,
  Db,
  EffectLedger,
  EndpointPolicy,
  EndpointPolicyOptions,
  EventInput,
  Handler,
  Inbox,
  Trx,
} from './contracts.js';
import type { DialectName } from '../store/config.js';
import type { EventBus } from '../bus/port.js';
import { createEmbeddedBus } from '../bus/embedded/create-embedded-bus.js';
import { systemClock, type Clock } from './clock.js';
import { createIdFactory } from './ids.js';
import { createRuntimeMetrics } from './metrics.js';
import { createInbox } from './inbox/create-inbox.js';
import { GroupCommit } from './group-commit.js';
import { toEventRecord, type EventRecord } from './events/event-record.js';
import { Dispatcher } from './dispatcher/dispatcher.js';
import { DEFAULT_RETRY, type RetryOptions } from './deliveries/backoff.js';
import { createEffectLedger } from './effects/create-effect-ledger.js';
import { createCursors } from './cursors/create-cursors.js';
import { createDeadLetters, type DeadLetters } from './dead-letters/dead-letters.js';
import { createParked, type Parked } from './parked/parked.js';
import {
  createEndpointPolicy,
  createPolicyGauges,
  type PolicyGauges,
} from './policy/create-endpoint-policy.js';

export interface RuntimeOptions {
  db: Db;
  dialect: DialectName;
  log: Logger;
  /** Runtime metrics are registered here; none when omitted. */
  metrics?: Registry;
  /** Handlers running at once, across partitions (default 16). */
  concurrency?: number;
  /** Deliveries held locally at once (default 512). */
  prefetch?: number;
  /** How often to look for due deliveries when nothing woke the dispatcher (default 200 ms). */
  pollIntervalMs?: number;
  retry?: Partial<RetryOptions>;
  /** How long a claimed delivery stays leased without renewal (default 60 s). */
  leaseMs?: number;
  /** Default: `all` on SQLite (one process owns the file), `expired` on PostgreSQL. */
  recoverOnStart?: 'all' | 'expired';
  clock?: Clock;
  /** This worker's name in leases (default host:pid:random). */
  owner?: string;
  /** Defaults to the embedded bus on `db`. */
  bus?: EventBus;
  /** For deterministic back-off in tests. */
  random?: () => number;
}

export interface Runtime {
  inbox: Inbox;
  /** Publishes events: in `trx` (the outbox — they exist only if it commits) or in their own commit. */
  publish(events: EventInput[], trx?: Trx): Promise<void>;
  /** Declares a consumer of event types, before `start()`. Consumer names are durable: keep them stable. */
  subscribe(consumer: string, types: string[], handler: Handler): void;
  effects: EffectLedger;
  cursors: Cursors;
  deadLetters: DeadLetters;
  parked: Parked;
  /** Rate limit + circuit breaker + timeout for one connector endpoint; one instance per name. */
  policy(name: string, options?: EndpointPolicyOptions): EndpointPolicy;
  start(): Promise<void>;
  /**
   * Stops claiming, waits up to `graceMs` (default 30 s) for running handlers and commits their
   * acks. A handler still running then keeps its lease: its message is delivered again later.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Resolves when nothing is pending (due or retrying) or processing, and every accept/publish committed. */
  idle(): Promise<void>;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const { db, log } = options;
  const clock = options.clock ?? systemClock;
  const newId = createIdFactory();
  const bus = options.bus ?? createEmbeddedBus({ db, dialect: options.dialect, newId });
  const effects = createEffectLedger(db, clock);
  const cursors = createCursors(db, clock);
  const wake = () => dispatcher.wake();
  const deadLetters = createDeadLetters(db, bus, clock, wake);
  const parked = createParked(db, bus, clock, wake);
  const metrics = createRuntimeMetrics(options.metrics, () => deadLetters.count());
  const gauges: PolicyGauges | undefined = options.metrics ? createPolicyGauges(options.metrics) : undefined;
  const policies = new Map<string, EndpointPolicy>();
  const append = (trx: Trx, events: EventRecord[]) => bus.append(trx, events);
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  const dispatcher = new Dispatcher({
    db,
    bus,
    log,
    metrics,
    clock,
    newId,
    effects,
    owner,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    concurrency: options.concurrency ?? 16,
    prefetch: Math.max(options.prefetch ?? 512, options.concurrency ?? 16),
    pollIntervalMs: options.pollIntervalMs ?? 200,
    leaseMs: options.leaseMs ?? 60_000,
    recoverOnStart: options.recoverOnStart ?? (options.dialect === 'sqlite' ? 'all' : 'expired'),
    ...(options.random ? { random: options.random } : {}),
  });
  const writers = options.dialect === 'postgres' ? 4 : 1;
  const inbox = createInbox({ db, clock, newId, metrics, append, committed: wake, writers });
  const publisher = new GroupCommit<EventRecord[], void>(async (batches) => {
    await db.transaction().execute((trx) => bus.append(trx, batches.flat()));
    wake();
    return batches.map(() => undefined);
  });
  const toRecords = (events: EventInput[]) => {
    const now = clock.now();
    return events.map((e) => toEventRecord(e, { source: 'hub' }, newId, now));
  };

  return {
    inbox: { accept: (message) => inbox.accept(message) },
    async publish(events, trx) {
      if (trx) await bus.append(trx, toRecords(events));
      else await publisher.submit(toRecords(events));
    },
    subscribe(consumer, types, handler) {
      if (dispatcher.started) throw new Error(`subscribe ${consumer} before start()`);
      bus.subscribe(consumer, types);
      dispatcher.register(consumer, handler);
    },
    effects,
    cursors,
    deadLetters,
    parked,
    policy(name, policyOptions) {
      let policy = policies.get(name);
      if (!policy) {
        policy = createEndpointPolicy(name, policyOptions, gauges);
        policies.set(name, policy);
      }
      return policy;
    },
    start: () => dispatcher.start(),
    async stop(stopOptions) {
      await inbox.flushed();
      await publisher.flushed();
      await dispatcher.stop(stopOptions?.graceMs);
    },
    async idle() {
      for (;;) {
        await inbox.flushed();
        await publisher.flushed();
        if (dispatcher.busy === 0 && (await bus.unfinished(clock.now())) === 0 && dispatcher.busy === 0)
          return;
        await dispatcher.nextCycle();
      }
    },
  };
}
