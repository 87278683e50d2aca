import type { Kysely } from 'kysely';
import { monotonicFactory } from 'ulid';
import { bufferedRandom } from '../../runtime/ids.js';
import type { Database } from '../../store/schema.js';

export type TimelineKind = 'state' | 'message' | 'effect' | 'decision' | 'error' | 'parked';

export interface TimelineEntryInput {
  subject: string;
  kind: TimelineKind;
  /** `hub`, `woocommerce:eu`, `odoo`, `wms:main`. */
  system: string;
  summary: string;
  data?: unknown;
  correlationId?: string;
  at?: Date;
}

// Monotonic ids keep entries written in the same millisecond in the order they were written.
const nextId = monotonicFactory(bufferedRandom());

/**
 * Appends one entry to a subject's timeline. Pass the step's transaction so the entry commits
 * (or not) with the state change it describes.
 *
 * @example
 * ```ts
 * await recordTimelineEntry(trx, { subject: 'order:eu:1001', kind: 'effect', system: 'odoo', summary: 'Registered as S00042' });
 * ```
 */
export async function recordTimelineEntry(db: Kysely<Database>, entry: TimelineEntryInput): Promise<void> {
  await recordTimelineEntries(db, [entry]);
}

export async function recordTimelineEntries(
  db: Kysely<Database>,
  entries: readonly TimelineEntryInput[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('timeline_entries')
    .values(
      entries.map((entry) => {
        const at = entry.at ?? new Date();
        return {
          id: nextId(at.getTime()),
          subject: entry.subject,
          at: at.toISOString(),
          kind: entry.kind,
          system: entry.system,
          summary: entry.summary,
          data: entry.data === undefined ? null : JSON.stringify(entry.data),
          correlation_id: entry.correlationId ?? null,
        };
      }),
    )
    .execute();
}
