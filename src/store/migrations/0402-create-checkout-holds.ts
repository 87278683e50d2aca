import type { Kysely } from 'kysely';

/** Checkout holds: units promised by `POST /v1/checkout/validate` with `hold: true`, until they lapse. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('checkout_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('locations', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('checkout_holds_sku_expiry')
    .on('checkout_holds')
    .columns(['sku', 'expires_at'])
    .execute();
  await db.schema.createIndex('checkout_holds_expiry').on('checkout_holds').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('checkout_holds').execute();
}
