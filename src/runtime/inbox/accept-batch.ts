import { sql } from 'kysely';
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
 *   (versions compare as text: use fixed-width values such as ISO-8601 UTC times) — or is equal and
 *   has no tag, or a tag already accepted at that version; the raw message is kept with status
 *   `stale` but not processed;
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

  const versioned: { index: number; version: NonNullable<InboundMessage['version']> }[] = [];
  for (const [i, message] of messages.entries()) {
    if (message.version && inserted.has((rows[i] as InboxTable).id))
      versioned.push({ index: i, version: message.version });
  }
  const refused = await advanceVersions(trx, versioned, receivedAt);

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
    if (refused.has(i)) {
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

/**
 * Bounds one resource's tag list (~240 content hashes of 16 characters). Past it the list restarts,
 * so a re-send of a state older than that many same-version states would be accepted again.
 */
const MAX_TAGS_LENGTH = 4096;

/**
 * Records each version that is newer than the one stored for its key (or equal, with a tag not
 * seen at it), in arrival order, and returns the indexes of the messages that were not (stale).
 * One multi-row upsert per round instead of one statement per message: round n holds the n-th
 * message of each key, so a key never appears twice in one statement (PostgreSQL refuses that)
 * and a later message of the same key is compared with what the earlier one left.
 */
async function advanceVersions(
  trx: Trx,
  versioned: readonly { index: number; version: NonNullable<InboundMessage['version']> }[],
  at: string,
): Promise<Set<number>> {
  const rounds: (typeof versioned)[number][][] = [];
  const seen = new Map<string, number>();
  for (const item of versioned) {
    const round = seen.get(item.version.key) ?? 0;
    seen.set(item.version.key, round + 1);
    (rounds[round] ??= []).push(item);
  }
  const refused = new Set<number>();
  for (const round of rounds) {
    for (const part of chunk(round)) {
      const advanced = await trx
        .insertInto('resource_versions')
        .values(
          part.map(({ version }) => ({
            key: version.key,
            version: version.value,
            tags: version.tag ?? '',
            updated_at: at,
          })),
        )
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet({
              version: sql.ref('excluded.version'),
              // Same version: add the tag; a list grown past MAX_TAGS_LENGTH restarts from this tag.
              tags: sql<string>`case
                when resource_versions.version = excluded.version
                  and length(resource_versions.tags) < ${sql.lit(MAX_TAGS_LENGTH)}
                then resource_versions.tags || ' ' || excluded.tags
                else excluded.tags end`,
              updated_at: sql.ref('excluded.updated_at'),
            })
            .where((eb) =>
              eb.or([
                eb('resource_versions.version', '<', eb.ref('excluded.version')),
                eb.and([
                  eb('resource_versions.version', '=', eb.ref('excluded.version')),
                  eb('excluded.tags', '<>', ''),
                  eb(
                    sql<string>`' ' || resource_versions.tags || ' '`,
                    'not like',
                    sql<string>`'% ' || excluded.tags || ' %'`,
                  ),
                ]),
              ]),
            ),
        )
        .returning('key')
        .execute();
      const keys = new Set(advanced.map((r) => r.key));
      for (const { index, version } of part) if (!keys.has(version.key)) refused.add(index);
    }
  }
  return refused;
}
