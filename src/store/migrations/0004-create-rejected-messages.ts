/**
 * `rejected_messages`: inbound requests refused before the inbox (bad signature, malformed body,
 * unknown store), kept with the reason so an operator can see and replay them. Bounded by the
 * writer (rows per ingress and reason, bytes per body); `rejected_messages_by_reason` serves the
 * trim and the listing.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rejected_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ingress', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('body_base64', 'text', (c) => c.notNull())
    .addColumn('body_bytes', 'integer', (c) => c.notNull())
    .addColumn('truncated', 'integer', (c) => c.notNull())
    .addColumn('correlation_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('replayed_at', 'text')
    .addColumn('replay_result', 'text')
    .execute();
  await db.schema
    .createIndex('rejected_messages_by_reason')
    .on('rejected_messages')
    .columns(['ingress', 'reason', 'id'])
    .execute();
}
