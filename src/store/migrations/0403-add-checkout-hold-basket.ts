/**
 * Checkout holds gain `basket_id`: the one id (`holdId` in the validate answer) shared by a
 * basket's hold rows, so the order that carries it — or the storefront abandoning the basket — can
 * give them back before they lapse. Rows taken before this migration have none and simply lapse.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('checkout_holds').addColumn('basket_id', 'text').execute();
  await db.schema
    .createIndex('checkout_holds_basket')
    .on('checkout_holds')
    .columns(['basket_id', 'store_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('checkout_holds_basket').execute();
  await db.schema.alterTable('checkout_holds').dropColumn('basket_id').execute();
}
