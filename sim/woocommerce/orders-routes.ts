/** `/wc/v3/orders`, `/orders/batch`, `/orders/{id}/notes` and `/orders/{id}/refunds`. */
import type { StoreContext } from './context.js';
import { restUrl } from './context.js';
import { runBatch } from './batch.js';
import { WcError } from './errors.js';
import { decimalsParam, withDecimals } from './decimals.js';
import { commonFilter } from './filters.js';
import { addNote, noteResponse } from './notes.js';
import {
  ORDER_STATUSES,
  createOrderFrom,
  deleteOrder,
  getOrderOrThrow,
  orderResponse,
  updateOrderWith,
} from './orders.js';
import { paginate, sortBy } from './pagination.js';
import { bool, collectionParams, enumList, parseList } from './params.js';
import { createRefundFor, deleteRefund, refundResponse } from './refunds.js';
import type { Router, RouteRequest } from './router.js';
import { created, ok } from './router.js';
import type { WcOrder } from './types.js';

const ORDERBY = ['date', 'modified', 'id', 'include', 'title', 'slug'];

function orderFor(ctx: StoreContext, request: RouteRequest, code: string): WcOrder {
  const order = ctx.state.orders.get(Number(request.params.orderId));
  if (!order) throw new WcError(404, code, 'Invalid order ID.');
  return order;
}

export function registerOrderRoutes(router: Router): void {
  router.add('GET', '/wc/v3/orders', 'list', (ctx, request) => {
    const input = request.input;
    const params = collectionParams(input, ORDERBY);
    const statuses = enumList(input, 'status', ['any', ...ORDER_STATUSES]);
    const wanted = statuses.length === 0 || statuses.includes('any') ? null : statuses;
    const common = commonFilter<WcOrder>(input);
    const customer = input.customer === undefined ? null : Number(input.customer);
    const product = input.product === undefined ? null : Number(input.product);
    const parents = parseList(input.parent).map(Number);
    const search = typeof input.search === 'string' ? input.search.toLowerCase() : '';
    const orders = [...ctx.state.orders.values()].filter((o) => {
      if (
        wanted
          ? !wanted.includes(o.status)
          : o.status === 'trash' || o.status === 'auto-draft' || o.status === 'checkout-draft'
      )
        return false;
      if (customer !== null && o.customer_id !== customer) return false;
      if (
        product !== null &&
        !o.line_items.some((l) => l.product_id === product || l.variation_id === product)
      )
        return false;
      if (parents.length > 0 && !parents.includes(o.parent_id)) return false;
      if (search && !JSON.stringify([o.billing, o.shipping, o.number]).toLowerCase().includes(search))
        return false;
      return common(o);
    });
    const key =
      params.orderby === 'id' || params.orderby === 'include'
        ? (o: WcOrder) => o.id
        : params.orderby === 'modified'
          ? (o: WcOrder) => o.date_modified_gmt
          : (o: WcOrder) => o.date_created_gmt;
    sortBy(orders, key, params.order);
    return paginate(
      orders,
      params,
      { baseUrl: restUrl(ctx, '/wc/v3/orders'), rawQuery: request.rawQuery },
      (o) => withDecimals(orderResponse(ctx, o), decimalsParam(input)),
    );
  });
  router.add('POST', '/wc/v3/orders', 'create', (ctx, request) => {
    const order = createOrderFrom(ctx, request.input, 'rest-api');
    return created(orderResponse(ctx, order), restUrl(ctx, `/wc/v3/orders/${order.id}`));
  });
  router.add(['POST', 'PUT', 'PATCH'], '/wc/v3/orders/batch', 'batch', (ctx, request) =>
    runBatch(ctx, request, {
      create: (c, body) => orderResponse(c, createOrderFrom(c, body, 'rest-api')),
      update: (c, id, body) => orderResponse(c, updateOrderWith(c, getOrderOrThrow(c, id, 'PUT'), body)),
      delete: (c, id) => deleteOrder(c, getOrderOrThrow(c, id, 'DELETE'), true),
    }),
  );
  router.add('GET', '/wc/v3/orders/(?<id>\\d+)', 'view', (ctx, request) =>
    ok(
      withDecimals(
        orderResponse(ctx, getOrderOrThrow(ctx, Number(request.params.id), 'GET')),
        decimalsParam(request.input),
      ),
    ),
  );
  router.add(['POST', 'PUT', 'PATCH'], '/wc/v3/orders/(?<id>\\d+)', 'edit', (ctx, request) =>
    ok(
      orderResponse(
        ctx,
        updateOrderWith(ctx, getOrderOrThrow(ctx, Number(request.params.id), request.method), request.input),
      ),
    ),
  );
  router.add('DELETE', '/wc/v3/orders/(?<id>\\d+)', 'delete', (ctx, request) =>
    ok(
      deleteOrder(ctx, getOrderOrThrow(ctx, Number(request.params.id), 'DELETE'), bool(request.input.force)),
    ),
  );

  router.add('GET', '/wc/v3/orders/(?<orderId>\\d+)/notes', 'list', (ctx, request) => {
    const order = orderFor(ctx, request, 'woocommerce_rest_order_invalid_id');
    const type = typeof request.input.type === 'string' ? request.input.type : 'any';
    const notes = ctx.state
      .notesOf(order.id)
      .filter((n) => type === 'any' || (type === 'customer' ? n.customer_note : !n.customer_note))
      .slice()
      .reverse();
    return ok(notes.map((n) => noteResponse(ctx, order.id, n)));
  });
  router.add('POST', '/wc/v3/orders/(?<orderId>\\d+)/notes', 'create', (ctx, request) => {
    const order = orderFor(ctx, request, 'woocommerce_rest_order_invalid_id');
    const text = request.input.note;
    if (typeof text !== 'string' || text === '')
      throw new WcError(400, 'rest_missing_callback_param', 'Missing parameter(s): note', {
        params: ['note'],
      });
    const byUser = bool(request.input.added_by_user);
    const note = addNote(ctx, order.id, text, bool(request.input.customer_note), byUser ? 'admin' : 'system');
    return created(
      noteResponse(ctx, order.id, note),
      restUrl(ctx, `/wc/v3/orders/${order.id}/notes/${note.id}`),
    );
  });
  router.add('GET', '/wc/v3/orders/(?<orderId>\\d+)/notes/(?<id>\\d+)', 'view', (ctx, request) => {
    const order = orderFor(ctx, request, 'woocommerce_rest_order_invalid_id');
    const note = ctx.state.notesOf(order.id).find((n) => n.id === Number(request.params.id));
    if (!note) throw new WcError(404, 'woocommerce_rest_invalid_id', 'Invalid resource ID.');
    return ok(noteResponse(ctx, order.id, note));
  });
  router.add('DELETE', '/wc/v3/orders/(?<orderId>\\d+)/notes/(?<id>\\d+)', 'delete', (ctx, request) => {
    const order = orderFor(ctx, request, 'woocommerce_rest_order_invalid_id');
    const notes = ctx.state.notesOf(order.id);
    const index = notes.findIndex((n) => n.id === Number(request.params.id));
    if (index < 0) throw new WcError(404, 'woocommerce_rest_invalid_id', 'Invalid resource ID.');
    if (!bool(request.input.force))
      throw new WcError(501, 'woocommerce_rest_trash_not_supported', 'Webhooks do not support trashing.');
    const [note] = notes.splice(index, 1);
    return ok(noteResponse(ctx, order.id, note as NonNullable<typeof note>));
  });

  router.add('GET', '/wc/v3/orders/(?<orderId>\\d+)/refunds', 'list', (ctx, request) => {
    const order = orderFor(ctx, request, 'woocommerce_rest_invalid_order_id');
    const params = collectionParams(request.input, ['date', 'id', 'include', 'title', 'slug', 'modified']);
    const refunds = ctx.state.refundsOf(order.id);
    sortBy(refunds, (r) => (params.orderby === 'id' ? r.id : r.date_created_gmt), params.order);
    return paginate(
      refunds,
      params,
      { baseUrl: restUrl(ctx, `/wc/v3/orders/${order.id}/refunds`), rawQuery: request.rawQuery },
      (r) => refundResponse(ctx, order.id, r),
    );
  });
  router.add('POST', '/wc/v3/orders/(?<orderId>\\d+)/refunds', 'create', (ctx, request) => {
    const order = orderFor(ctx, request, 'woocommerce_rest_invalid_order_id');
    const input = request.input;
    const refund = createRefundFor(ctx, order, input, {
      apiRefund: input.api_refund === undefined ? true : bool(input.api_refund),
      apiRestock: input.api_restock === undefined ? true : bool(input.api_restock),
    });
    return created(
      refundResponse(ctx, order.id, refund),
      restUrl(ctx, `/wc/v3/orders/${order.id}/refunds/${refund.id}`),
    );
  });
  router.add('GET', '/wc/v3/orders/(?<orderId>\\d+)/refunds/(?<id>\\d+)', 'view', (ctx, request) => {
    const order = orderFor(ctx, request, 'woocommerce_rest_invalid_order_id');
    const refund = ctx.state.refunds.get(Number(request.params.id));
    if (!refund || ctx.state.refundOrder.get(refund.id) !== order.id)
      throw new WcError(404, 'woocommerce_rest_shop_order_refund_invalid_id', 'Invalid ID.');
    return ok(refundResponse(ctx, order.id, refund));
  });
  router.add('DELETE', '/wc/v3/orders/(?<orderId>\\d+)/refunds/(?<id>\\d+)', 'delete', (ctx, request) => {
    const order = orderFor(ctx, request, 'woocommerce_rest_invalid_order_id');
    const refund = ctx.state.refunds.get(Number(request.params.id));
    if (!refund || ctx.state.refundOrder.get(refund.id) !== order.id)
      throw new WcError(404, 'woocommerce_rest_shop_order_refund_invalid_id', 'Invalid ID.');
    if (request.input.force !== undefined && !bool(request.input.force))
      throw new WcError(501, 'woocommerce_rest_trash_not_supported', 'Refunds do not support trashing.');
    const response = refundResponse(ctx, order.id, refund);
    deleteRefund(ctx, order, refund);
    return ok(response);
  });
}
