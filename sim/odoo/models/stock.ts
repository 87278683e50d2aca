/** Warehouses, locations, operation types and quants (`stock.quant`: on hand and reserved per location). */
import { userError } from '../orm/errors.js';
import type { Env, ModelDef, Row } from '../orm/types.js';
import { active, bool, char, company, constant, datetime, float, int, m2o, sel } from './fields.js';

const USAGES = [
  ['supplier', 'Vendor Location'],
  ['view', 'View'],
  ['internal', 'Internal Location'],
  ['customer', 'Customer Location'],
  ['inventory', 'Inventory Loss'],
  ['production', 'Production'],
  ['transit', 'Transit Location'],
] as const;

function locationName(env: Env, row: Row): string {
  const parent =
    typeof row.location_id === 'number' ? env.store.row('stock.location', row.location_id) : undefined;
  // As Odoo's _compute_complete_name: a view location is named alone, others under their parent.
  if (!parent || row.usage === 'view') return String(row.name);
  return `${locationName(env, parent)}/${String(row.name)}`;
}

export function stockModels(): ModelDef[] {
  return [
    {
      name: 'stock.warehouse',
      description: 'Warehouse',
      fields: {
        name: char('Warehouse', { required: true }),
        code: char('Short Name', { required: true }),
        lot_stock_id: m2o('stock.location', { string: 'Location Stock' }),
        view_location_id: m2o('stock.location', { string: 'View Location' }),
        out_type_id: m2o('stock.picking.type', { string: 'Out Type' }),
        partner_id: m2o('res.partner', { string: 'Address' }),
        company_id: company(),
        active: active(),
        sequence: int('Sequence', { default: constant(10) }),
      },
      order: 'sequence, id',
    },
    {
      name: 'stock.location',
      description: 'Inventory Locations',
      recName: 'complete_name',
      order: 'complete_name, id',
      fields: {
        name: char('Location Name', { required: true }),
        complete_name: char('Full Location Name', { compute: locationName }),
        location_id: m2o('stock.location', { string: 'Parent Location' }),
        usage: sel(USAGES, { required: true, default: constant('internal') }),
        warehouse_id: m2o('stock.warehouse', {
          compute: (env, row) => {
            for (const wh of env.store.rows('stock.warehouse')) {
              if (env.store.descendants(env, 'stock.location', [wh.view_location_id as number]).has(row.id))
                return wh.id;
            }
            return false;
          },
        }),
        barcode: char('Barcode'),
        company_id: m2o('res.company'),
        active: active(),
      },
    },
    {
      name: 'stock.picking.type',
      description: 'Picking Type',
      fields: {
        name: char('Operation Type', { required: true }),
        code: sel(
          [
            ['incoming', 'Receipt'],
            ['outgoing', 'Delivery'],
            ['internal', 'Internal Transfer'],
          ],
          { required: true },
        ),
        sequence_code: char('Sequence Prefix', { required: true }),
        warehouse_id: m2o('stock.warehouse'),
        default_location_src_id: m2o('stock.location'),
        default_location_dest_id: m2o('stock.location'),
        company_id: company(),
        active: active(),
      },
      recName: 'name',
      order: 'id',
    },
    {
      name: 'stock.quant',
      description: 'Quants',
      fields: {
        product_id: m2o('product.product', { required: true, ondelete: 'restrict' }),
        location_id: m2o('stock.location', { required: true, ondelete: 'restrict' }),
        quantity: float('Quantity'),
        reserved_quantity: float('Reserved Quantity'),
        available_quantity: float('Available Quantity', {
          compute: (_env, row) => Number(row.quantity ?? 0) - Number(row.reserved_quantity ?? 0),
        }),
        inventory_quantity: float('Counted Quantity'),
        inventory_quantity_set: bool('Inventory Quantity Set'),
        inventory_diff_quantity: float('Difference', {
          compute: (_env, row) =>
            row.inventory_quantity_set ? Number(row.inventory_quantity ?? 0) - Number(row.quantity ?? 0) : 0,
        }),
        inventory_quantity_auto_apply: float('Inventoried Quantity', {
          compute: (_env, row) => Number(row.quantity ?? 0),
          inverse: (env, row, value) =>
            env.store.setRaw(env, 'stock.quant', row, { quantity: Number(value) }),
        }),
        product_uom_id: m2o('uom.uom', { compute: () => 1 }),
        warehouse_id: m2o('stock.warehouse', {
          compute: (env, row) => {
            const loc = env.store.row('stock.location', row.location_id as number);
            return loc ? env.store.get(env, 'stock.location', loc, 'warehouse_id') : false;
          },
        }),
        in_date: datetime('Incoming Date', { default: (env) => env.store.stamp() }),
        company_id: company(),
      },
      afterCreate: (env, row, vals) => {
        if (vals.inventory_quantity !== undefined)
          env.store.setRaw(env, 'stock.quant', row, { inventory_quantity_set: true }, false);
        const product = env.store.row('product.product', row.product_id as number);
        if (product && env.store.get(env, 'product.product', product, 'type') === 'service') {
          throw userError('Quants cannot be created for consumables or services.');
        }
      },
      afterWrite: (env, rows, vals) => {
        if (vals.inventory_quantity === undefined) return;
        for (const row of rows)
          env.store.setRaw(env, 'stock.quant', row, { inventory_quantity_set: true }, false);
      },
      methods: {
        action_apply_inventory: {
          params: [],
          run: (env, ids) => {
            for (const row of env.store.browse(env, 'stock.quant', ids)) {
              if (!row.inventory_quantity_set) continue;
              env.store.setRaw(env, 'stock.quant', row, {
                quantity: Number(row.inventory_quantity ?? 0),
                inventory_quantity: 0,
                inventory_quantity_set: false,
              });
            }
            return null;
          },
        },
        action_set_inventory_quantity_to_zero: {
          params: [],
          run: (env, ids) => {
            for (const row of env.store.browse(env, 'stock.quant', ids)) {
              env.store.setRaw(
                env,
                'stock.quant',
                row,
                { inventory_quantity: 0, inventory_quantity_set: false },
                false,
              );
            }
            return null;
          },
        },
      },
    },
  ];
}
