/**
 * The service products the hub's order lines need (shipping, fees, discounts, rounding, one per
 * channel tax rate in `line` mode), each kept under the external id `retail_hub.service_<key>` and
 * created once when missing. A race between two creators is settled by the external id's unique
 * constraint: the loser archives its product and uses the winner's.
 *
 * @example
 * ```ts
 * const ids = await ensureServiceProducts(ctx, ['shipping', 'rounding']);
 * ids.get('shipping'); // 31
 * ```
 */
import type { OdooContext } from './context.js';
import { ensureNamed } from './external-ids.js';
import type { ServiceKey } from './mapping/order-lines.js';

const NAMES: Record<string, string> = {
  shipping: 'Shipping',
  fee: 'Fee',
  discount: 'Discount',
  rounding: 'Rounding adjustment',
};

export function serviceName(key: ServiceKey): string {
  return NAMES[key] ?? `Tax (channel rate ${key.slice('tax_'.length)})`;
}

const memo = new WeakMap<OdooContext, Map<ServiceKey, Promise<number>>>();

export async function ensureServiceProducts(
  ctx: OdooContext,
  keys: readonly ServiceKey[],
): Promise<Map<ServiceKey, number>> {
  let known = memo.get(ctx);
  if (!known) memo.set(ctx, (known = new Map()));
  const cache = known;
  const entries = await Promise.all(
    keys.map(async (key) => {
      let pending = cache.get(key);
      if (!pending) {
        pending = ensureOne(ctx, key);
        cache.set(key, pending);
        pending.catch(() => cache.delete(key));
      }
      return [key, await pending] as const;
    }),
  );
  return new Map(entries);
}

async function ensureOne(ctx: OdooContext, key: ServiceKey): Promise<number> {
  const xmlName = `service_${key}`.replace(/[^A-Za-z0-9_]/g, '_');
  return ensureNamed(ctx.client, xmlName, 'product.product', () =>
    ctx.client.create('product.product', {
      name: serviceName(key),
      default_code: `RH-${key.toUpperCase()}`,
      sale_ok: true,
      purchase_ok: false,
      list_price: 0,
      taxes_id: [[6, 0, []]],
      ...ctx.client.fields.serviceProduct,
    }),
  );
}
