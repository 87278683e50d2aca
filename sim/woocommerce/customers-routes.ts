/** `/wc/v3/customers` and `/customers/batch`. */
import { restUrl } from './context.js';
import type { StoreContext } from './context.js';
import { runBatch } from './batch.js';
import { WcError } from './errors.js';
import { commonFilter } from './filters.js';
import { createCustomer, customerResponse, updateCustomer } from './customers.js';
import { paginate, sortBy } from './pagination.js';
import { bool, collectionParams } from './params.js';
import type { Router } from './router.js';
import { created, ok } from './router.js';
import type { WcCustomer } from './types.js';

function customerOrThrow(ctx: StoreContext, id: number, method: string): WcCustomer {
  const customer = ctx.state.customers.get(id);
  if (!customer)
    throw new WcError(
      method === 'GET' || method === 'DELETE' ? 404 : 400,
      'woocommerce_rest_invalid_id',
      'Invalid resource ID.',
    );
  return customer;
}

function deleteCustomer(ctx: StoreContext, id: number, force: boolean): Record<string, unknown> {
  const customer = customerOrThrow(ctx, id, 'DELETE');
  if (!force)
    throw new WcError(501, 'woocommerce_rest_trash_not_supported', 'Customers do not support trashing.');
  const response = customerResponse(ctx, customer);
  ctx.state.customers.delete(id);
  if (customer.role === 'customer') ctx.emit('customer', 'deleted', id);
  return response;
}

export function registerCustomerRoutes(router: Router): void {
  router.add('GET', '/wc/v3/customers', 'list', (ctx, request) => {
    const input = request.input;
    const params = collectionParams(input, ['id', 'include', 'name', 'registered_date'], {
      orderby: 'name',
      order: 'asc',
    });
    const email = typeof input.email === 'string' ? input.email.toLowerCase() : '';
    const role = typeof input.role === 'string' ? input.role : 'customer';
    const search = typeof input.search === 'string' ? input.search.toLowerCase() : '';
    const common = commonFilter<WcCustomer>({ include: input.include, exclude: input.exclude });
    const items = [...ctx.state.customers.values()].filter(
      (c) =>
        common(c) &&
        (!email || c.email.toLowerCase() === email) &&
        (role === 'all' || c.role === role) &&
        (!search || `${c.email} ${c.first_name} ${c.last_name} ${c.username}`.toLowerCase().includes(search)),
    );
    const key =
      params.orderby === 'name'
        ? (c: WcCustomer) => c.username
        : params.orderby === 'registered_date'
          ? (c: WcCustomer) => c.date_created_gmt
          : (c: WcCustomer) => c.id;
    sortBy(items, key, params.order);
    return paginate(
      items,
      params,
      { baseUrl: restUrl(ctx, '/wc/v3/customers'), rawQuery: request.rawQuery },
      (c) => customerResponse(ctx, c),
    );
  });
  router.add('POST', '/wc/v3/customers', 'create', (ctx, request) => {
    const customer = createCustomer(ctx, request.input);
    return created(customerResponse(ctx, customer), restUrl(ctx, `/wc/v3/customers/${customer.id}`));
  });
  router.add(['POST', 'PUT', 'PATCH'], '/wc/v3/customers/batch', 'batch', (ctx, request) =>
    runBatch(ctx, request, {
      create: (c, body) => customerResponse(c, createCustomer(c, body)),
      update: (c, id, body) => customerResponse(c, updateCustomer(c, customerOrThrow(c, id, 'PUT'), body)),
      delete: (c, id) => deleteCustomer(c, id, true),
    }),
  );
  router.add('GET', '/wc/v3/customers/(?<id>\\d+)', 'view', (ctx, request) =>
    ok(customerResponse(ctx, customerOrThrow(ctx, Number(request.params.id), 'GET'))),
  );
  router.add(['POST', 'PUT', 'PATCH'], '/wc/v3/customers/(?<id>\\d+)', 'edit', (ctx, request) =>
    ok(
      customerResponse(
        ctx,
        updateCustomer(ctx, customerOrThrow(ctx, Number(request.params.id), request.method), request.input),
      ),
    ),
  );
  router.add('DELETE', '/wc/v3/customers/(?<id>\\d+)', 'delete', (ctx, request) =>
    ok(deleteCustomer(ctx, Number(request.params.id), bool(request.input.force))),
  );
}
