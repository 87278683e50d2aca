/** Customers (WordPress users with the `customer` role): create/update rules and the REST shape. */
import { emptyAddress } from './address.js';
import type { StoreContext } from './context.js';
import { link, restUrl } from './context.js';
import { WcError } from './errors.js';
import { applyMeta } from './meta.js';
import { touch } from './products.js';
import type { WcCustomer } from './types.js';

type Body = Record<string, unknown>;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function findByEmail(ctx: StoreContext, email: string): WcCustomer | undefined {
  for (const c of ctx.state.customers.values()) if (c.email.toLowerCase() === email.toLowerCase()) return c;
  return undefined;
}

export function applyCustomerInput(ctx: StoreContext, customer: WcCustomer, body: Body): void {
  if (body.email !== undefined) {
    const email = String(body.email).trim();
    if (!EMAIL.test(email))
      throw new WcError(400, 'registration-error-invalid-email', 'Please provide a valid email address.');
    const other = findByEmail(ctx, email);
    if (other && other.id !== customer.id)
      throw new WcError(
        400,
        'registration-error-email-exists',
        'An account is already registered with your email address. <a href="#" class="showlogin">Please log in.</a>',
      );
    customer.email = email;
  }
  for (const key of ['first_name', 'last_name'] as const)
    if (body[key] !== undefined) customer[key] = String(body[key]);
  if (body.username !== undefined) customer.username = String(body.username);
  for (const key of ['billing', 'shipping'] as const) {
    const value = body[key];
    if (value && typeof value === 'object') {
      const target = customer[key] as unknown as Record<string, string>;
      for (const [field, text] of Object.entries(value as Body))
        target[field] = text === null ? '' : String(text);
    }
  }
  if (Array.isArray(body.meta_data)) applyMeta(ctx, customer.meta_data, body.meta_data as Body[]);
}

export function createCustomer(ctx: StoreContext, body: Body): WcCustomer {
  if (body.id !== undefined && Number(body.id) !== 0)
    throw new WcError(400, 'woocommerce_rest_customer_exists', 'Cannot create existing resource.');
  if (body.email === undefined)
    throw new WcError(400, 'rest_missing_callback_param', 'Missing parameter(s): email', {
      params: ['email'],
    });
  const now = ctx.now();
  const customer: WcCustomer = {
    id: ctx.state.next('user'),
    date_created: now.local,
    date_created_gmt: now.gmt,
    date_modified: now.local,
    date_modified_gmt: now.gmt,
    email: '',
    first_name: '',
    last_name: '',
    role: 'customer',
    username: '',
    billing: emptyAddress(true),
    shipping: emptyAddress(false),
    is_paying_customer: false,
    avatar_url: 'https://secure.gravatar.com/avatar/?s=96&d=mm&r=g',
    meta_data: [],
  };
  applyCustomerInput(ctx, customer, body);
  if (customer.username === '') customer.username = customer.email.split('@')[0] ?? customer.email;
  ctx.state.customers.set(customer.id, customer);
  ctx.emit('customer', 'created', customer.id);
  return customer;
}

export function updateCustomer(ctx: StoreContext, customer: WcCustomer, body: Body): WcCustomer {
  applyCustomerInput(ctx, customer, body);
  touch(ctx, customer);
  ctx.emit('customer', 'updated', customer.id);
  return customer;
}

export function customerResponse(ctx: StoreContext, customer: WcCustomer): Record<string, unknown> {
  return {
    ...customer,
    _links: {
      self: link(restUrl(ctx, `/wc/v3/customers/${customer.id}`)),
      collection: link(restUrl(ctx, '/wc/v3/customers')),
    },
  };
}
