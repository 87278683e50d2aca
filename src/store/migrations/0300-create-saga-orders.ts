import type { Kysely } from 'kysely';

/** The order-to-cash saga's state per order. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saga_orders')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('order_json', 'text', (c) => c.notNull())
    .addColumn('channel_status', 'text', (c) => c.notNull())
    .addColumn('erp_order_id', 'text')
    .addColumn('erp_order_name', 'text')
    .addColumn('erp_state', 'text')
    .addColumn('routing_json', 'text')
    .addColumn('fulfilments_json', 'text', (c) => c.notNull())
    .addColumn('shipments_json', 'text', (c) => c.notNull())
    .addColumn('amounts_json', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text')
    .addColumn('parked_reason', 'text')
    .addColumn('parked_from', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saga_orders_state').on('saga_orders').columns(['state', 'since']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('saga_orders').execute();
}
