/**
 * Publishes catalogue events only when their content changed since the last one published for the
 * same key. WooCommerce saves a product (and fires `product.updated`) on every stock write, so
 * without this each stock push from the hub would echo back as a `price.changed` with the same
 * price — noise at best, a revert loop at worst.
 *
 * @example
 * ```ts
 * await publishIfChanged(ctx, 'eu', [{ type: 'price.changed', subject: 'sku:A', partitionKey: 'products.A', data }]);
 * ```
 */
import { createHash } from 'node:crypto';
import type { EventInput, HandlerContext } from '../../../runtime/contracts.js';

/** Content hash ignoring `modifiedAt`, which WooCommerce bumps on every save. */
export function contentHash(data: unknown): string {
  const json = JSON.stringify(data, (key, value: unknown) => (key === 'modifiedAt' ? undefined : value));
  return createHash('sha256').update(json).digest('base64url').slice(0, 22);
}

export async function publishIfChanged(
  ctx: HandlerContext,
  storeId: string,
  events: readonly EventInput[],
): Promise<EventInput[]> {
  if (events.length === 0) return [];
  return ctx.transaction(async (trx, publish) => {
    const changed: EventInput[] = [];
    const now = new Date().toISOString();
    for (const event of events) {
      const key = `${event.type}:${event.subject}`;
      const hash = contentHash(event.data);
      const row = await trx
        .selectFrom('woo_catalogue_seen')
        .select('hash')
        .where('store_id', '=', storeId)
        .where('key', '=', key)
        .executeTakeFirst();
      if (row?.hash === hash) continue;
      await trx
        .insertInto('woo_catalogue_seen')
        .values({ store_id: storeId, key, hash, updated_at: now })
        .onConflict((oc) => oc.columns(['store_id', 'key']).doUpdateSet({ hash, updated_at: now }))
        .execute();
      changed.push(event);
    }
    if (changed.length > 0) await publish(changed);
    return changed;
  });
}
