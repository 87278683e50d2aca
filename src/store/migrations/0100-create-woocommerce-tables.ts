import type { Kysely } from 'kysely';

/** WooCommerce connector: orders already published and refund ids already requested. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('woo_orders_seen')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('modified_gmt', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('woo_orders_seen_pk', ['store_id', 'order_id'])
    .execute();
  await db.schema
    .createTable('woo_order_refunds_seen')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('refund_id', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('woo_order_refunds_seen_pk', ['store_id', 'order_id', 'refund_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('woo_order_refunds_seen').execute();
  await db.schema.dropTable('woo_orders_seen').execute();
}
