import type { Trx } from '../contracts.js';
import type { EventsTable } from '../tables.js';
import { chunk } from '../chunk.js';

/** Appends rows to the event log inside the caller's transaction. */
export async function insertEvents(trx: Trx, rows: readonly EventsTable[]): Promise<void> {
  for (const part of chunk(rows)) await trx.insertInto('events').values(part).execute();
}
