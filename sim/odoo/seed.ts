/**
 * The emulator's default database (what a fresh Odoo with Sales, Inventory and Invoicing holds
 * that the hub touches) and the seeding helpers tests use to add products, stock and partners.
 *
 * @example
 * ```ts
 * const seed = createSeeder(store);
 * const productId = seed.product({ sku: 'TSHIRT-M', name: 'T-shirt M', listPrice: 19.99 });
 * seed.stock({ sku: 'TSHIRT-M', location: 'WH/Stock', quantity: 12 });
 * ```
 */
import type { ModelStore } from './orm/model-store.js';
import type { Env } from './orm/types.js';

export interface SeedProduct {
  sku: string;
  name: string;
  listPrice: number;
  /** `storable` (default) tracks stock; `consu` and `service` do not. */
  type?: 'storable' | 'consu' | 'service';
  barcode?: string;
  /** account.tax ids; default: the company's sale tax, as Odoo does. */
  taxIds?: number[];
  invoicePolicy?: 'order' | 'delivery';
}

export interface SeedPartner {
  name: string;
  email?: string;
  countryCode?: string;
  ref?: string;
  isCompany?: boolean;
  parentId?: number;
  type?: 'contact' | 'invoice' | 'delivery' | 'other';
}

export interface Seeder {
  product(input: SeedProduct): number;
  stock(input: { sku: string; location: string; quantity: number }): number;
  partner(input: SeedPartner): number;
  pricelistItem(input: {
    pricelist: string;
    sku: string;
    fixedPrice: number;
    dateStart?: string;
    dateEnd?: string;
    minQuantity?: number;
  }): number;
  xmlid(input: { module: string; name: string; model: string; resId: number }): number;
  /** Ids of the default records, by role. */
  readonly ids: DefaultIds;
}

export interface DefaultIds {
  company: number;
  admin: number;
  currencies: Record<'EUR' | 'USD' | 'GBP', number>;
  pricelists: Record<'EUR' | 'USD' | 'GBP', number>;
  warehouses: Record<'WH' | 'WH2', number>;
  stockLocations: Record<'WH/Stock' | 'WH2/Stock', number>;
  customerLocation: number;
  taxes: Record<'de19' | 'de7' | 'de19Included' | 'de7Included' | 'fr20' | 'fr20Included' | 'zero', number>;
  category: number;
  salesJournal: number;
  bankJournal: number;
}

const COUNTRIES: [string, string, string, number][] = [
  ['US', 'United States', 'USD', 1],
  ['BR', 'Brazil', 'BRL', 55],
  ['IN', 'India', 'INR', 91],
  ['DE', 'Germany', 'EUR', 49],
  ['FR', 'France', 'EUR', 33],
  ['GB', 'United Kingdom', 'GBP', 44],
  ['ES', 'Spain', 'EUR', 34],
  ['IT', 'Italy', 'EUR', 39],
  ['NL', 'Netherlands', 'EUR', 31],
  ['BE', 'Belgium', 'EUR', 32],
  ['AT', 'Austria', 'EUR', 43],
  ['CA', 'Canada', 'CAD', 1],
];

const STATES: [string, string, string][] = [
  ['US', 'CA', 'California'],
  ['US', 'NY', 'New York'],
  ['US', 'TX', 'Texas'],
  ['BR', 'SP', 'São Paulo'],
  ['BR', 'RJ', 'Rio de Janeiro'],
  ['IN', 'KA', 'Karnataka'],
  ['IN', 'MH', 'Maharashtra'],
];

/** Loads the default data into an empty store and returns the ids of what it made. */
export function loadDefaults(store: ModelStore, login: string): DefaultIds {
  const env = store.env({}, 1);
  const xmlid = (module: string, name: string, model: string, resId: number) =>
    store.create(env, 'ir.model.data', { module, name, model, res_id: resId, noupdate: true });
  const currency = (name: string, symbol: string, rounding = 0.01) =>
    store.create(env, 'res.currency', { name, symbol, rounding });
  const currencies = { EUR: currency('EUR', '€'), USD: currency('USD', '$'), GBP: currency('GBP', '£') };
  const extra: Record<string, number> = {
    BRL: currency('BRL', 'R$'),
    INR: currency('INR', '₹'),
    CAD: currency('CAD', '$'),
  };
  for (const [code, id] of Object.entries({ ...currencies, ...extra }))
    xmlid('base', code, 'res.currency', id);
  const countryIds: Record<string, number> = {};
  for (const [code, name, cur, phone] of COUNTRIES) {
    const currencyId = (currencies as Record<string, number>)[cur] ?? extra[cur];
    countryIds[code] = store.create(env, 'res.country', {
      name,
      code,
      currency_id: currencyId ?? false,
      phone_code: phone,
    });
    xmlid('base', code.toLowerCase(), 'res.country', countryIds[code]!);
  }
  for (const [country, code, name] of STATES)
    store.create(env, 'res.country.state', { name, code, country_id: countryIds[country]! });

  const company = store.create(env, 'res.company', {
    name: 'My Company',
    currency_id: currencies.EUR,
    country_id: countryIds.DE!,
  });
  const companyPartner = store.create(env, 'res.partner', {
    name: 'My Company',
    is_company: true,
    country_id: countryIds.DE!,
    company_id: company,
  });
  store.create(env, 'res.partner', { name: 'OdooBot', email: 'odoobot@example.com', active: false });
  const adminPartner = store.create(env, 'res.partner', {
    name: 'Mitchell Admin',
    email: 'admin@yourcompany.example.com',
    company_id: company,
  });
  store.write(env, 'res.company', [company], { partner_id: companyPartner });
  xmlid('base', 'main_company', 'res.company', company);
  xmlid('base', 'main_partner', 'res.partner', companyPartner);
  xmlid('base', 'partner_admin', 'res.partner', adminPartner);
  store.create(env, 'res.users', {
    name: 'OdooBot',
    login: '__system__',
    active: false,
    company_ids: [[6, 0, [company]]],
  });
  const admin = store.create(env, 'res.users', {
    name: 'Mitchell Admin',
    login,
    partner_id: adminPartner,
    company_ids: [[6, 0, [company]]],
  });
  xmlid('base', 'user_admin', 'res.users', admin);

  store.create(env, 'uom.uom', { name: 'Units' });
  xmlid('uom', 'product_uom_unit', 'uom.uom', 1);
  const category = store.create(env, 'product.category', { name: 'All' });
  xmlid('product', 'product_category_all', 'product.category', category);

  const tax = (name: string, amount: number, included: boolean, country: string) =>
    store.create(env, 'account.tax', {
      name,
      amount,
      amount_type: 'percent',
      type_tax_use: 'sale',
      country_id: countryIds[country]!,
      description: name,
      ...(store.version >= 18
        ? { price_include_override: included ? 'tax_included' : 'tax_excluded' }
        : { price_include: included }),
    });
  const taxes = {
    de19: tax('19%', 19, false, 'DE'),
    de7: tax('7%', 7, false, 'DE'),
    de19Included: tax('19% incl.', 19, true, 'DE'),
    de7Included: tax('7% incl.', 7, true, 'DE'),
    fr20: tax('20%', 20, false, 'FR'),
    fr20Included: tax('20% incl.', 20, true, 'FR'),
    zero: tax('0%', 0, false, 'DE'),
  };
  store.write(env, 'res.company', [company], { account_sale_tax_id: taxes.de19 });

  const pricelist = (name: string, currencyId: number) =>
    store.create(env, 'product.pricelist', { name, currency_id: currencyId, company_id: company });
  const pricelists = {
    EUR: pricelist('Default EUR pricelist', currencies.EUR),
    USD: pricelist('Default USD pricelist', currencies.USD),
    GBP: pricelist('Default GBP pricelist', currencies.GBP),
  };
  xmlid('product', 'list0', 'product.pricelist', pricelists.EUR);

  const physical = store.create(env, 'stock.location', { name: 'Physical Locations', usage: 'view' });
  const partners = store.create(env, 'stock.location', { name: 'Partners', usage: 'view' });
  const customerLocation = store.create(env, 'stock.location', {
    name: 'Customers',
    usage: 'customer',
    location_id: partners,
  });
  store.create(env, 'stock.location', { name: 'Vendors', usage: 'supplier', location_id: partners });
  const virtual = store.create(env, 'stock.location', { name: 'Virtual Locations', usage: 'view' });
  store.create(env, 'stock.location', {
    name: 'Inventory adjustment',
    usage: 'inventory',
    location_id: virtual,
  });
  xmlid('stock', 'stock_location_customers', 'stock.location', customerLocation);
  const warehouse = (name: string, code: string, sequence: number) => {
    const view = store.create(env, 'stock.location', {
      name: code,
      usage: 'view',
      location_id: physical,
      company_id: company,
    });
    const stock = store.create(env, 'stock.location', {
      name: 'Stock',
      usage: 'internal',
      location_id: view,
      company_id: company,
    });
    const id = store.create(env, 'stock.warehouse', {
      name,
      code,
      lot_stock_id: stock,
      view_location_id: view,
      partner_id: companyPartner,
      sequence,
    });
    const out = store.create(env, 'stock.picking.type', {
      name: 'Delivery Orders',
      code: 'outgoing',
      sequence_code: 'OUT',
      warehouse_id: id,
      default_location_src_id: stock,
      default_location_dest_id: customerLocation,
    });
    store.create(env, 'stock.picking.type', {
      name: 'Receipts',
      code: 'incoming',
      sequence_code: 'IN',
      warehouse_id: id,
      default_location_dest_id: stock,
    });
    store.write(env, 'stock.warehouse', [id], { out_type_id: out });
    return { id, stock };
  };
  const wh = warehouse('My Company', 'WH', 10);
  const wh2 = warehouse('Second Warehouse', 'WH2', 20);
  xmlid('stock', 'warehouse0', 'stock.warehouse', wh.id);
  xmlid('stock', 'stock_location_stock', 'stock.location', wh.stock);

  const salesJournal = store.create(env, 'account.journal', {
    name: 'Customer Invoices',
    code: 'INV',
    type: 'sale',
  });
  const bankJournal = store.create(env, 'account.journal', { name: 'Bank', code: 'BNK1', type: 'bank' });
  store.create(env, 'account.journal', { name: 'Cash', code: 'CSH1', type: 'cash' });
  store.create(env, 'delivery.carrier', { name: 'Standard delivery', delivery_type: 'fixed' });

  return {
    company,
    admin,
    currencies,
    pricelists,
    warehouses: { WH: wh.id, WH2: wh2.id },
    stockLocations: { 'WH/Stock': wh.stock, 'WH2/Stock': wh2.stock },
    customerLocation,
    taxes,
    category,
    salesJournal,
    bankJournal,
  };
}

export function createSeeder(store: ModelStore, ids: DefaultIds): Seeder {
  const env = (): Env => store.env({ active_test: false });
  const productBySku = (sku: string): number => {
    const found = store.search(env(), 'product.product', [['default_code', '=', sku]], { limit: 1 })[0];
    if (found === undefined) throw new Error(`seed: no product with SKU ${sku}`);
    return found;
  };
  const locationByName = (name: string): number => {
    const found = store
      .rows('stock.location')
      .find((l) => store.displayName(env(), 'stock.location', l.id) === name);
    if (!found) throw new Error(`seed: no location named ${name}`);
    return found.id;
  };
  return {
    ids,
    product(input) {
      const kind = input.type ?? 'storable';
      const typeVals =
        store.version >= 18
          ? { type: kind === 'service' ? 'service' : 'consu', is_storable: kind === 'storable' }
          : { type: kind === 'storable' ? 'product' : kind };
      return store.transaction(() =>
        store.create(env(), 'product.product', {
          name: input.name,
          default_code: input.sku,
          list_price: input.listPrice,
          ...typeVals,
          ...(input.barcode ? { barcode: input.barcode } : {}),
          ...(input.taxIds ? { taxes_id: [[6, 0, input.taxIds]] } : {}),
          ...(input.invoicePolicy ? { invoice_policy: input.invoicePolicy } : {}),
        }),
      );
    },
    stock(input) {
      const productId = productBySku(input.sku);
      const locationId = locationByName(input.location);
      return store.transaction(() => {
        const existing = store
          .rows('stock.quant')
          .find((q) => q.product_id === productId && q.location_id === locationId);
        if (existing) {
          store.write(env(), 'stock.quant', [existing.id], { quantity: input.quantity });
          return existing.id;
        }
        return store.create(env(), 'stock.quant', {
          product_id: productId,
          location_id: locationId,
          quantity: input.quantity,
        });
      });
    },
    partner(input) {
      const country = input.countryCode
        ? store.search(env(), 'res.country', [['code', '=', input.countryCode]], { limit: 1 })[0]
        : undefined;
      return store.transaction(() =>
        store.create(env(), 'res.partner', {
          name: input.name,
          ...(input.email ? { email: input.email } : {}),
          ...(country ? { country_id: country } : {}),
          ...(input.ref ? { ref: input.ref } : {}),
          ...(input.isCompany ? { is_company: true } : {}),
          ...(input.parentId ? { parent_id: input.parentId } : {}),
          ...(input.type ? { type: input.type } : {}),
        }),
      );
    },
    pricelistItem(input) {
      const pricelist = store.search(env(), 'product.pricelist', [['name', '=', input.pricelist]], {
        limit: 1,
      })[0];
      if (pricelist === undefined) throw new Error(`seed: no pricelist named ${input.pricelist}`);
      return store.transaction(() =>
        store.create(env(), 'product.pricelist.item', {
          pricelist_id: pricelist,
          applied_on: '0_product_variant',
          product_id: productBySku(input.sku),
          compute_price: 'fixed',
          fixed_price: input.fixedPrice,
          ...(input.minQuantity ? { min_quantity: input.minQuantity } : {}),
          ...(input.dateStart ? { date_start: input.dateStart } : {}),
          ...(input.dateEnd ? { date_end: input.dateEnd } : {}),
        }),
      );
    },
    xmlid(input) {
      return store.transaction(() =>
        store.create(env(), 'ir.model.data', {
          module: input.module,
          name: input.name,
          model: input.model,
          res_id: input.resId,
        }),
      );
    },
  };
}
