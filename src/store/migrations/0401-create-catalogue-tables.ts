import type { Kysely } from 'kysely';

/** Catalogue: the owning system's product and price values per SKU (and price list). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalogue_products')
    .addColumn('sku', 'text', (c) => c.notNull().primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('catalogue_prices')
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('price_list', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('regular', 'text', (c) => c.notNull())
    .addColumn('sale', 'text')
    .addColumn('sale_from', 'text')
    .addColumn('sale_to', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_prices_pk', ['sku', 'price_list'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalogue_prices').execute();
  await db.schema.dropTable('catalogue_products').execute();
}
