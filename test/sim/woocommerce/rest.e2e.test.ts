import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWooEmulator, type WooEmulator } from '../../../sim/woocommerce/index.js';
import { arr, call, obj } from './helpers.js';

let woo: WooEmulator;
let api: string;

beforeAll(async () => {
  woo = await startWooEmulator({
    storeId: 'eu',
    webhookSecret: 'whsec',
    currency: 'EUR',
    tax: { rate: '20' },
  });
  api = `${woo.url}/wp-json/wc/v3`;
  for (let i = 1; i <= 25; i += 1)
    woo.createProduct({
      name: `Tee ${i}`,
      sku: `TEE-${i}`,
      regular_price: '10.00',
      manage_stock: true,
      stock_quantity: 50,
    });
});
afterAll(async () => {
  await woo.close();
});

describe('collections', () => {
  it('paginates with X-WP-Total, X-WP-TotalPages and a Link header holding only prev/next', async () => {
    const middle = await call(`${api}/products?per_page=10&page=2&orderby=id&order=asc`);
    expect(middle.status).toBe(200);
    expect(middle.headers.get('x-wp-total')).toBe('25');
    expect(middle.headers.get('x-wp-totalpages')).toBe('3');
    const link = middle.headers.get('link') ?? '';
    expect(link).toContain(`<${api}/products?per_page=10&page=1&orderby=id&order=asc>; rel="prev"`);
    expect(link).toContain(`<${api}/products?per_page=10&page=3&orderby=id&order=asc>; rel="next"`);
    expect(link).not.toMatch(/rel="(first|last)"/);
    expect(arr(middle.json).map((p) => p.sku)).toEqual(Array.from({ length: 10 }, (_, i) => `TEE-${i + 11}`));

    const last = await call(`${api}/products?per_page=10&page=3`);
    expect(last.headers.get('link')).toMatch(/rel="prev"$/);
    const past = await call(`${api}/products?per_page=10&page=9`);
    expect(past.json).toEqual([]);
    expect(past.headers.get('x-wp-total')).toBe('25');
  });

  it('refuses per_page=101 with rest_invalid_param', async () => {
    const result = await call(`${api}/orders?per_page=101`);
    expect(result.status).toBe(400);
    expect(obj(result.json).code).toBe('rest_invalid_param');
    expect(obj(obj(obj(result.json).data).params).per_page).toBe(
      'per_page must be between 1 (inclusive) and 100 (inclusive)',
    );
  });

  it('serves the ?rest_route= form too', async () => {
    const result = await call(`${woo.url}/?rest_route=/wc/v3/products&per_page=1`);
    expect(result.status).toBe(200);
    expect(arr(result.json)).toHaveLength(1);
  });

  it('answers an unknown route with rest_no_route', async () => {
    const result = await call(`${api}/nothing-here`);
    expect(result.status).toBe(404);
    expect(result.json).toEqual({
      code: 'rest_no_route',
      message: 'No route was found matching the URL and request method.',
      data: { status: 404 },
    });
  });
});

describe('products', () => {
  it('creates with 201 and Location, and the sku filter finds variations', async () => {
    const parent = await call(`${api}/products`, {
      method: 'POST',
      body: { name: 'Hoodie', type: 'variable' },
    });
    expect(parent.status).toBe(201);
    const parentId = obj(parent.json).id as number;
    expect(parent.headers.get('location')).toBe(`${api}/products/${parentId}`);
    expect(obj(parent.json).price).toBe('');
    const variation = await call(`${api}/products/${parentId}/variations`, {
      method: 'POST',
      body: {
        sku: 'HOOD-M',
        regular_price: '40.00',
        sale_price: '35.00',
        manage_stock: true,
        stock_quantity: 3,
        attributes: [{ id: 0, name: 'Size', option: 'M' }],
      },
    });
    expect(variation.status).toBe(201);
    expect(obj(variation.json).price).toBe('35.00');
    expect(obj(variation.json).on_sale).toBe(true);
    const found = arr((await call(`${api}/products?sku=HOOD-M`)).json);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      sku: 'HOOD-M',
      type: 'variation',
      parent_id: parentId,
      stock_quantity: 3,
    });
    expect(obj((await call(`${api}/products/${parentId}`)).json).variations).toEqual([
      obj(variation.json).id,
    ]);
  });

  it('batch: 101 items → 413, partial failures inline with HTTP 200', async () => {
    const tooMany = await call(`${api}/products/batch`, {
      method: 'POST',
      body: { update: Array.from({ length: 101 }, (_, i) => ({ id: i + 1 })) },
    });
    expect(tooMany.status).toBe(413);
    expect(obj(tooMany.json).code).toBe('woocommerce_rest_request_entity_too_large');
    expect(obj(tooMany.json).message).toBe('Unable to accept more than 100 items for this request.');

    const existing = arr((await call(`${api}/products?sku=TEE-1`)).json)[0] as { id: number };
    const mixed = await call(`${api}/products/batch`, {
      method: 'POST',
      body: {
        create: [
          { name: 'Dup', sku: 'TEE-2' },
          { name: 'New', sku: 'NEW-1' },
        ],
        update: [
          { id: existing.id, stock_quantity: 7 },
          { id: 999999, stock_quantity: 1 },
        ],
        delete: [999998],
      },
    });
    expect(mixed.status).toBe(200);
    const body = obj(mixed.json);
    const created = arr(body.create);
    expect(created[0]).toMatchObject({
      id: 0,
      error: { code: 'product_invalid_sku', data: { status: 400 } },
    });
    expect(created[1]).toMatchObject({ sku: 'NEW-1' });
    const updated = arr(body.update);
    expect(updated[0]).toMatchObject({ id: existing.id, stock_quantity: 7 });
    expect(updated[1]).toMatchObject({
      id: 999999,
      error: { code: 'woocommerce_rest_product_invalid_id', data: { status: 400 } },
    });
    expect(arr(body.delete)[0]).toMatchObject({
      id: 999998,
      error: { code: 'woocommerce_rest_product_invalid_id', data: { status: 404 } },
    });
  });
});

describe('orders', () => {
  it('filters by status (comma list or array) and by modified_after with dates_are_gmt', async () => {
    const a = woo.createOrder({ lineItems: [{ sku: 'TEE-3', quantity: 1 }], paymentMethod: 'bacs' });
    const b = woo.createOrder({ lineItems: [{ sku: 'TEE-3', quantity: 1 }] });
    expect(a.status).toBe('on-hold');
    expect(b.status).toBe('processing');
    const both = arr((await call(`${api}/orders?status=on-hold,processing&per_page=100`)).json).map(
      (o) => o.id,
    );
    expect(both).toEqual(expect.arrayContaining([a.id, b.id]));
    const onlyHeld = arr((await call(`${api}/orders?status[]=on-hold`)).json).map((o) => o.id);
    expect(onlyHeld).toContain(a.id);
    expect(onlyHeld).not.toContain(b.id);
    const bad = await call(`${api}/orders?status=shipped`);
    expect(bad.status).toBe(400);
    const future = arr(
      (await call(`${api}/orders?modified_after=2999-01-01T00:00:00&dates_are_gmt=true`)).json,
    );
    expect(future).toEqual([]);
    const past = arr(
      (await call(`${api}/orders?modified_after=2000-01-01T00:00:00Z&dates_are_gmt=true&per_page=100`)).json,
    );
    expect(past.map((o) => o.id)).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('computes consistent totals and money as decimal strings', async () => {
    const order = obj(
      (
        await call(`${api}/orders`, {
          method: 'POST',
          body: {
            line_items: [{ sku: 'TEE-4', quantity: 3 }],
            shipping_lines: [{ method_id: 'flat_rate', method_title: 'Flat', total: '5.00' }],
            set_paid: true,
          },
        })
      ).json,
    );
    expect(order).toMatchObject({
      status: 'processing',
      total: '42.00',
      total_tax: '7.00',
      cart_tax: '6.00',
      shipping_tax: '1.00',
      created_via: 'rest-api',
    });
    const line = arr(order.line_items)[0] as Record<string, unknown>;
    expect(line).toMatchObject({
      subtotal: '30.00',
      total: '30.00',
      total_tax: '6.00',
      price: 10,
      taxes: [{ id: 1, total: '6', subtotal: '6' }],
    });
    expect(order.date_paid).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(order.date_paid_gmt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('trashes on DELETE, 410 on a second DELETE, removes with force, 400 on PUT of an unknown id', async () => {
    const order = woo.createOrder({ lineItems: [{ sku: 'TEE-5', quantity: 1 }] });
    const trashed = await call(`${api}/orders/${order.id}`, { method: 'DELETE' });
    expect(trashed.status).toBe(200);
    expect(obj(trashed.json).status).toBe('trash');
    const again = await call(`${api}/orders/${order.id}`, { method: 'DELETE' });
    expect(again.status).toBe(410);
    expect(obj(again.json).code).toBe('woocommerce_rest_already_trashed');
    expect((await call(`${api}/orders/${order.id}?force=true`, { method: 'DELETE' })).status).toBe(200);
    const gone = await call(`${api}/orders/${order.id}`);
    expect(gone.status).toBe(404);
    expect(obj(gone.json).code).toBe('woocommerce_rest_shop_order_invalid_id');
    const put = await call(`${api}/orders/${order.id}`, { method: 'PUT', body: { status: 'completed' } });
    expect(put.status).toBe(400);
  });

  it('order notes: system notes on status changes, customer notes flagged', async () => {
    const order = woo.createOrder({ lineItems: [{ sku: 'TEE-6', quantity: 2 }] });
    const created = await call(`${api}/orders/${order.id}/notes`, {
      method: 'POST',
      body: { note: 'Shipped with DHL 123', customer_note: true },
    });
    expect(created.status).toBe(201);
    const notes = arr((await call(`${api}/orders/${order.id}/notes`)).json);
    expect(notes[0]).toMatchObject({ note: 'Shipped with DHL 123', customer_note: true });
    expect(
      notes.some((n) => String(n.note).startsWith('Stock levels reduced: Tee 6 (TEE-6) 50&rarr;48')),
    ).toBe(true);
    expect(arr((await call(`${api}/orders/${order.id}/notes?type=customer`)).json)).toHaveLength(1);
    const missing = await call(`${api}/orders/424242/notes`);
    expect(obj(missing.json).code).toBe('woocommerce_rest_order_invalid_id');
  });
});

describe('_fields', () => {
  it('trims responses to the requested fields, keeping id', async () => {
    const result = await call(`${api}/products?per_page=2&_fields=sku,stock_quantity`);
    for (const item of arr(result.json))
      expect(Object.keys(item).sort()).toEqual(['id', 'sku', 'stock_quantity']);
  });
});

describe('customers', () => {
  it('creates, filters by email, refuses a duplicate email and needs force to delete', async () => {
    const created = await call(`${api}/customers`, {
      method: 'POST',
      body: { email: 'ana@example.com', first_name: 'Ana', billing: { city: 'Lisboa' } },
    });
    expect(created.status).toBe(201);
    const id = obj(created.json).id as number;
    expect(obj(created.json)).toMatchObject({
      email: 'ana@example.com',
      role: 'customer',
      username: 'ana',
      billing: { city: 'Lisboa' },
    });
    const found = arr((await call(`${api}/customers?email=ana@example.com`)).json);
    expect(found.map((c) => c.id)).toEqual([id]);
    const duplicate = await call(`${api}/customers`, { method: 'POST', body: { email: 'ANA@example.com' } });
    expect(duplicate.status).toBe(400);
    expect(obj(duplicate.json).code).toBe('registration-error-email-exists');
    const noForce = await call(`${api}/customers/${id}`, { method: 'DELETE' });
    expect(noForce.status).toBe(501);
    const order = await call(`${api}/orders`, { method: 'POST', body: { customer_id: 987654 } });
    expect(obj(order.json).code).toBe('woocommerce_rest_invalid_customer_id');
  });
});

describe('scheduled sales', () => {
  it('a sale applies inside its window only, and checkouts use the active price', async () => {
    const hour = 3_600_000;
    const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);
    const now = Date.now();
    const live = obj(
      (
        await call(`${api}/products`, {
          method: 'POST',
          body: {
            name: 'Live',
            sku: 'SALE-NOW',
            regular_price: '50.00',
            sale_price: '40.00',
            date_on_sale_from_gmt: iso(now - hour),
            date_on_sale_to_gmt: iso(now + hour),
          },
        })
      ).json,
    );
    expect(live).toMatchObject({ price: '40.00', on_sale: true });
    const later = obj(
      (
        await call(`${api}/products`, {
          method: 'POST',
          body: {
            name: 'Later',
            sku: 'SALE-LATER',
            regular_price: '50.00',
            sale_price: '40.00',
            date_on_sale_from_gmt: iso(now + 24 * hour),
          },
        })
      ).json,
    );
    expect(later).toMatchObject({
      price: '50.00',
      on_sale: false,
      date_on_sale_from_gmt: iso(now + 24 * hour),
    });
    const order = woo.createOrder({
      lineItems: [
        { sku: 'SALE-NOW', quantity: 1 },
        { sku: 'SALE-LATER', quantity: 1 },
      ],
    });
    expect(order.line_items.map((l) => l.subtotal)).toEqual(['40.00', '50.00']);
  });
});

describe('dp', () => {
  it('formats order money with the requested decimals', async () => {
    const order = woo.createOrder({ lineItems: [{ sku: 'TEE-7', quantity: 1 }] });
    const three = obj((await call(`${api}/orders/${order.id}?dp=3`)).json);
    expect(three.total).toBe('12.000');
    expect((arr(three.line_items)[0] as Record<string, unknown>).subtotal).toBe('10.000');
    expect(obj((await call(`${api}/orders/${order.id}`)).json).total).toBe('12.00');
  });
});
