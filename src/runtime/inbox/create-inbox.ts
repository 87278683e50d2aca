import type { AcceptResult, Db, InboundMessage, Inbox, Trx } from '../contracts.js';
import type { EventRecord } from '../events/event-record.js';
import type { Clock } from '../clock.js';
import type { IdFactory } from '../ids.js';
import type { RuntimeMetrics } from '../metrics.js';
import { GroupCommit } from '../group-commit.js';
import { acceptBatch } from './accept-batch.js';
import { PermanentError } from '../errors.js';

export interface InboxDeps {
  db: Db;
  clock: Clock;
  newId: IdFactory;
  metrics: RuntimeMetrics;
  append: (trx: Trx, events: EventRecord[]) => Promise<void>;
  /** Called after each commit so the dispatcher looks for the new deliveries at once. */
  committed: () => void;
  maxBatch?: number;
  /** Transactions open at once (see `GroupCommit`). */
  writers?: number;
}

/**
 * The inbox with group commit: concurrent `accept` calls share one transaction (one fsync), and
 * each resolves only after that transaction committed — never acknowledge before durable.
 */
export function createInbox(deps: InboxDeps): Inbox & { flushed(): Promise<void> } {
  const writer = new GroupCommit<InboundMessage, AcceptResult>(
    async (messages) => {
      const results = await deps.db
        .transaction()
        .execute((trx) =>
          acceptBatch(trx, messages, { newId: deps.newId, now: deps.clock.now(), append: deps.append }),
        );
      messages.forEach((m, i) => deps.metrics.inbox(m.source, (results[i] as AcceptResult).status));
      deps.committed();
      return results;
    },
    deps.maxBatch ?? 256,
    deps.writers ?? 1,
  );
  return {
    accept: (message) => {
      const problem = invalid(message);
      return problem ? Promise.reject(problem) : writer.submit(message);
    },
    flushed: () => writer.flushed(),
  };
}

const REQUIRED = ['source', 'dedupeKey', 'type', 'partitionKey', 'subject'] as const;
/** No spaces (the separator in `resource_versions.tags`), no LIKE wildcards, one letter case. */
const VERSION_TAG = /^[a-z0-9.:-]{1,128}$/;

/** A connector bug must fail its own call, not the whole group-commit batch it would join. */
function invalid(message: InboundMessage): PermanentError | undefined {
  for (const field of REQUIRED) {
    if (typeof message[field] !== 'string' || message[field] === '') {
      return new PermanentError(`inbound message without ${field}`, { code: 'invalid_message' });
    }
  }
  if (typeof message.body !== 'string')
    return new PermanentError('inbound message body must be the raw text', { code: 'invalid_message' });
  if (
    message.version &&
    (typeof message.version.key !== 'string' || typeof message.version.value !== 'string')
  ) {
    return new PermanentError('inbound message version needs a key and a text value', {
      code: 'invalid_message',
    });
  }
  if (message.version?.tag !== undefined && !VERSION_TAG.test(message.version.tag)) {
    return new PermanentError('inbound message version tag must be 1-128 of [a-z0-9.:-]', {
      code: 'invalid_message',
    });
  }
  return undefined;
}
