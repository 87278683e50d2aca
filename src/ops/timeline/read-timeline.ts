import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

export interface TimelineEntry {
  at: string;
  kind: string;
  system: string;
  summary: string;
  data?: unknown;
  correlationId?: string;
}

/** A subject's entries, oldest first. */
export async function readTimelineEntries(
  db: Kysely<Database>,
  subject: string,
  limit = 1000,
): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('timeline_entries')
    .selectAll()
    .where('subject', '=', subject)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    at: row.at,
    kind: row.kind,
    system: row.system,
    summary: row.summary,
    ...(row.data === null ? {} : { data: JSON.parse(row.data) as unknown }),
    ...(row.correlation_id === null ? {} : { correlationId: row.correlation_id }),
  }));
}
