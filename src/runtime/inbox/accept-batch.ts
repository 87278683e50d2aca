import type { AcceptResult, InboundMessage, Trx } from '../contracts.js';
import type { EventRecord } from '../events/event-record.js';
import type { InboxTable } from '../tables.js';
import type { IdFactory } from '../ids.js';
import { isoAt } from '../clock.js';
import { chunk } from '../chunk.js';
import { INBOUND_DATA } from '../events/load-events.js';

/**
 * Writes a batch of inbound messages in the caller's transaction and decides each one:
 * - `duplicate` when (source, dedupe key) was seen — by the unique index, so concurrent batches
 *   and processes agree;
 * - `stale` when its version is not greater than the greatest accepted for the same resource key
 *   (versions compare as text: use fixed-width values such as ISO-8601 UTC times); the raw message
 *   is kept with status `stale` but not processed;
 * - `accepted` otherwise: it becomes an event of its `type` (same id), data `{ body, headers }`
 *   (read from the inbox row, not copied: see `loadEvents`), handed to `append` to fan out in the
 *   same transaction.
 */
export async function acceptBatch(
  trx: Trx,
  messages: readonly InboundMessage[],
  deps: { newId: IdFactory; now: number; append: (trx: Trx, events: EventRecord[]) => Promise<void> },
): Promise<AcceptResult[]> {
  const receivedAt = isoAt(deps.now);
  const rows: InboxTable[] = messages.map((m) => ({
    id: deps.newId(deps.now),
    source: m.source,
    dedupe_key: m.dedupeKey,
    type: m.type,
    partition_key: m.partitionKey,
    subject: m.subject,
    headers: JSON.stringify(m.headers ?? {}),
    body: m.body,
    status: 'accepted',
    received_at: receivedAt,
  }));

  const inserted = new Set<string>();
  for (const part of chunk(rows)) {
    const returned = await trx
      .insertInto('inbox')
      .values(part)
      .onConflict((oc) => oc.columns(['source', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    for (const r of returned) inserted.add(r.id);
  }

  const results: AcceptResult[] = [];
  const stale: string[] = [];
  const events: EventRecord[] = [];
  for (const [i, message] of messages.entries()) {
    const row = rows[i] as InboxTable;
    if (!inserted.has(row.id)) {
      const existing = await trx
        .selectFrom('inbox')
        .select('id')
        .where('source', '=', message.source)
        .where('dedupe_key', '=', message.dedupeKey)
        .executeTakeFirst();
      results.push({ status: 'duplicate', id: existing?.id });
      continue;
    }
    if (message.version && !(await advanceVersion(trx, message.version, receivedAt))) {
      stale.push(row.id);
      results.push({ status: 'stale', id: row.id });
      continue;
    }
    results.push({ status: 'accepted', id: row.id });
    events.push({
      row: {
        id: row.id,
        type: message.type,
        version: 1,
        source: message.source,
        subject: message.subject,
        partition_key: message.partitionKey,
        correlation_id: message.correlationId ?? row.id,
        causation_id: null,
        occurred_at: receivedAt,
        data: INBOUND_DATA,
        recorded_at: receivedAt,
      },
      availableAt: deps.now,
    });
  }
  for (const part of chunk(stale, 500)) {
    await trx.updateTable('inbox').set({ status: 'stale' }).where('id', 'in', part).execute();
  }
  await deps.append(trx, events);
  return results;
}

/** Records the version if it is newer than the one stored; false when it is not (stale). */
async function advanceVersion(
  trx: Trx,
  version: { key: string; value: string },
  at: string,
): Promise<boolean> {
  const row = await trx
    .insertInto('resource_versions')
    .values({ key: version.key, version: version.value, updated_at: at })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({
          version: eb.ref('excluded.version'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .whereRef('resource_versions.version', '<', 'excluded.version'),
    )
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}
