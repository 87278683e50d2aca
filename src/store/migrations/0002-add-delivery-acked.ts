/**
 * A delivery acknowledged inside its handler's first transaction stays `processing` (so its
 * partition stays blocked) until the handler returns; `acked` records that the ack committed, so a
 * crash in between completes it on recovery instead of running the handler again.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('deliveries')
    .addColumn('acked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
