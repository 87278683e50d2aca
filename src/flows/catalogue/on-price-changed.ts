import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { Compile } from 'typebox/compile';
import { catalogueEvents } from '../../canonical/events/catalogue-events.js';
import { productSubject, type Price } from '../../canonical/index.js';
import type { StoreConfig } from '../../config/schema.js';
import { recordTimelineEntry } from '../../ops/timeline/index.js';
import type { Handler } from '../../runtime/contracts.js';
import { PermanentError } from '../../runtime/errors.js';
import type { Database } from '../../store/schema.js';
import { isOwner, type Owner } from './owners.js';
import { priceDiffers } from './price-differs.js';
import { pushPrice, storeRegularPrice, type WooCataloguePort } from './push-price.js';
import { recordPrice } from './record-price.js';
import { priceForStore } from './store-price.js';

const check = Compile(catalogueEvents['price.changed'].schema);

export interface PriceFlowDeps {
  stores: readonly Pick<StoreConfig, 'id' | 'currency' | 'pricelist'>[];
  owner: Owner;
  woo: (storeId: string) => WooCataloguePort;
  log: Logger;
}

const ownerPrices = (db: Kysely<Database>, sku: string) =>
  db.selectFrom('catalogue_prices').selectAll().where('sku', '=', sku).execute();

/**
 * The owner's price with its regular price in the list's currency (the sale's). An ERP with a
 * promotion but no regular price in a foreign-currency list reports its own list price in its own
 * currency: never sell at that amount in another currency — keep the regular price the hub holds
 * for the list, else the one the list's first store shows.
 */
async function inListCurrency(
  db: Kysely<Database>,
  deps: PriceFlowDeps,
  price: Price,
): Promise<Price | undefined> {
  const currency = price.sale?.currency ?? price.regular.currency;
  if (price.regular.currency === currency) return price;
  const held = (await ownerPrices(db, price.sku)).find(
    (r) => r.price_list === price.priceList && r.currency === currency,
  );
  let amount = held?.regular;
  for (const store of deps.stores) {
    if (amount !== undefined) break;
    const sells =
      store.pricelist === undefined ? store.currency === currency : store.pricelist === price.priceList;
    if (sells) amount = await storeRegularPrice(db, deps.woo(store.id), store.id, price.sku);
  }
  return amount === undefined ? undefined : { ...price, regular: { currency, amount } };
}

/**
 * Consumer `catalogue` of `price.changed`. From the owner: stored, then written to every store
 * that sells at that price list (its pricelist, else its currency). From a store, for a price the
 * store does not own: compared with the owner's; a difference is reverted and reported on the
 * SKU's timeline. A store echoing the hub's own write finds no difference and stops there.
 *
 * @example
 * ```ts
 * runtime.subscribe('catalogue', ['price.changed'], onPriceChanged({ stores: config.stores, owner: 'erp', woo, log }));
 * ```
 */
export function onPriceChanged(deps: PriceFlowDeps): Handler {
  return async (ctx) => {
    const data = ctx.message.data;
    if (!check.Check(data))
      throw new PermanentError(`price.changed ${ctx.message.id} does not match its schema`, {
        code: 'invalid_event',
        system: ctx.message.source,
      });
    const { source, price: reported } = data as { source: string; price: Price };
    const subject = productSubject(reported.sku);
    if (isOwner(deps.owner, source)) {
      const price = await inListCurrency(ctx.db, deps, reported);
      if (!price) return; // no store sells at this list, or none lists the SKU
      const row = await recordPrice(ctx.db, price, source);
      const rows = await ownerPrices(ctx.db, price.sku);
      for (const store of deps.stores) {
        if (priceForStore(rows, store)?.price_list !== row.price_list) continue;
        const pushed = await pushPrice(ctx.db, deps.woo(store.id), store, price.sku, row);
        await recordTimelineEntry(ctx.db, {
          subject,
          kind: pushed ? 'effect' : 'error',
          system: `woocommerce:${store.id}`,
          summary: pushed
            ? `Price ${row.regular}${row.sale ? `, sale ${row.sale}${row.sale_from ? ` from ${row.sale_from}` : ''}${row.sale_to ? ` to ${row.sale_to}` : ''}` : ''} ${row.currency} set in ${store.id}`
            : `Price not set in ${store.id}: the store does not list ${price.sku}`,
          correlationId: ctx.message.correlationId,
        });
      }
      return;
    }
    if (!source.startsWith('woocommerce:')) return;
    const price = reported;
    const store = deps.stores.find((s) => s.id === source.slice('woocommerce:'.length));
    const owned = store ? priceForStore(await ownerPrices(ctx.db, price.sku), store) : undefined;
    if (!store || !owned) return; // nothing owned to defend yet
    const seen = {
      regular: price.regular.amount,
      sale: price.sale?.amount ?? null,
      saleFrom: price.saleFrom ?? null,
      saleTo: price.saleTo ?? null,
    };
    if (!priceDiffers(seen, owned)) return;
    await pushPrice(ctx.db, deps.woo(store.id), store, price.sku, owned);
    await recordTimelineEntry(ctx.db, {
      subject,
      kind: 'decision',
      system: source,
      summary: `Store-side price edit in ${store.id} reverted: ${seen.regular}${seen.sale ? ` (sale ${seen.sale})` : ''} → ${owned.regular}${owned.sale ? ` (sale ${owned.sale})` : ''} ${owned.currency}; prices are owned by the ${deps.owner}`,
      data: { store: seen, owner: owned },
      correlationId: ctx.message.correlationId,
    });
    ctx.log.warn({ sku: price.sku, store: store.id }, 'store-side price edit reverted');
  };
}
