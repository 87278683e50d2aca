/**
 * The runtime's public contract: the only way any part of the hub receives, publishes or handles a
 * message, or performs an external effect. Connectors and flows code against these interfaces;
 * `src/runtime/` implements them on the store (SQLite/PostgreSQL) and `src/bus/` carries events.
 *
 * Vocabulary:
 * - an *inbound message* is what an external system sent us (a webhook body, a polled record), kept raw;
 * - an *event* is a canonical fact (`order.received`) persisted once in the event log;
 * - a *delivery* is one event (or inbound message) owed to one named consumer; deliveries of the same
 *   consumer and partition key are handled strictly in order, different keys in parallel.
 *
 * @example
 * ```ts
 * runtime.subscribe('order-to-cash', ['order.received'], async (ctx) => {
 *   await ctx.transaction(async (trx, publish) => {
 *     await trx.updateTable('saga_orders').set({ state: 'validated' }).where('key', '=', ctx.message.subject).execute();
 *     await publish([{ type: 'order.validated', subject: ctx.message.subject, partitionKey: ctx.message.partitionKey, data: {} }]);
 *   });
 * });
 * ```
 */
import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';

/** Tables are declared by the modules that own them and merged in `src/store/schema.ts`. */
import type { Database } from '../store/schema.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

/** What an external system sent us, exactly as received. */
export interface InboundMessage {
  /** Who sent it: `woocommerce:eu`, `wms:main`, `odoo`. */
  source: string;
  /** Unique per source; a second message with the same key is acknowledged and not processed again. */
  dedupeKey: string;
  /** The message kind for routing to a consumer, e.g. `woocommerce.order` or `wms.shipment`. */
  type: string;
  /** Messages with the same key are handled in order: `orders.eu.1234`. */
  partitionKey: string;
  /** The entity it is about, for the timeline: `order:eu:1234`. */
  subject: string;
  /** The raw body, byte for byte (signatures are verified against it). */
  body: string;
  headers?: Record<string, string>;
  correlationId?: string;
  /**
   * Optional monotonic version of the resource's state (e.g. WooCommerce `date_modified_gmt`).
   * If a message with a greater-or-equal version for the same `key` was already accepted, this one
   * is acknowledged as `stale` and not processed: an older state never overwrites a newer one.
   *
   * `tag` (lower-case `[a-z0-9.:-]`, e.g. a content hash) tells apart different states stamped
   * with the same `value` (sources that stamp to the second): an equal value is then accepted,
   * in arrival order, when its tag was not yet seen at that value, and stale when it was.
   */
  version?: { key: string; value: string; tag?: string };
}

export type AcceptResult =
  | { status: 'accepted'; id: string }
  | { status: 'duplicate'; id: string | undefined }
  | { status: 'stale'; id: string | undefined };

export interface Inbox {
  /** Resolves only after the message is durably committed (group commit batches concurrent callers). */
  accept(message: InboundMessage): Promise<AcceptResult>;
}

/** An event to publish; ids, timestamps and defaults are filled in by the runtime. */
export interface EventInput<T = unknown> {
  type: string;
  /** Schema version of `type`'s data; defaults to 1. */
  version?: number;
  /** The entity key: `order:eu:1234`, `sku:TSHIRT-RED-M`. */
  subject: string;
  partitionKey: string;
  data: T;
  source?: string;
  correlationId?: string;
  causationId?: string;
  id?: string;
  occurredAt?: string;
  /** Deliver no earlier than this (ISO time); for timers such as "release unpaid order after 1 h". */
  notBefore?: string;
}

/** A message as a handler sees it: an event or an inbound message (then `data` is `{ body, headers }`). */
export interface Envelope<T = unknown> {
  id: string;
  type: string;
  version: number;
  source: string;
  subject: string;
  partitionKey: string;
  correlationId: string;
  causationId: string | undefined;
  occurredAt: string;
  data: T;
  /** 1 on the first attempt. */
  attempt: number;
}

export type Publish = (events: EventInput[]) => Promise<void>;

export interface HandlerContext<T = unknown> {
  message: Envelope<T>;
  /** Carries `correlationId`, `consumer` and `messageId`. */
  log: Logger;
  db: Db;
  /**
   * Runs `fn` in one store transaction; events published through the given `publish` commit with it
   * (the outbox), and inherit this message's correlation id and have it as causation id.
   */
  transaction<R>(fn: (trx: Trx, publish: Publish) => Promise<R>): Promise<R>;
  /** Publish outside a state change (still durable before the handler's delivery is acknowledged). */
  publish: Publish;
  effects: EffectLedger;
}

export type Handler<T = unknown> = (ctx: HandlerContext<T>) => Promise<void>;

/**
 * Records outbound effects by idempotency key, so a retry after a crash checks before it acts.
 *
 * `run` returns the stored result when the key completed before. When an earlier attempt started
 * but never recorded completion (a crash between acting and recording), `lookup` is asked first
 * whether the effect happened (e.g. search the ERP by external id); only if it returns undefined
 * is `perform` called again.
 */
export interface EffectLedger {
  run<R>(
    key: string,
    effect: { perform: () => Promise<R>; lookup?: () => Promise<R | undefined> },
  ): Promise<R>;
  get<R>(key: string): Promise<{ status: 'started' | 'completed'; result: R | undefined } | undefined>;
}

/** Durable named cursors for pollers and change feeds (`woocommerce:eu:orders`, `odoo:stock`). */
export interface Cursors {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string, trx?: Trx): Promise<void>;
}

/** Rate limit + circuit breaker for one connector endpoint (`woocommerce:eu`, `odoo`). */
export interface EndpointPolicy {
  readonly name: string;
  /** Waits for a rate-limit token, fails fast with TransientError(code 'circuit_open') when the circuit is open. */
  execute<R>(fn: (signal: AbortSignal) => Promise<R>): Promise<R>;
  state(): { circuit: 'closed' | 'open' | 'half-open'; tokens: number };
}

export interface EndpointPolicyOptions {
  /** Requests per second sustained; bursts up to `burst`. */
  ratePerSecond?: number;
  burst?: number;
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long the circuit stays open before one trial call. */
  halfOpenAfterMs?: number;
  /** Per-call timeout. */
  timeoutMs?: number;
}
