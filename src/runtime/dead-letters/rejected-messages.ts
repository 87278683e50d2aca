/**
 * Inbound requests an ingress refused before the inbox (bad or missing signature, malformed body,
 * unknown target), kept with the reason, the headers (no credentials) and the raw body so an
 * operator can see them (`retail-hub dead-letters list --rejected`) and replay them once the cause
 * is fixed (a rotated secret, a store added to the config).
 *
 * Refusals can be a flood (a misconfigured store, or anyone who finds the URL), so keeping them
 * must not cost the ingress its answer time nor fill the disk: `record` only queues (bounded; a
 * full queue drops and says so), the queue is written in one transaction per `flushEveryMs`, each
 * (ingress, reason) keeps only its newest `maxPerReason` rows, and bodies are kept up to
 * `maxBodyBytes` (a truncated one is listed but cannot be replayed).
 *
 * @example
 * ```ts
 * const rejected = createRejectedMessages(db, { onError: (err) => log.error({ err }, 'not kept') });
 * rejected.record({ ingress: 'woocommerce', target: 'eu', reason: 'signature_invalid', detail: '…',
 *   headers: { 'x-wc-webhook-topic': 'order.updated' }, body: raw, correlationId: 'c1' });
 * await rejected.close(); // writes what is queued
 * ```
 */
import type { Db } from '../contracts.js';
import type { RejectedMessagesTable } from '../tables.js';
import { isoAt, systemClock, type Clock } from '../clock.js';
import { createIdFactory } from '../ids.js';

export interface RejectedInput {
  ingress: string;
  target: string;
  reason: string;
  detail: string;
  headers: Record<string, string>;
  body: Buffer;
  correlationId: string;
}

export interface RejectedMessage extends RejectedInput {
  id: string;
  bodyBytes: number;
  truncated: boolean;
  receivedAt: string;
  replayedAt: string | undefined;
  replayResult: string | undefined;
}

export interface RejectedFilter {
  ingress?: string;
  reason?: string;
  /** Include those already replayed (default false). */
  includeReplayed?: boolean;
  limit?: number;
}

export interface RejectedMessagesOptions {
  clock?: Clock;
  /** Rows kept per (ingress, reason), newest first (default 500). */
  maxPerReason?: number;
  /** Body bytes kept per row (default 1 MiB). */
  maxBodyBytes?: number;
  /** Refusals queued at most between writes; more are dropped (default 200). */
  maxPending?: number;
  flushEveryMs?: number;
  onError?: (error: unknown) => void;
}

export interface RejectedMessages {
  /** Queues one refusal to be written shortly; false when the queue is full and it was dropped. */
  record(input: RejectedInput): boolean;
  /** Writes what is queued now. */
  flush(): Promise<void>;
  list(filter?: RejectedFilter): Promise<RejectedMessage[]>;
  get(id: string): Promise<RejectedMessage | undefined>;
  /** Records a replay's outcome; `done` marks it replayed (it then leaves the default listing). */
  markReplayed(id: string, result: string, done: boolean): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
}

export function createRejectedMessages(db: Db, options: RejectedMessagesOptions = {}): RejectedMessages {
  const clock = options.clock ?? systemClock;
  const maxPerReason = options.maxPerReason ?? 500;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const maxPending = options.maxPending ?? 200;
  const newId = createIdFactory();
  let queue: RejectedMessagesTable[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = async (rows: RejectedMessagesTable[]): Promise<void> => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('rejected_messages').values(rows).execute();
      const touched = new Map(rows.map((r) => [`${r.ingress}\n${r.reason}`, r]));
      for (const { ingress, reason } of touched.values()) {
        // Everything older than the maxPerReason-th newest row of this (ingress, reason) goes.
        const boundary = trx
          .selectFrom('rejected_messages')
          .select('id')
          .where('ingress', '=', ingress)
          .where('reason', '=', reason)
          .orderBy('id', 'desc')
          .limit(1)
          .offset(maxPerReason - 1);
        await trx
          .deleteFrom('rejected_messages')
          .where('ingress', '=', ingress)
          .where('reason', '=', reason)
          .where('id', '<', boundary)
          .execute();
      }
    });
  };

  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const rows = queue;
    queue = [];
    // One write at a time, in order; a failed write loses only its own batch.
    writing = writing.then(() =>
      rows.length === 0 ? undefined : write(rows).catch((error: unknown) => options.onError?.(error)),
    );
    return writing;
  };

  return {
    record(input) {
      if (queue.length >= maxPending) return false;
      const now = clock.now();
      const kept = input.body.subarray(0, maxBodyBytes);
      queue.push({
        id: newId(now),
        ingress: input.ingress,
        target: input.target.slice(0, 200),
        reason: input.reason,
        detail: input.detail,
        headers: JSON.stringify(input.headers),
        body_base64: kept.toString('base64'),
        body_bytes: input.body.length,
        truncated: kept.length < input.body.length ? 1 : 0,
        correlation_id: input.correlationId,
        received_at: isoAt(now),
        replayed_at: null,
        replay_result: null,
      });
      timer ??= setTimeout(() => void flush(), options.flushEveryMs ?? 200).unref();
      return true;
    },
    flush,
    async list(filter = {}) {
      let query = db.selectFrom('rejected_messages').selectAll();
      if (filter.ingress) query = query.where('ingress', '=', filter.ingress);
      if (filter.reason) query = query.where('reason', '=', filter.reason);
      if (!filter.includeReplayed) query = query.where('replayed_at', 'is', null);
      const rows = await query
        .orderBy('id')
        .limit(filter.limit ?? 1000)
        .execute();
      return rows.map(toRejected);
    },
    async get(id) {
      const row = await db
        .selectFrom('rejected_messages')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRejected(row) : undefined;
    },
    async markReplayed(id, result, done) {
      await db
        .updateTable('rejected_messages')
        .set({ replay_result: result, ...(done ? { replayed_at: isoAt(clock.now()) } : {}) })
        .where('id', '=', id)
        .execute();
    },
    close: flush,
  };
}

export interface ReplayOutcome {
  /** The answer's status (`accepted`, `duplicate`…) when done, else the refusal code (or `truncated`). */
  result: string;
  done: boolean;
}

/** Runs a kept refusal through its ingress again; built per ingress where the config is known. */
export type ReplayRejected = (message: RejectedMessage) => Promise<ReplayOutcome>;

/** The outcome for a refusal whose ingress has no replay where it was asked for. */
export const NOT_REPLAYABLE = 'not_replayable';

/** Replays one kept refusal and records the outcome on it (not when its ingress has no replay). */
export async function replayAndRecord(
  rejected: RejectedMessages,
  replay: ReplayRejected,
  message: RejectedMessage,
): Promise<ReplayOutcome> {
  const outcome = await replay(message);
  if (outcome.result !== NOT_REPLAYABLE)
    await rejected.markReplayed(message.id, outcome.result, outcome.done);
  return outcome;
}

/** A refusal as an operator reads it (CLI `show`, admin API): the body as text when it is UTF-8, else base64. */
export function printableRejected(message: RejectedMessage) {
  const text = message.body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(message.body);
  return {
    ...message,
    body: isText ? text : undefined,
    bodyBase64: isText ? undefined : message.body.toString('base64'),
  };
}

function toRejected(row: RejectedMessagesTable): RejectedMessage {
  return {
    id: row.id,
    ingress: row.ingress,
    target: row.target,
    reason: row.reason,
    detail: row.detail,
    headers: JSON.parse(row.headers) as Record<string, string>,
    body: Buffer.from(row.body_base64, 'base64'),
    bodyBytes: Number(row.body_bytes),
    truncated: Number(row.truncated) === 1,
    correlationId: row.correlation_id,
    receivedAt: row.received_at,
    replayedAt: row.replayed_at ?? undefined,
    replayResult: row.replay_result ?? undefined,
  };
}
