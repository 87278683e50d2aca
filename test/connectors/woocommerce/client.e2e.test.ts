import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWooEmulator, type WooEmulator } from '../../../sim/woocommerce/index.js';
import { WooClient } from '../../../src/connectors/woocommerce/client.js';
import { syncWebhooks, HUB_TOPICS } from '../../../src/connectors/woocommerce/sync/webhook-sync.js';
import { createEndpointPolicy } from '../../../src/runtime/policy/create-endpoint-policy.js';
import { PermanentError, TransientError } from '../../../src/runtime/errors.js';
import { silentLogger } from '../../../src/ops/logger.js';

const KEY = `ck_${'a'.repeat(40)}`;
const SECRET = `cs_${'b'.repeat(40)}`;
let woo: WooEmulator;
let client: WooClient;

beforeAll(async () => {
  woo = await startWooEmulator({
    storeId: 'eu',
    webhookSecret: 'whsec',
    consumerKey: KEY,
    consumerSecret: SECRET,
    currency: 'EUR',
  });
  client = new WooClient({
    store: { id: 'eu', url: woo.url, consumerKey: KEY, consumerSecret: SECRET },
    policy: createEndpointPolicy('woocommerce:eu', { ratePerSecond: 1000, burst: 1000 }),
    log: silentLogger(),
  });
  for (let i = 1; i <= 230; i += 1)
    woo.createProduct({
      name: `Tee ${i}`,
      sku: `TEE-${i}`,
      regular_price: '20.00',
      manage_stock: true,
      stock_quantity: 5,
    });
});
afterAll(async () => {
  await woo.close();
});

describe('WooClient against the emulator over HTTP (OAuth 1.0a on plain HTTP)', () => {
  it('lists across pages following X-WP-TotalPages', async () => {
    woo.requests.reset();
    const pages: number[] = [];
    const skus: string[] = [];
    for await (const page of client.list<{ sku: string }>('products', { orderby: 'id', order: 'asc' })) {
      pages.push(page.page);
      skus.push(...page.items.map((p) => p.sku));
      expect(page.totalPages).toBe(3);
      expect(page.total).toBe(230);
    }
    expect(pages).toEqual([1, 2, 3]);
    expect(new Set(skus).size).toBe(230);
    expect(woo.requests.count()).toBe(3);
  });

  it('refuses a wrong secret as a permanent auth failure', async () => {
    const bad = new WooClient({
      store: { id: 'eu', url: woo.url, consumerKey: KEY, consumerSecret: `cs_${'c'.repeat(40)}` },
      log: silentLogger(),
    });
    const error = await bad.get('products').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as PermanentError).code).toBe('auth_failed');
  });

  it('batch: chunks to ≤ 100 per request and reports per-item failures', async () => {
    const ids = [...woo.state.products.keys()].slice(0, 149);
    woo.requests.reset();
    const result = await client.batch<{ id: number; stock_quantity: number }>('products', {
      update: [
        ...ids.map((id) => ({ id, stock_quantity: 7, manage_stock: true })),
        { id: 999_999, stock_quantity: 1, manage_stock: true },
      ],
    });
    expect(woo.requests.count({ pathPrefix: '/wc/v3/products/batch' })).toBe(2);
    expect(result.update).toHaveLength(150);
    expect(result.update.filter((r) => r.ok)).toHaveLength(149);
    const failed = result.update.find((r) => !r.ok);
    expect(failed).toMatchObject({
      ok: false,
      id: 999_999,
      error: { code: 'woocommerce_rest_product_invalid_id' },
    });
    const first = result.update[0];
    expect(first?.ok && first.item.stock_quantity).toBe(7);
  });

  it('a 429 with Retry-After becomes a TransientError with retryAfterMs', async () => {
    woo.faults.set({ burst429: 1, retryAfterSeconds: 3 });
    const error = await client.get('products/1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 3000, system: 'woocommerce:eu' });
    woo.faults.set({ burst429: 0 });
  });

  it('a slow store times out as a TransientError', async () => {
    woo.faults.set({ latencyMs: 400 });
    const slow = new WooClient({
      store: { id: 'eu', url: woo.url, consumerKey: KEY, consumerSecret: SECRET },
      log: silentLogger(),
      timeoutMs: 100,
    });
    const error = await slow.get('products/1').catch((e: unknown) => e);
    woo.faults.set({ latencyMs: 0 });
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).code).toBe('timeout');
  });

  it('5xx open the circuit: further calls fail fast without reaching the store', async () => {
    const policy = createEndpointPolicy('woocommerce:eu-breaker', {
      failureThreshold: 2,
      halfOpenAfterMs: 60_000,
    });
    const guarded = new WooClient({
      store: { id: 'eu', url: woo.url, consumerKey: KEY, consumerSecret: SECRET },
      policy,
      log: silentLogger(),
    });
    woo.faults.set({ rate5xx: 1 });
    for (let i = 0; i < 2; i += 1)
      await expect(guarded.get('products/1')).rejects.toBeInstanceOf(TransientError);
    woo.requests.reset();
    const error = await guarded.get('products/1').catch((e: unknown) => e);
    woo.faults.set({ rate5xx: 0 });
    expect(error).toMatchObject({ code: 'circuit_open' });
    expect(woo.requests.count()).toBe(0);
    expect(policy.state().circuit).toBe('open');
  });

  it("404 on an unknown order is permanent with WooCommerce's code", async () => {
    const error = await client.get('orders/424242').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as PermanentError).code).toBe('woocommerce_rest_shop_order_invalid_id');
  });

  it('order notes and refunds', async () => {
    const order = woo.createOrder({ lineItems: [{ sku: 'TEE-1', quantity: 2 }] });
    const note = await client.createOrderNote(order.id, {
      note: 'Shipped with DHL 123',
      customer_note: true,
    });
    expect(note).toMatchObject({ note: 'Shipped with DHL 123', customer_note: true });
    expect((await client.listOrderNotes(order.id)).some((n) => n.id === note.id)).toBe(true);
    const refund = await client.createRefund<{ id: number; amount: string }>(order.id, {
      amount: '5.00',
      reason: 'scratch',
    });
    expect(refund.amount).toBe('5.00');
    expect((await client.listRefunds<{ id: number }>(order.id)).map((r) => r.id)).toContain(refund.id);
  });

  it('webhooks sync: creates missing, re-activates disabled, deletes duplicates, then is a no-op', async () => {
    const publicUrl = 'http://127.0.0.1:1';
    const url = `${publicUrl}/webhooks/woocommerce/eu`;
    const disabled = await client.createWebhook({
      name: 'old',
      topic: 'order.updated',
      delivery_url: url,
      secret: 'x',
      status: 'active',
    });
    await client.updateWebhook(disabled.id, { status: 'disabled' });
    const dup1 = await client.createWebhook({
      name: 'dup',
      topic: 'order.created',
      delivery_url: url,
      secret: 'x',
      status: 'active',
    });
    const dup2 = await client.createWebhook({
      name: 'dup',
      topic: 'order.created',
      delivery_url: url,
      secret: 'x',
      status: 'paused',
    });
    const changes = await syncWebhooks({ storeId: 'eu', client, publicUrl, secret: 'whsec' });
    expect(changes.find((c) => c.topic === 'order.updated')).toMatchObject({
      action: 'reactivated',
      webhookId: disabled.id,
      previousStatus: 'disabled',
    });
    expect(changes.filter((c) => c.topic === 'order.created').map((c) => [c.action, c.webhookId])).toEqual([
      ['unchanged', dup1.id],
      ['deleted-duplicate', dup2.id],
    ]);
    expect(changes.filter((c) => c.action === 'created')).toHaveLength(HUB_TOPICS.length - 2);
    const hooks = (await client.listWebhooks()).filter((w) => w.delivery_url === url);
    expect(hooks).toHaveLength(HUB_TOPICS.length);
    expect(hooks.every((w) => w.status === 'active')).toBe(true);
    const again = await syncWebhooks({ storeId: 'eu', client, publicUrl, secret: 'whsec' });
    expect(again.every((c) => c.action === 'unchanged')).toBe(true);
  });
});
