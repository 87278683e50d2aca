/**
 * `sale.order` actions: confirmation (creating and reserving the delivery from the order's
 * warehouse), cancellation (cancelling open deliveries and draft invoices), back to draft, and the
 * version's locking: `action_done`/`action_unlock` on state `done` in 16, a `locked` flag in 17+.
 */
import { userError } from '../orm/errors.js';
import type { Env, MethodDef, OdooVersion, Row } from '../orm/types.js';
import { assignPickings } from './picking.js';
import { isGoods } from './product.js';
import { orderInvoices, orderLines } from './sale.js';

function createPicking(env: Env, order: Row): void {
  const goods = orderLines(env, order).filter((l) => {
    const product = l.display_type ? undefined : env.store.row('product.product', l.product_id as number);
    return product !== undefined && isGoods(env, product) && Number(l.product_uom_qty) > 0;
  });
  if (goods.length === 0) return;
  const warehouse = env.store.row('stock.warehouse', order.warehouse_id as number);
  if (!warehouse) throw userError('No warehouse is set on this order.');
  const customers = env.store.rows('stock.location').find((l) => l.usage === 'customer');
  const source = warehouse.lot_stock_id as number;
  const pickingId = env.store.create(env, 'stock.picking', {
    picking_type_id: warehouse.out_type_id as number,
    partner_id: order.partner_shipping_id as number,
    origin: String(order.name),
    location_id: source,
    location_dest_id: customers!.id,
    sale_id: order.id,
    ...(typeof order.carrier_id === 'number' ? { carrier_id: order.carrier_id } : {}),
    move_ids: goods.map((l) => [
      0,
      0,
      {
        name: String(l.name),
        product_id: l.product_id as number,
        product_uom_qty: Number(l.product_uom_qty),
        location_id: source,
        location_dest_id: customers!.id,
        sale_line_id: l.id,
        origin: String(order.name),
        state: 'confirmed',
      },
    ]),
  });
  assignPickings(env, [env.store.row('stock.picking', pickingId)!]);
}

const orderAction = (run: (env: Env, orders: Row[]) => unknown): MethodDef => ({
  params: [],
  run: (env, ids) => run(env, env.store.browse(env, 'sale.order', ids)),
});

function cancelOrders(env: Env, orders: Row[]): boolean {
  for (const order of orders) {
    if (env.version === 16 && order.state === 'done')
      throw userError('You cannot cancel a locked order. Please unlock it first.');
    if (env.version >= 17 && order.locked)
      throw userError('You cannot cancel a locked order. Please unlock it first.');
  }
  for (const order of orders) {
    const pickings = env.store.search(env, 'stock.picking', [
      ['sale_id', '=', order.id],
      ['state', 'not in', ['done', 'cancel']],
    ]);
    if (pickings.length > 0) env.store.model('stock.picking').methods!.action_cancel!.run(env, pickings, {});
    for (const move of env.store.browse(env, 'account.move', orderInvoices(env, order))) {
      if (move.state === 'draft') env.store.setRaw(env, 'account.move', move, { state: 'cancel' });
    }
    env.store.setRaw(env, 'sale.order', order, { state: 'cancel' });
  }
  return true;
}

export function orderActions(version: OdooVersion): Record<string, MethodDef> {
  const methods: Record<string, MethodDef> = {
    action_confirm: orderAction((env, orders) => {
      const wrong = orders.filter((o) => !['draft', 'sent'].includes(String(o.state)));
      if (wrong.length > 0) {
        throw userError(
          `The following orders are not in a state requiring confirmation: ${wrong.map((o) => String(o.name)).join(', ')}`,
        );
      }
      for (const order of orders) {
        env.store.setRaw(env, 'sale.order', order, { state: 'sale', date_order: env.store.stamp() });
        createPicking(env, order);
      }
      return true;
    }),
    action_cancel: orderAction(cancelOrders),
    action_draft: orderAction((env, orders) => {
      for (const order of orders) {
        if (['cancel', 'sent'].includes(String(order.state)))
          env.store.setRaw(env, 'sale.order', order, { state: 'draft' });
      }
      return true;
    }),
    action_quotation_sent: orderAction((env, orders) => {
      for (const order of orders)
        if (order.state === 'draft') env.store.setRaw(env, 'sale.order', order, { state: 'sent' });
      return true;
    }),
  };
  if (version === 16) {
    methods.action_done = orderAction((env, orders) => {
      for (const order of orders) env.store.setRaw(env, 'sale.order', order, { state: 'done' });
      return true;
    });
    methods.action_unlock = orderAction((env, orders) => {
      for (const order of orders)
        if (order.state === 'done') env.store.setRaw(env, 'sale.order', order, { state: 'sale' });
      return true;
    });
  } else {
    methods.action_lock = orderAction((env, orders) => {
      for (const order of orders) env.store.setRaw(env, 'sale.order', order, { locked: true });
      return true;
    });
    methods.action_unlock = orderAction((env, orders) => {
      for (const order of orders) env.store.setRaw(env, 'sale.order', order, { locked: false });
      return true;
    });
  }
  return methods;
}
