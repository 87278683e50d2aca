import type { Kysely } from 'kysely';

/** Inventory: stock positions, available-to-sell per store, the push queue, acks and WooCommerce ids. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stock_positions')
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('on_hand', 'integer', (c) => c.notNull())
    .addColumn('erp_reserved', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_positions_pk', ['sku', 'location'])
    .execute();
  await db.schema
    .createTable('store_availability')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('available', 'integer', (c) => c.notNull())
    .addColumn('on_hand', 'integer', (c) => c.notNull())
    .addColumn('reserved', 'integer', (c) => c.notNull())
    .addColumn('safety_stock', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('store_availability_pk', ['store_id', 'sku'])
    .execute();
  await db.schema
    .createIndex('store_availability_computed')
    .on('store_availability')
    .column('computed_at')
    .execute();
  await db.schema
    .createTable('stock_push_pending')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addPrimaryKeyConstraint('stock_push_pending_pk', ['store_id', 'sku'])
    .execute();
  await db.schema
    .createIndex('stock_push_pending_due')
    .on('stock_push_pending')
    .columns(['store_id', 'next_attempt_at'])
    .execute();
  await db.schema
    .createTable('stock_push_acked')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('acked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_push_acked_pk', ['store_id', 'sku'])
    .execute();
  await db.schema
    .createTable('woo_sku_refs')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('woo_id', 'bigint', (c) => c.notNull())
    .addColumn('parent_id', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('woo_sku_refs_pk', ['store_id', 'sku'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'woo_sku_refs',
    'stock_push_acked',
    'stock_push_pending',
    'store_availability',
    'stock_positions',
  ])
    await db.schema.dropTable(table).execute();
}
