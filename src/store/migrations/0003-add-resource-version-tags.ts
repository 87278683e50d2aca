/**
 * `resource_versions.tags`: the tags (e.g. content hashes) of the states accepted at the stored
 * version, space-separated, so a different state stamped with the same version (WooCommerce stamps
 * modifications to the second) is accepted while a re-sent one is still refused as stale.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('resource_versions')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
