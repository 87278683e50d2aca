import type { Db } from '../contracts.js';
import type { EventsTable } from '../tables.js';
import { chunk } from '../chunk.js';

/**
 * An inbound message's event does not copy the raw body (the inbox row keeps it; writing it twice
 * would double what every accept writes): its `data` is stored empty and filled here from the
 * inbox row with the same id, as `{ body, headers }`.
 */
export const INBOUND_DATA = '';

export function inboundData(body: string, headersJson: string): string {
  return `{"body":${JSON.stringify(body)},"headers":${headersJson}}`;
}

/** Event rows by id, with inbound messages' data filled in. */
export async function loadEvents(db: Db, ids: readonly string[]): Promise<Map<string, EventsTable>> {
  const events = new Map<string, EventsTable>();
  for (const part of chunk([...new Set(ids)], 500)) {
    const rows = await db
      .selectFrom('events')
      .leftJoin('inbox', 'inbox.id', 'events.id')
      .selectAll('events')
      .select(['inbox.body as inbox_body', 'inbox.headers as inbox_headers'])
      .where('events.id', 'in', part)
      .execute();
    for (const { inbox_body, inbox_headers, ...row } of rows) {
      if (row.data === INBOUND_DATA && inbox_body !== null && inbox_headers !== null) {
        row.data = inboundData(inbox_body, inbox_headers);
      }
      events.set(row.id, row);
    }
  }
  return events;
}
