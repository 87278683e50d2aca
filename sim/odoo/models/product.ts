/**
 * Products: `product.template` and its variants `product.product` (which `_inherits` the template).
 * The product kind changed shape across versions: 16/17 have `type` ∈ consu/service/product plus
 * `detailed_type`; 18+ drop `detailed_type` and `product`, adding `is_storable` and `combo`.
 */
import { validationError } from '../orm/errors.js';
import type { Env, FieldDef, ModelDef, OdooVersion, Row } from '../orm/types.js';
import { active, bool, char, company, constant, float, int, m2m, m2o, o2m, sel, text } from './fields.js';
import { productQuantities } from './stock-quantities.js';

/** Whether stock of this product is tracked in quants, per version. */
export function isStorable(env: Env, product: Row): boolean {
  return env.version >= 18
    ? env.store.get(env, 'product.product', product, 'is_storable') === true
    : env.store.get(env, 'product.product', product, 'type') === 'product';
}

/** Services never move; goods (consumable or storable) get stock moves. */
export function isGoods(env: Env, product: Row): boolean {
  return env.store.get(env, 'product.product', product, 'type') !== 'service';
}

function typeFields(version: OdooVersion): Record<string, FieldDef> {
  if (version >= 18) {
    return {
      type: sel(
        [
          ['consu', 'Goods'],
          ['service', 'Service'],
          ['combo', 'Combo'],
        ],
        { required: true, default: constant('consu') },
      ),
      is_storable: bool('Track Inventory'),
    };
  }
  const kinds = [
    ['consu', 'Consumable'],
    ['service', 'Service'],
    ['product', 'Storable Product'],
  ] as const;
  return {
    type: sel(kinds, { required: true, default: (_env, vals) => vals.detailed_type ?? 'consu' }),
    detailed_type: sel(kinds, { required: true, default: (_env, vals) => vals.type ?? 'consu' }),
  };
}

const quantityField = (
  key: 'qty_available' | 'virtual_available' | 'free_qty',
  model: 'product.product' | 'product.template',
) =>
  float(key, {
    readonly: true,
    compute: (env, row) => {
      const variants =
        model === 'product.product'
          ? [row.id]
          : (env.store.get(env, model, row, 'product_variant_ids') as number[]);
      return variants.reduce((sum, id) => sum + productQuantities(env, id)[key], 0);
    },
  });

/** In 16/17 `type` and `detailed_type` mirror each other: writing one sets the other. */
function syncDetailedType(env: Env, model: string, row: Row, vals: Record<string, unknown>): void {
  if (env.version >= 18) return;
  if (typeof vals.detailed_type === 'string' && row.type !== vals.detailed_type)
    env.store.setRaw(env, model, row, { type: vals.detailed_type }, false);
  else if (typeof vals.type === 'string' && row.detailed_type !== vals.type)
    env.store.setRaw(env, model, row, { detailed_type: vals.type }, false);
}

function assertUniqueBarcode(env: Env, rows: Row[]): void {
  for (const row of rows) {
    if (typeof row.barcode !== 'string') continue;
    if (env.store.rows('product.product').some((r) => r.id !== row.id && r.barcode === row.barcode)) {
      throw validationError(
        `Barcode(s) already assigned:\n\n- Barcode "${row.barcode}" already assigned to product(s): ${env.store.displayName(env, 'product.product', row.id)}`,
      );
    }
  }
}

export function productModels(version: OdooVersion): ModelDef[] {
  const single = (env: Env, row: Row): Row | undefined => {
    const ids = env.store.get(env, 'product.template', row, 'product_variant_ids') as number[];
    return ids.length === 1 ? env.store.row('product.product', ids[0]!) : undefined;
  };
  const throughVariant = (field: 'default_code' | 'barcode'): FieldDef =>
    char(field === 'default_code' ? 'Internal Reference' : 'Barcode', {
      compute: (env, row) => single(env, row)?.[field] ?? false,
      inverse: (env, row, value) => {
        const variant = single(env, row);
        if (variant) env.store.write(env, 'product.product', [variant.id], { [field]: value });
      },
    });
  return [
    {
      name: 'product.category',
      description: 'Product Category',
      recName: 'complete_name',
      fields: {
        name: char('Name', { required: true }),
        parent_id: m2o('product.category', { ondelete: 'cascade' }),
        complete_name: char('Complete Name', {
          compute: (env, row) => {
            const parent =
              typeof row.parent_id === 'number'
                ? env.store.displayName(env, 'product.category', row.parent_id)
                : '';
            return parent ? `${parent} / ${String(row.name)}` : String(row.name);
          },
        }),
      },
    },
    {
      name: 'product.template',
      description: 'Product',
      order: 'priority desc, name, id',
      fields: {
        name: char('Name', { required: true }),
        ...typeFields(version),
        default_code: throughVariant('default_code'),
        barcode: throughVariant('barcode'),
        list_price: float('Sales Price', { default: constant(1) }),
        standard_price: float('Cost'),
        sale_ok: bool('Can be Sold', { default: constant(true) }),
        purchase_ok: bool('Can be Purchased', { default: constant(true) }),
        active: active(),
        priority: sel(
          [
            ['0', 'Normal'],
            ['1', 'Favorite'],
          ],
          { default: constant('0') },
        ),
        categ_id: m2o('product.category', { string: 'Product Category', default: constant(1) }),
        uom_id: m2o('uom.uom', { string: 'Unit', default: constant(1) }),
        ...(version <= 18 ? { uom_po_id: m2o('uom.uom', { default: constant(1) }) } : {}),
        taxes_id: m2m('account.tax', { string: 'Sales Taxes', default: (env) => defaultSaleTaxes(env) }),
        invoice_policy: sel(
          [
            ['order', 'Ordered quantities'],
            ['delivery', 'Delivered quantities'],
          ],
          { default: constant('order') },
        ),
        description_sale: text('Sales Description'),
        weight: float('Weight'),
        company_id: m2o('res.company'),
        currency_id: m2o('res.currency', { compute: () => 1 }),
        product_variant_ids: o2m('product.product', 'product_tmpl_id'),
        product_variant_id: m2o('product.product', {
          compute: (env, row) =>
            (env.store.get(env, 'product.template', row, 'product_variant_ids') as number[])[0] ?? false,
        }),
        product_variant_count: int('# Product Variants', {
          compute: (env, row) =>
            (env.store.get(env, 'product.template', row, 'product_variant_ids') as number[]).length,
        }),
        qty_available: quantityField('qty_available', 'product.template'),
        virtual_available: quantityField('virtual_available', 'product.template'),
        display_name: char('Display Name', {
          compute: (env, row) => {
            const code = single(env, row)?.default_code;
            return typeof code === 'string' ? `[${code}] ${String(row.name)}` : String(row.name);
          },
        }),
      },
      afterCreate: (env, row, vals) => {
        syncDetailedType(env, 'product.template', row, vals);
        if (env.context.create_from_child) return;
        const own: Record<string, unknown> = {};
        for (const key of ['default_code', 'barcode'] as const)
          if (vals[key] !== undefined) own[key] = vals[key];
        env.store.create({ ...env, context: {} }, 'product.product', { ...own, product_tmpl_id: row.id });
      },
      afterWrite: (env, rows, vals) => {
        for (const row of rows) syncDetailedType(env, 'product.template', row, vals);
      },
    },
    {
      name: 'product.product',
      description: 'Product Variant',
      inherits: { 'product.template': 'product_tmpl_id' },
      order: 'default_code, name, id',
      fields: {
        product_tmpl_id: m2o('product.template', { required: true, ondelete: 'cascade' }),
        default_code: char('Internal Reference'),
        barcode: char('Barcode'),
        active: active(),
        company_id: company(),
        lst_price: float('Sales Price', {
          compute: (env, row) => env.store.get(env, 'product.product', row, 'list_price'),
          inverse: (env, row, value) =>
            env.store.write(env, 'product.template', [row.product_tmpl_id as number], {
              list_price: value as number,
            }),
        }),
        price_extra: float('Variant Price Extra', { compute: () => 0 }),
        qty_available: quantityField('qty_available', 'product.product'),
        virtual_available: quantityField('virtual_available', 'product.product'),
        free_qty: quantityField('free_qty', 'product.product'),
        stock_quant_ids: o2m('stock.quant', 'product_id'),
        display_name: char('Display Name', {
          compute: (env, row) => {
            const name = String(env.store.get(env, 'product.product', row, 'name'));
            return typeof row.default_code === 'string' ? `[${row.default_code}] ${name}` : name;
          },
        }),
      },
      afterCreate: (env, row) => assertUniqueBarcode(env, [row]),
      afterWrite: (env, rows) => assertUniqueBarcode(env, rows),
    },
  ];
}

/** Odoo sets the company's default sale tax on new products. */
function defaultSaleTaxes(env: Env): number[] {
  const companyRow = env.store.row('res.company', 1);
  const tax = companyRow?.account_sale_tax_id;
  return typeof tax === 'number' ? [tax] : [];
}

/** The product a line's vals name, if it exists. */
export function valsProduct(env: Env, vals: Record<string, unknown>): Row | undefined {
  return typeof vals.product_id === 'number' ? env.store.row('product.product', vals.product_id) : undefined;
}

/** Line defaults Odoo takes from the product: its display name and its sale taxes. */
export const productLineDefaults = {
  name: (env: Env, vals: Record<string, unknown>): string | false => {
    const product = valsProduct(env, vals);
    return product ? env.store.displayName(env, 'product.product', product.id) : false;
  },
  taxes: (env: Env, vals: Record<string, unknown>): number[] => {
    const product = valsProduct(env, vals);
    return product ? [...(env.store.get(env, 'product.product', product, 'taxes_id') as number[])] : [];
  },
};
