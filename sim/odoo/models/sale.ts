/**
 * Sales: `sale.order` and `sale.order.line` with totals computed from the lines (Odoo's
 * `round_per_line`), confirmation creating and reserving the delivery, cancellation, and the
 * per-version differences: 16 has state `done`, 17+ a `locked` flag; 19 renamed the line's
 * `tax_id` → `tax_ids` and `product_uom` → `product_uom_id`.
 */
import { userError, validationError } from '../orm/errors.js';
import type { Env, FieldDef, ModelDef, OdooVersion, Row } from '../orm/types.js';
import {
  bool,
  char,
  company,
  constant,
  datetime,
  float,
  int,
  m2m,
  m2o,
  money,
  o2m,
  sel,
  text,
} from './fields.js';
import { productLineDefaults, valsProduct } from './product.js';
import { priceLine, pricelistPrice } from './pricing.js';
import { orderActions } from './sale-actions.js';
import { carryQuantityToMoves, refuseConfirmedLineUnlink } from './sale-line-changes.js';
import { sumAmounts, type LineAmounts } from './tax-engine.js';

export const lineTaxField = (version: OdooVersion): string => (version >= 19 ? 'tax_ids' : 'tax_id');
export const lineUomField = (version: OdooVersion): string =>
  version >= 19 ? 'product_uom_id' : 'product_uom';

function orderOf(env: Env, line: Row): Row | undefined {
  return env.store.row('sale.order', line.order_id as number);
}

export function lineAmounts(env: Env, line: Row): LineAmounts {
  if (line.display_type) return { subtotal: 0, tax: 0, total: 0, taxes: [] };
  const order = orderOf(env, line);
  return priceLine(env, {
    priceUnit: line.price_unit,
    quantity: line.product_uom_qty,
    discount: line.discount,
    taxIds: line[lineTaxField(env.version)],
    currencyId: order ? env.store.get(env, 'sale.order', order, 'currency_id') : 1,
  });
}

export const orderLines = (env: Env, order: Row): Row[] =>
  env.store.related(env, 'sale.order', order, 'order_line');

const orderAmount = (key: 'subtotal' | 'tax' | 'total') => (env: Env, order: Row) =>
  sumAmounts(orderLines(env, order).map((l) => lineAmounts(env, l)[key]));

/** Invoiced quantity from invoice lines linked to this sale line (refunds count negative). */
function qtyInvoiced(env: Env, line: Row): number {
  let qty = 0;
  for (const aml of env.store.rows('account.move.line')) {
    if (!Array.isArray(aml.sale_line_ids) || !aml.sale_line_ids.includes(line.id)) continue;
    const move = env.store.row('account.move', aml.move_id as number);
    if (!move || move.state === 'cancel') continue;
    qty += (move.move_type === 'out_refund' ? -1 : 1) * Number(aml.quantity ?? 0);
  }
  return qty;
}

export function qtyToInvoice(env: Env, line: Row): number {
  const order = orderOf(env, line);
  if (!order || line.display_type || !['sale', 'done'].includes(String(order.state))) return 0;
  const product = env.store.row('product.product', line.product_id as number);
  const policy = product ? env.store.get(env, 'product.product', product, 'invoice_policy') : 'order';
  const basis = policy === 'delivery' ? Number(line.qty_delivered ?? 0) : Number(line.product_uom_qty ?? 0);
  return basis - qtyInvoiced(env, line);
}

function invoiceStatus(env: Env, order: Row): string {
  if (!['sale', 'done'].includes(String(order.state))) return 'no';
  const lines = orderLines(env, order).filter((l) => !l.display_type);
  if (lines.some((l) => qtyToInvoice(env, l) > 0)) return 'to invoice';
  if (lines.length > 0 && lines.every((l) => qtyInvoiced(env, l) >= Number(l.product_uom_qty)))
    return 'invoiced';
  return 'no';
}

export function orderInvoices(env: Env, order: Row): number[] {
  const lineIds = new Set(orderLines(env, order).map((l) => l.id));
  const moves = new Set<number>();
  for (const aml of env.store.rows('account.move.line')) {
    if (Array.isArray(aml.sale_line_ids) && aml.sale_line_ids.some((id) => lineIds.has(id as number)))
      moves.add(aml.move_id as number);
  }
  return [...moves].sort((a, b) => a - b);
}

/** Invoice and delivery addresses: the partner's child of that type, else the partner itself. */
function address(env: Env, partnerId: unknown, type: 'invoice' | 'delivery'): number | false {
  if (typeof partnerId !== 'number') return false;
  const child = env.store
    .rows('res.partner')
    .find((p) => p.parent_id === partnerId && p.type === type && p.active !== false);
  return child?.id ?? partnerId;
}

function defaultPricelist(env: Env, partnerId: unknown): number | false {
  const partner = typeof partnerId === 'number' ? env.store.row('res.partner', partnerId) : undefined;
  if (partner && typeof partner.property_product_pricelist === 'number')
    return partner.property_product_pricelist;
  const companyCurrency = env.store.row('res.company', 1)?.currency_id;
  const ids = env.store.search(env, 'product.pricelist', [['currency_id', '=', companyCurrency ?? 1]], {
    limit: 1,
  });
  return ids[0] ?? false;
}

export function saleModels(version: OdooVersion): ModelDef[] {
  const states: [string, string][] = [
    ['draft', 'Quotation'],
    ['sent', 'Quotation Sent'],
    ['sale', 'Sales Order'],
  ];
  if (version === 16) states.push(['done', 'Locked']);
  states.push(['cancel', 'Cancelled']);
  const lineVersionFields: Record<string, FieldDef> = {
    [lineTaxField(version)]: m2m('account.tax', {
      string: 'Taxes',
      default: productLineDefaults.taxes,
    }),
    [lineUomField(version)]: m2o('uom.uom', {
      string: 'Unit',
      default: (_env, vals) => (vals.product_id ? 1 : false),
    }),
  };
  return [
    {
      name: 'sale.order',
      description: 'Sales Order',
      order: 'date_order desc, id desc',
      fields: {
        name: char('Order Reference', { required: true, default: constant('New') }),
        partner_id: m2o('res.partner', { string: 'Customer', required: true }),
        partner_invoice_id: m2o('res.partner', {
          string: 'Invoice Address',
          default: (env, vals) => address(env, vals.partner_id, 'invoice'),
        }),
        partner_shipping_id: m2o('res.partner', {
          string: 'Delivery Address',
          default: (env, vals) => address(env, vals.partner_id, 'delivery'),
        }),
        client_order_ref: char('Customer Reference'),
        origin: char('Source Document'),
        pricelist_id: m2o('product.pricelist', {
          string: 'Pricelist',
          default: (env, vals) => defaultPricelist(env, vals.partner_id),
        }),
        currency_id: m2o('res.currency', {
          compute: (env, row) => {
            const pricelist =
              typeof row.pricelist_id === 'number'
                ? env.store.row('product.pricelist', row.pricelist_id)
                : undefined;
            return pricelist?.currency_id ?? env.store.row('res.company', 1)?.currency_id ?? false;
          },
        }),
        warehouse_id: m2o('stock.warehouse', {
          string: 'Warehouse',
          default: (env) => env.store.search(env, 'stock.warehouse', [], { limit: 1 })[0] ?? false,
        }),
        company_id: company(),
        user_id: m2o('res.users', { string: 'Salesperson', default: (env) => env.uid }),
        date_order: datetime('Order Date', { required: true, default: (env) => env.store.stamp() }),
        state: sel(states, { default: constant('draft') }),
        ...(version >= 17 ? { locked: bool('Locked') } : {}),
        order_line: o2m('sale.order.line', 'order_id', { string: 'Order Lines' }),
        note: text('Terms and conditions'),
        carrier_id: m2o('delivery.carrier', { string: 'Delivery Method' }),
        amount_untaxed: money('Untaxed Amount', { compute: orderAmount('subtotal') }),
        amount_tax: money('Taxes', { compute: orderAmount('tax') }),
        amount_total: money('Total', { compute: orderAmount('total') }),
        invoice_status: sel(
          [
            ['upselling', 'Upselling Opportunity'],
            ['invoiced', 'Fully Invoiced'],
            ['to invoice', 'To Invoice'],
            ['no', 'Nothing to Invoice'],
          ],
          { compute: invoiceStatus },
        ),
        invoice_ids: m2m('account.move', { string: 'Invoices', compute: orderInvoices }),
        invoice_count: int('Invoice Count', { compute: (env, row) => orderInvoices(env, row).length }),
        picking_ids: o2m('stock.picking', 'sale_id', { string: 'Transfers' }),
        delivery_count: int('Delivery Orders', {
          compute: (env, row) => (env.store.get(env, 'sale.order', row, 'picking_ids') as number[]).length,
        }),
      },
      afterCreate: (env, row) => {
        if (row.name === 'New') {
          env.store.setRaw(
            env,
            'sale.order',
            row,
            { name: `S${String(env.store.nextSequence('sale.order')).padStart(5, '0')}` },
            false,
          );
        }
      },
      methods: orderActions(version),
    },
    {
      name: 'sale.order.line',
      description: 'Sales Order Line',
      order: 'order_id, sequence, id',
      fields: {
        order_id: m2o('sale.order', { string: 'Order Reference', required: true, ondelete: 'cascade' }),
        sequence: int('Sequence', { default: constant(10) }),
        display_type: sel([
          ['line_section', 'Section'],
          ['line_note', 'Note'],
        ]),
        product_id: m2o('product.product', { string: 'Product' }),
        product_template_id: m2o('product.template', {
          compute: (env, row) =>
            env.store.row('product.product', row.product_id as number)?.product_tmpl_id ?? false,
        }),
        name: text('Description', {
          required: true,
          default: productLineDefaults.name,
        }),
        product_uom_qty: float('Quantity', { default: (_env, vals) => (vals.display_type ? 0 : 1) }),
        ...lineVersionFields,
        price_unit: float('Unit Price', {
          default: (env, vals) => {
            const product = valsProduct(env, vals);
            const order =
              typeof vals.order_id === 'number' ? env.store.row('sale.order', vals.order_id) : undefined;
            if (!product) return 0;
            const qty = typeof vals.product_uom_qty === 'number' ? vals.product_uom_qty : 1;
            return pricelistPrice(
              env,
              (order?.pricelist_id as number | false) ?? false,
              product,
              qty,
              String(order?.date_order ?? env.store.stamp()),
            );
          },
        }),
        discount: float('Discount (%)'),
        price_subtotal: money('Subtotal', { compute: (env, row) => lineAmounts(env, row).subtotal }),
        price_tax: float('Total Tax', { compute: (env, row) => lineAmounts(env, row).tax }),
        price_total: money('Total', { compute: (env, row) => lineAmounts(env, row).total }),
        qty_delivered: float('Delivery Quantity'),
        qty_invoiced: float('Invoiced Quantity', { compute: qtyInvoiced }),
        qty_to_invoice: float('Quantity To Invoice', { compute: qtyToInvoice }),
        currency_id: m2o('res.currency', {
          compute: (env, row) => {
            const order = orderOf(env, row);
            return order ? env.store.get(env, 'sale.order', order, 'currency_id') : false;
          },
        }),
        state: sel(states, { compute: (env, row) => orderOf(env, row)?.state ?? false }),
        invoice_status: sel(
          [
            ['upselling', 'Upselling Opportunity'],
            ['invoiced', 'Fully Invoiced'],
            ['to invoice', 'To Invoice'],
            ['no', 'Nothing to Invoice'],
          ],
          {
            compute: (env, row) => (qtyToInvoice(env, row) > 0 ? 'to invoice' : 'no'),
          },
        ),
        company_id: company(),
      },
      beforeCreate: (env, vals) => {
        if (!vals.display_type && typeof vals.product_id !== 'number') {
          throw validationError('Missing required fields on accountable sale order line.');
        }
        const order =
          typeof vals.order_id === 'number' ? env.store.row('sale.order', vals.order_id) : undefined;
        if (order && (order.state === 'cancel' || (env.version === 16 && order.state === 'done'))) {
          throw userError('You cannot add lines to a cancelled or locked order.');
        }
      },
      afterWrite: carryQuantityToMoves,
      beforeUnlink: refuseConfirmedLineUnlink,
    },
  ];
}
