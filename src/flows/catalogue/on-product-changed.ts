import type { Logger } from 'pino';
import { Compile } from 'typebox/compile';
import { catalogueEvents } from '../../canonical/events/catalogue-events.js';
import { productSubject, type Product } from '../../canonical/index.js';
import type { StoreConfig } from '../../config/schema.js';
import { recordTimelineEntry } from '../../ops/timeline/index.js';
import type { Handler } from '../../runtime/contracts.js';
import { PermanentError } from '../../runtime/errors.js';
import { isOwner, type Owner } from './owners.js';
import { wooResource, type WooCataloguePort } from './push-price.js';

const check = Compile(catalogueEvents['product.changed'].schema);
const WOO_STATUS: Record<Product['status'], string> = {
  active: 'publish',
  draft: 'draft',
  archived: 'private',
};

/** The fields the owner sets on a store's product: a variation's name is derived, so only its status. */
function ownedFields(resource: string, product: { name: string; status: string }) {
  const status = WOO_STATUS[product.status as Product['status']] ?? 'draft';
  return resource.includes('/variations/') ? { status } : { name: product.name, status };
}

/**
 * Consumer `catalogue` of `product.changed`. From the owner: stored and written (name, status) to
 * every store listing the SKU. From a store, when products are not store-owned: a name or status
 * differing from the owner's is reverted and reported on the SKU's timeline.
 *
 * @example
 * ```ts
 * runtime.subscribe('catalogue-products', ['product.changed'], onProductChanged({ stores, owner: 'erp', woo, log }));
 * ```
 */
export function onProductChanged(deps: {
  stores: readonly Pick<StoreConfig, 'id'>[];
  owner: Owner;
  woo: (storeId: string) => WooCataloguePort;
  log: Logger;
}): Handler {
  return async (ctx) => {
    const data = ctx.message.data;
    if (!check.Check(data))
      throw new PermanentError(`product.changed ${ctx.message.id} does not match its schema`, {
        code: 'invalid_event',
        system: ctx.message.source,
      });
    const { source, product } = data as { source: string; product: Product };
    const subject = productSubject(product.sku);
    if (isOwner(deps.owner, source)) {
      const at = new Date().toISOString();
      await ctx.db
        .insertInto('catalogue_products')
        .values({ sku: product.sku, name: product.name, status: product.status, source, updated_at: at })
        .onConflict((oc) =>
          oc
            .column('sku')
            .doUpdateSet({ name: product.name, status: product.status, source, updated_at: at }),
        )
        .execute();
      for (const store of deps.stores) {
        const client = deps.woo(store.id);
        const resource = await wooResource(ctx.db, client, store.id, product.sku);
        if (!resource) continue;
        await client.update(resource, ownedFields(resource, product));
      }
      return;
    }
    if (!source.startsWith('woocommerce:')) return;
    const storeId = source.slice('woocommerce:'.length);
    const owned = await ctx.db
      .selectFrom('catalogue_products')
      .selectAll()
      .where('sku', '=', product.sku)
      .executeTakeFirst();
    if (!owned || !deps.stores.some((s) => s.id === storeId)) return;
    const client = deps.woo(storeId);
    const resource = await wooResource(ctx.db, client, storeId, product.sku);
    if (!resource) return;
    const variation = resource.includes('/variations/');
    if ((variation || product.name === owned.name) && product.status === owned.status) return;
    await client.update(resource, ownedFields(resource, owned));
    await recordTimelineEntry(ctx.db, {
      subject,
      kind: 'decision',
      system: source,
      summary: `Store-side product edit in ${storeId} reverted ("${product.name}", ${product.status} → "${owned.name}", ${owned.status}); products are owned by the ${deps.owner}`,
      correlationId: ctx.message.correlationId,
    });
  };
}
