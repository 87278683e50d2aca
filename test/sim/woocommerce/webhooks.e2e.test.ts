import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWooEmulator, type WooEmulator } from '../../../sim/woocommerce/index.js';
import { call, obj, startReceiver, type Receiver } from './helpers.js';

const SECRET = 'whsec/with&special<chars>';
let receiver: Receiver;
let woo: WooEmulator;

beforeAll(async () => {
  receiver = await startReceiver();
  woo = await startWooEmulator({
    storeId: 'eu',
    webhookSecret: SECRET,
    webhookUrl: receiver.url,
    currency: 'EUR',
  });
});
afterAll(async () => {
  await woo.close();
  await receiver.close();
});
afterEach(() => {
  woo.faults.set({ webhookDelayMs: 0, duplicateWebhookRate: 0, dropWebhookRate: 0, reorderWebhooks: false });
  receiver.respondWith(200);
});

const topicOf = (r: { headers: Record<string, unknown> }): string => String(r.headers['x-wc-webhook-topic']);
const idOf = (r: { body: string }): number => (JSON.parse(r.body) as { id: number }).id;

describe('webhook deliveries', () => {
  it('are PHP-encoded, signed over the exact bytes and carry the X-WC-Webhook-* headers', async () => {
    receiver.received.length = 0;
    const product = woo.createProduct({ name: 'Café / Crème', sku: 'CAFE', regular_price: '3.50' });
    await woo.flushWebhooks();
    const delivery = receiver.received.find(
      (r) => topicOf(r) === 'product.created' && idOf(r) === product.id,
    );
    expect(delivery).toBeDefined();
    const { headers, body } = delivery as NonNullable<typeof delivery>;
    expect(body).toContain('"name":"Caf\\u00e9 \\/ Cr\\u00e8me"');
    expect(body).toContain(
      `"href":"${woo.url.replace(/\//g, '\\/')}\\/wp-json\\/wc\\/v3\\/products\\/${product.id}"`,
    );
    expect(headers['x-wc-webhook-signature']).toBe(
      createHmac('sha256', SECRET).update(body, 'utf8').digest('base64'),
    );
    expect(headers['x-wc-webhook-source']).toBe(`${woo.url}/`);
    expect(headers['x-wc-webhook-resource']).toBe('product');
    expect(headers['x-wc-webhook-event']).toBe('created');
    expect(headers['x-wc-webhook-delivery-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(headers['x-wc-webhook-id'])).toBeGreaterThan(0);
    expect(headers['user-agent']).toMatch(/^WooCommerce\/9\.\d+\.\d+ Hookshot \(WordPress\/6\.\d+\.\d+\)$/);
    expect(headers['content-type']).toBe('application/json');
  });

  it('coalesce events pending for the same webhook and resource, and carry the state at delivery time', async () => {
    woo.createProduct({
      name: 'Tee',
      sku: 'TEE',
      regular_price: '20.00',
      manage_stock: true,
      stock_quantity: 10,
    });
    await woo.flushWebhooks();
    receiver.received.length = 0;
    woo.faults.set({ webhookDelayMs: 50 });
    const order = woo.createOrder({ lineItems: [{ sku: 'TEE', quantity: 1 }] });
    woo.updateOrder(order.id, { customer_note: 'gift' });
    woo.updateOrder(order.id, { status: 'completed' });
    await woo.flushWebhooks();
    const forOrder = receiver.received.filter((r) => topicOf(r).startsWith('order.') && idOf(r) === order.id);
    expect(forOrder.map(topicOf).sort()).toEqual(['order.created', 'order.updated']);
    for (const delivery of forOrder)
      expect((JSON.parse(delivery.body) as { status: string }).status).toBe('completed');
  });

  it('refunds arrive as order.updated, trash as order.deleted with only the id', async () => {
    const order = woo.createOrder({ lineItems: [{ sku: 'TEE', quantity: 2 }] });
    await woo.flushWebhooks();
    receiver.received.length = 0;
    woo.createRefund(order.id, { amount: '5.00', reason: 'scratch' });
    await woo.flushWebhooks();
    expect(receiver.received.filter((r) => idOf(r) === order.id).map(topicOf)).toEqual(['order.updated']);
    receiver.received.length = 0;
    await call(`${woo.url}/wp-json/wc/v3/orders/${order.id}`, { method: 'DELETE' });
    await woo.flushWebhooks();
    const deleted = receiver.received.find((r) => topicOf(r) === 'order.deleted');
    expect(deleted?.body).toBe(`{"id":${order.id}}`);
  });

  it('variation stock changes fire product.updated with the variation in the products shape', async () => {
    const parent = woo.createProduct({ name: 'Hoodie', type: 'variable' });
    const variation = woo.createVariation(parent.id, {
      sku: 'HOOD-L',
      regular_price: '40.00',
      manage_stock: true,
      stock_quantity: 4,
      attributes: [{ id: 0, name: 'Size', option: 'L' }],
    });
    await woo.flushWebhooks();
    receiver.received.length = 0;
    woo.setStock('HOOD-L', 1);
    await woo.flushWebhooks();
    const update = receiver.received.find(
      (r) => topicOf(r) === 'product.updated' && idOf(r) === variation.id,
    );
    expect(JSON.parse(update?.body ?? '{}')).toMatchObject({
      id: variation.id,
      type: 'variation',
      parent_id: parent.id,
      sku: 'HOOD-L',
      stock_quantity: 1,
      name: 'Hoodie - L',
    });
  });

  it('duplicate and drop knobs', async () => {
    receiver.received.length = 0;
    woo.faults.set({ duplicateWebhookRate: 1 });
    woo.setStock('TEE', 42);
    await woo.flushWebhooks();
    const updates = receiver.received.filter((r) => topicOf(r) === 'product.updated');
    expect(updates).toHaveLength(2);
    expect(updates[0]?.body).toBe(updates[1]?.body);
    expect(updates[0]?.headers['x-wc-webhook-delivery-id']).toBe(
      updates[1]?.headers['x-wc-webhook-delivery-id'],
    );
    receiver.received.length = 0;
    woo.faults.set({ duplicateWebhookRate: 0, dropWebhookRate: 1 });
    woo.setStock('TEE', 41);
    await woo.flushWebhooks();
    expect(receiver.received).toHaveLength(0);
    expect(woo.state.deliveries.at(-1)).toMatchObject({
      topic: 'product.updated',
      dropped: true,
      responseCode: null,
    });
  });
});

describe('webhook failures', () => {
  it('200–302 count as success; the 7th consecutive failure disables the webhook; nothing is retried', async () => {
    const sink = await startReceiver();
    const store = await startWooEmulator({ storeId: 'fail', webhookSecret: 's' });
    try {
      const created = await call(`${store.url}/wp-json/wc/v3/webhooks`, {
        method: 'POST',
        body: { topic: 'product.updated', delivery_url: sink.url, secret: 'abc' },
      });
      const webhookId = obj(created.json).id as number;
      const webhook = store.state.webhooks.get(webhookId);
      const product = store.createProduct({
        name: 'P',
        sku: 'P',
        regular_price: '1.00',
        manage_stock: true,
        stock_quantity: 1,
      });
      sink.respondWith(302);
      store.setStock('P', 2);
      await store.flushWebhooks();
      expect(webhook?.failure_count).toBe(0);
      sink.respondWith(500);
      for (let failure = 1; failure <= 6; failure += 1) {
        store.setStock('P', 10 + failure);
        await store.flushWebhooks();
        expect(webhook?.failure_count).toBe(failure);
        expect(webhook?.status).toBe('active');
      }
      store.setStock('P', 99);
      await store.flushWebhooks();
      expect(webhook?.status).toBe('disabled');
      const attempts = sink.received.filter(
        (r) => r.headers['x-wc-webhook-topic'] === 'product.updated',
      ).length;
      store.setStock('P', 100);
      await store.flushWebhooks();
      expect(sink.received.filter((r) => r.headers['x-wc-webhook-topic'] === 'product.updated')).toHaveLength(
        attempts,
      );
      expect(attempts).toBe(8);
      expect(product.id).toBeGreaterThan(0);
    } finally {
      await store.close();
      await sink.close();
    }
  });
});

describe('/webhooks REST', () => {
  it('pings on create with a form body, never returns the secret, validates topics, needs force to delete', async () => {
    receiver.received.length = 0;
    const created = await call(`${woo.url}/wp-json/wc/v3/webhooks`, {
      method: 'POST',
      body: { name: 'Hub', topic: 'order.created', delivery_url: receiver.url, secret: 'top-secret' },
    });
    expect(created.status).toBe(201);
    const body = obj(created.json);
    expect(body).toMatchObject({
      name: 'Hub',
      status: 'active',
      topic: 'order.created',
      resource: 'order',
      event: 'created',
      hooks: ['woocommerce_new_order'],
      delivery_url: receiver.url,
    });
    expect(body).not.toHaveProperty('secret');
    expect(created.headers.get('location')).toBe(`${woo.url}/wp-json/wc/v3/webhooks/${String(body.id)}`);
    const ping = receiver.received.find((r) => r.body === `webhook_id=${String(body.id)}`);
    expect(ping?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(ping?.headers['x-wc-webhook-signature']).toBeUndefined();
    expect(woo.state.webhooks.get(body.id as number)?.pending_delivery).toBe(false);

    const badTopic = await call(`${woo.url}/wp-json/wc/v3/webhooks`, {
      method: 'POST',
      body: { topic: 'order.shipped', delivery_url: receiver.url },
    });
    expect(badTopic.status).toBe(400);
    expect(obj(badTopic.json).code).toBe('woocommerce_rest_webhook_invalid_topic');
    const noForce = await call(`${woo.url}/wp-json/wc/v3/webhooks/${String(body.id)}`, { method: 'DELETE' });
    expect(noForce.status).toBe(501);
    expect(obj(noForce.json).code).toBe('woocommerce_rest_trash_not_supported');
    expect(
      (await call(`${woo.url}/wp-json/wc/v3/webhooks/${String(body.id)}?force=true`, { method: 'DELETE' }))
        .status,
    ).toBe(200);
  });

  it('a ping answered with anything but 200 leaves the webhook pending', async () => {
    receiver.respondWith(204);
    const created = await call(`${woo.url}/wp-json/wc/v3/webhooks`, {
      method: 'POST',
      body: { topic: 'order.updated', delivery_url: receiver.url },
    });
    expect(created.status).toBe(201);
    expect(woo.state.webhooks.get(obj(created.json).id as number)?.pending_delivery).toBe(true);
    expect(woo.state.webhooks.get(obj(created.json).id as number)?.secret).toHaveLength(50);
    await call(`${woo.url}/wp-json/wc/v3/webhooks/${String(obj(created.json).id)}?force=true`, {
      method: 'DELETE',
    });
  });
});
