/**
 * Odoo reference data the mapping needs again and again — countries, states, currencies,
 * pricelists, warehouses, stock locations — read once per adapter and cached by key. A failed
 * look-up is not cached, so the next attempt asks again.
 *
 * @example
 * ```ts
 * const lookups = createLookups(odoo);
 * await lookups.countryId('BE'); // 20
 * ```
 */
import { BusinessError } from '../../runtime/errors.js';
import type { OdooClient } from './client.js';
import { SYSTEM } from './errors.js';

export interface Lookups {
  countryId(code: string): Promise<number | undefined>;
  stateId(countryId: number, code: string): Promise<number | undefined>;
  currencyId(code: string): Promise<number>;
  /** By name (or numeric id) when given, else the first pricelist in the currency. */
  pricelistId(currency: string, pricelist?: string): Promise<number | undefined>;
  /** `WH/Stock` → the warehouse whose code is `WH`. */
  warehouseId(erpLocation: string): Promise<number | undefined>;
  /** Full location names (`WH/Stock`) → ids; unknown names are left out. */
  locationIds(names: readonly string[]): Promise<Map<string, number>>;
}

export function createLookups(client: OdooClient): Lookups {
  const cache = new Map<string, Promise<unknown>>();
  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  }
  const firstId = async (model: string, domain: unknown[]): Promise<number | undefined> =>
    (await client.searchRead(model, domain, ['id'], { limit: 1 }))[0]?.id;

  return {
    countryId: (code) =>
      cached(`country:${code}`, () => firstId('res.country', [['code', '=', code.toUpperCase()]])),
    stateId: (countryId, code) =>
      cached(`state:${countryId}:${code}`, () =>
        firstId('res.country.state', [
          ['country_id', '=', countryId],
          ['code', '=', code],
        ]),
      ),
    currencyId: (code) =>
      cached(`currency:${code}`, async () => {
        const id = await firstId('res.currency', [['name', '=', code]]);
        if (id === undefined) {
          throw new BusinessError(`Currency ${code} is not known (or not active) in Odoo`, {
            code: 'unknown_currency',
            system: SYSTEM,
          });
        }
        return id;
      }),
    pricelistId: (currency, pricelist) =>
      cached(`pricelist:${currency}:${pricelist ?? ''}`, async () => {
        if (pricelist !== undefined && /^\d+$/.test(pricelist)) return Number(pricelist);
        if (pricelist !== undefined) {
          const id = await firstId('product.pricelist', [['name', '=', pricelist]]);
          if (id === undefined) {
            throw new BusinessError(`Pricelist "${pricelist}" not found in Odoo`, {
              code: 'unknown_pricelist',
              system: SYSTEM,
            });
          }
          return id;
        }
        const currencyId = await cached(`currency:${currency}`, () =>
          firstId('res.currency', [['name', '=', currency]]),
        );
        return currencyId === undefined
          ? undefined
          : firstId('product.pricelist', [['currency_id', '=', currencyId]]);
      }),
    warehouseId: (erpLocation) =>
      cached(`warehouse:${erpLocation}`, () =>
        firstId('stock.warehouse', [['code', '=', erpLocation.split('/')[0] ?? erpLocation]]),
      ),
    locationIds: async (names) => {
      const key = `locations:${[...names].sort().join('|')}`;
      return cached(key, async () => {
        const rows = await client.searchRead(
          'stock.location',
          [['complete_name', 'in', [...names]]],
          ['complete_name'],
        );
        return new Map(rows.map((row) => [String(row.complete_name), row.id]));
      });
    },
  };
}
