import type { Kysely } from 'kysely';

/** WooCommerce connector: the last product/price state published per SKU (suppresses no-op saves). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('woo_catalogue_seen')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('woo_catalogue_seen_pk', ['store_id', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('woo_catalogue_seen').execute();
}
