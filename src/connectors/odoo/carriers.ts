/**
 * The `delivery.carrier` a warehouse's carrier name stands for: found by name (case-insensitive),
 * else created once under the external id `retail_hub.carrier_<name>` with the hub's shipping
 * service product (Odoo requires a product on a carrier). A race between two creators is settled
 * by the external id's unique constraint, as for service products.
 *
 * @example
 * ```ts
 * const carrierId = await ensureCarrier(ctx, 'dhl'); // 4
 * ```
 */
import type { OdooContext } from './context.js';
import { ensureNamed } from './external-ids.js';
import { ensureServiceProducts } from './service-products.js';

const memo = new WeakMap<OdooContext, Map<string, Promise<number>>>();

export function ensureCarrier(ctx: OdooContext, name: string): Promise<number> {
  let known = memo.get(ctx);
  if (!known) memo.set(ctx, (known = new Map()));
  const key = name.trim().toLowerCase();
  let pending = known.get(key);
  if (!pending) {
    const cache = known;
    pending = findOrCreate(ctx, name.trim());
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function findOrCreate(ctx: OdooContext, name: string): Promise<number> {
  const [byName] = await ctx.client.searchRead('delivery.carrier', [['name', '=ilike', name]], ['name'], {
    limit: 1,
  });
  if (byName !== undefined) return byName.id;
  const xmlName = `carrier_${name.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
  return ensureNamed(ctx.client, xmlName, 'delivery.carrier', async () => {
    const product = (await ensureServiceProducts(ctx, ['shipping'])).get('shipping');
    return ctx.client.create('delivery.carrier', {
      name,
      delivery_type: 'fixed',
      fixed_price: 0,
      ...(product === undefined ? {} : { product_id: product }),
    });
  });
}
