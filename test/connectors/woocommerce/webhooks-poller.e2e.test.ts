/**
 * End to end over HTTP: the WooCommerce emulator delivers signed webhooks to the hub's webhook
 * endpoint (the hub's server on 127.0.0.1:0, fast path included), which writes to the real runtime's inbox; the ingest handler
 * publishes canonical events. Faults drop, duplicate and reorder deliveries; the poller and the
 * inbox's dedupe/version rules must still yield each state once and never regress.
 */
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWooEmulator, type WooEmulator } from '../../../sim/woocommerce/index.js';
import { WooClient } from '../../../src/connectors/woocommerce/client.js';
import { createWooPoller, type PolledCollection } from '../../../src/connectors/woocommerce/poller.js';
import { backfill } from '../../../src/connectors/woocommerce/sync/backfill.js';
import { signWooPayload } from '../../../src/connectors/woocommerce/signature.js';
import { wooWebhookRoute } from '../../../src/connectors/woocommerce/webhooks.js';
import { buildServer } from '../../../src/api/server.js';
import { silentLogger } from '../../../src/ops/logger.js';
import { openHub, type Hub } from './harness.js';

const WEBHOOK_SECRET = 'wh-secret&<é>';
let hub: Hub;
let api: FastifyInstance;
let woo: WooEmulator;
let client: WooClient;
let hubUrl: string;

/**
 * Every emulator modification gets its own second (WooCommerce stamps `date_modified` per second),
 * unless the test holds the clock to make several modifications within one second.
 */
function steppingClock(): { now: () => Date; hold(held: boolean): void } {
  let t = Math.floor(Date.now() / 1000) * 1000;
  let holding = false;
  return {
    now: () => new Date(holding ? t : (t += 1000)),
    hold: (held) => {
      holding = held;
    },
  };
}
let clock: ReturnType<typeof steppingClock>;

beforeEach(async () => {
  clock = steppingClock();
  hub = await openHub({ stores: [{ id: 'eu', currency: 'EUR' }], clients: () => client });
  api = await buildServer({
    log: silentLogger(),
    plugins: [
      wooWebhookRoute({
        stores: [{ id: 'eu', webhookSecret: WEBHOOK_SECRET }],
        inbox: hub.runtime.inbox,
        log: silentLogger(),
      }),
    ],
  });
  await api.listen({ port: 0, host: '127.0.0.1' });
  hubUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  woo = await startWooEmulator({
    storeId: 'eu',
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: `${hubUrl}/webhooks/woocommerce/eu`,
    currency: 'EUR',
    clock: clock.now,
  });
  client = new WooClient({
    store: { id: 'eu', url: woo.url, consumerKey: 'ck_x', consumerSecret: 'cs_x' },
    log: silentLogger(),
  });
  woo.createProduct({
    name: 'Tee',
    sku: 'TEE',
    regular_price: '20.00',
    manage_stock: true,
    stock_quantity: 100,
  });
});
afterEach(async () => {
  await woo.close();
  await api.close();
  await hub.close();
});

const ofType = (type: string) => hub.events.filter((e) => e.type === type);
const statusesPublished = () =>
  hub.events
    .filter((e) => e.type === 'order.received' || e.type === 'order.updated')
    .map((e) => (e.data as { order: { channelStatus: string } }).order.channelStatus);

/** The store's poller feeding `into`'s inbox. */
const pollerOf = (into: Hub, collections?: PolledCollection[]) =>
  createWooPoller({
    store: { id: 'eu' },
    client,
    inbox: into.runtime.inbox,
    cursors: into.runtime.cursors,
    log: silentLogger(),
    ...(collections ? { collections } : {}),
  });

async function settle(): Promise<void> {
  await woo.flushWebhooks();
  await hub.runtime.idle();
}

describe('webhooks and poller against the emulator', () => {
  it('duplicated and reordered deliveries: each state processed once, never regressing', async () => {
    woo.faults.set({ duplicateWebhookRate: 1, reorderWebhooks: true });
    const order = woo.createOrder({ lineItems: [{ sku: 'TEE', quantity: 1 }] });
    await settle();
    woo.updateOrder(order.id, { status: 'processing' });
    woo.updateOrder(order.id, { status: 'completed' });
    await settle();
    const delivered = woo.state.deliveries.filter(
      (d) => d.topic.startsWith('order.') && d.responseCode === 202,
    );
    expect(delivered.some((d) => d.duplicate)).toBe(true);
    expect(delivered.length).toBeGreaterThan(hub.events.length);
    expect(ofType('order.received')).toHaveLength(1);
    const statuses = statusesPublished();
    // No status appears twice and the last one is the store's current state.
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(statuses.at(-1)).toBe('completed');

    // A stale state re-sent late (as WooCommerce's coalesced queue may) is acknowledged, not applied.
    const old = JSON.stringify({
      ...woo.getOrder(order.id),
      status: 'pending',
      date_modified_gmt: '2000-01-01T00:00:00',
    }).replace(/\//g, '\\/');
    const res = await api.inject({
      method: 'POST',
      url: '/webhooks/woocommerce/eu',
      headers: {
        'content-type': 'application/json',
        'x-wc-webhook-topic': 'order.updated',
        'x-wc-webhook-resource': 'order',
        'x-wc-webhook-delivery-id': 'late',
        'x-wc-webhook-signature': signWooPayload(old, WEBHOOK_SECRET),
      },
      payload: old,
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'stale' });
    await hub.runtime.idle();
    expect(statusesPublished().at(-1)).toBe('completed');
  });

  it('two states of one order within the same second: both applied in order, a re-send of the first is stale', async () => {
    const order = woo.createOrder({ lineItems: [{ sku: 'TEE', quantity: 1 }] });
    await settle();
    clock.hold(true);
    woo.updateOrder(order.id, { status: 'on-hold' });
    const first = woo.getOrder(order.id);
    // Delivered before the next change (WooCommerce builds the payload when it delivers).
    await settle();
    woo.updateOrder(order.id, { status: 'completed' });
    clock.hold(false);
    await settle();
    expect(woo.getOrder(order.id)?.date_modified_gmt).toBe(first?.date_modified_gmt);
    expect(statusesPublished().slice(1)).toEqual(['on-hold', 'completed']);

    // The first state delivered again (another delivery id), over HTTP: acknowledged, not applied.
    const body = JSON.stringify(first).replace(/\//g, '\\/');
    const res = await fetch(`${hubUrl}/webhooks/woocommerce/eu`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wc-webhook-topic': 'order.updated',
        'x-wc-webhook-resource': 'order',
        'x-wc-webhook-delivery-id': 'late-first-state',
        'x-wc-webhook-signature': signWooPayload(body, WEBHOOK_SECRET),
      },
      body,
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'stale' });
    await hub.runtime.idle();
    expect(statusesPublished().at(-1)).toBe('completed');
  });

  it('a dropped webhook is caught by the poller; a later poll adds nothing twice', async () => {
    woo.faults.set({ dropWebhookRate: 1 });
    const order = woo.createOrder({ lineItems: [{ sku: 'TEE', quantity: 2 }] });
    await settle();
    expect(hub.events).toHaveLength(0);

    const poller = pollerOf(hub);
    const [first] = await poller.pollOnce();
    expect(first).toMatchObject({ collection: 'orders', accepted: 1 });
    await hub.runtime.idle();
    expect(ofType('order.received')).toHaveLength(1);
    expect(ofType('order.received')[0]?.data).toMatchObject({
      via: 'poll',
      order: { externalId: String(order.id) },
    });
    expect(await hub.runtime.cursors.get('woocommerce:eu:orders')).toBe(
      woo.getOrder(order.id)?.date_modified_gmt,
    );

    // Webhooks back: the update arrives by webhook, and the next poll (overlap window) re-reads it as stale.
    woo.faults.set({ dropWebhookRate: 0 });
    woo.updateOrder(order.id, { status: 'completed' });
    await settle();
    const [second] = await poller.pollOnce();
    expect(second?.accepted).toBe(0);
    expect((second?.stale ?? 0) + (second?.duplicate ?? 0)).toBeGreaterThanOrEqual(1);
    await hub.runtime.idle();
    expect(ofType('order.updated')).toHaveLength(1);
    expect(ofType('order.received')).toHaveLength(1);
  });

  it('a refund made in the store becomes refund.requested with its lines', async () => {
    const order = woo.createOrder({ lineItems: [{ sku: 'TEE', quantity: 2 }] });
    await settle();
    const hubWithClient = await openHub({ stores: [{ id: 'eu', currency: 'EUR' }], clients: () => client });
    try {
      const lineId = woo.getOrder(order.id)?.line_items[0]?.id ?? 0;
      woo.createRefund(order.id, {
        reason: 'damaged',
        line_items: [{ id: lineId, quantity: 1, refund_total: '20.00' }],
      });
      const poller = pollerOf(hubWithClient);
      await poller.pollOnce();
      await hubWithClient.runtime.idle();
      const refunds = hubWithClient.events.filter((e) => e.type === 'refund.requested');
      expect(refunds).toHaveLength(1);
      expect(refunds[0]?.data).toMatchObject({
        orderId: String(order.id),
        amount: { currency: 'EUR', amount: '20.00' },
        restock: true,
        lines: [{ lineId: String(lineId), sku: 'TEE', quantity: 1 }],
      });
      expect((refunds[0]?.data as { reason: string }).reason).toContain('damaged');
    } finally {
      await hubWithClient.close();
    }
  });

  it('backfill pages history into the inbox, resumes after a failure, and re-runs as duplicates', async () => {
    woo.faults.set({ dropWebhookRate: 1 });
    for (let i = 0; i < 25; i += 1) woo.createOrder({ lineItems: [{ sku: 'TEE', quantity: 1 }] });
    await settle();
    let pagesSeen = 0;
    const failing = {
      update: () => {
        pagesSeen += 1;
        if (pagesSeen === 1) woo.faults.set({ burst429: 3, retryAfterSeconds: 1 });
      },
      done: () => undefined,
    };
    const options = {
      store: { id: 'eu' },
      client,
      inbox: hub.runtime.inbox,
      cursors: hub.runtime.cursors,
      collection: 'orders' as const,
      perPage: 10,
    };
    await expect(backfill({ ...options, progress: failing })).rejects.toMatchObject({ code: 'rate_limited' });
    woo.faults.set({ burst429: 0 });
    const resumed = await backfill(options);
    expect(resumed.resumedFromPage).toBe(1);
    expect(resumed.accepted).toBe(15);
    await hub.runtime.idle();
    expect(ofType('order.received')).toHaveLength(25);
    const rerun = await backfill(options);
    expect(rerun).toMatchObject({ accepted: 0, fetched: 25, resumedFromPage: undefined });
    expect(rerun.duplicate + rerun.stale).toBe(25);
  });

  it('product webhooks: a stock-only save publishes nothing, a price change publishes price.changed once', async () => {
    await settle();
    const product = woo.createProduct({
      name: 'Mug',
      sku: 'MUG',
      regular_price: '8.00',
      manage_stock: true,
      stock_quantity: 3,
    });
    await settle();
    const mugEvents = () => hub.events.filter((e) => e.subject === 'sku:MUG').map((e) => e.type);
    expect(mugEvents()).toEqual(['product.changed', 'price.changed']);
    woo.setStock('MUG', 9);
    await settle();
    expect(mugEvents()).toEqual(['product.changed', 'price.changed']);
    await client.update(`products/${product.id}`, { regular_price: '9.50' });
    await settle();
    expect(mugEvents()).toEqual(['product.changed', 'price.changed', 'price.changed']);
    const last = hub.events.filter((e) => e.subject === 'sku:MUG').at(-1);
    expect(last?.data).toMatchObject({
      source: 'woocommerce:eu',
      price: { sku: 'MUG', regular: { currency: 'EUR', amount: '9.50' } },
    });
  });

  it('a variable product is published with its variations fetched from the store', async () => {
    const parent = woo.createProduct({
      name: 'Hoodie',
      sku: 'HOOD',
      type: 'variable',
      attributes: [{ name: 'Size', variation: true, options: ['S', 'L'] }],
    });
    woo.createVariation(parent.id, {
      sku: 'HOOD-L',
      regular_price: '30.00',
      attributes: [{ name: 'Size', option: 'L' }],
    });
    await settle();
    await woo.flushWebhooks();
    await hub.runtime.idle();
    const changed = hub.events.filter((e) => e.type === 'product.changed' && e.subject === 'sku:HOOD').at(-1);
    expect(changed?.data).toMatchObject({
      product: {
        sku: 'HOOD',
        kind: 'variable',
        variants: [{ sku: 'HOOD-L', attributes: [{ name: 'Size', value: 'L' }] }],
      },
    });
    const prices = hub.events.filter((e) => e.type === 'price.changed' && e.subject === 'sku:HOOD-L');
    expect(prices).toHaveLength(1);
  });

  it('variations are backfilled and polled through the inbox themselves, not only via their parent', async () => {
    woo.faults.set({ dropWebhookRate: 1 });
    const parent = woo.createProduct({
      name: 'Cap',
      sku: 'CAP',
      type: 'variable',
      attributes: [{ name: 'Colour', variation: true, options: ['Red', 'Blue'] }],
    });
    const red = woo.createVariation(parent.id, {
      sku: 'CAP-RED',
      regular_price: '12.00',
      attributes: [{ name: 'Colour', option: 'Red' }],
    });
    woo.createVariation(parent.id, {
      sku: 'CAP-BLUE',
      regular_price: '12.00',
      attributes: [{ name: 'Colour', option: 'Blue' }],
    });
    await settle();
    const report = await backfill({
      store: { id: 'eu' },
      client,
      inbox: hub.runtime.inbox,
      cursors: hub.runtime.cursors,
      collection: 'products',
    });
    expect(report.variations).toBe(2);
    const stored = await hub.store.db
      .selectFrom('inbox')
      .select('subject')
      .where('subject', 'in', [`product:eu:${red.id}`, `product:eu:${parent.id}`])
      .execute();
    expect(stored.map((r) => r.subject).sort()).toEqual(
      [`product:eu:${parent.id}`, `product:eu:${red.id}`].sort(),
    );
    await hub.runtime.idle();

    // A variation's own change, its webhook lost: the products poll reads it from the variations.
    await client.request('PUT', `products/${parent.id}/variations/${red.id}`, {
      body: { regular_price: '14.00' },
    });
    const poller = pollerOf(hub, ['products']);
    const reports = await poller.pollOnce();
    expect(reports.find((r) => r.collection === 'variations')).toMatchObject({ accepted: 1 });
    await hub.runtime.idle();
    const prices = hub.events
      .filter((e) => e.type === 'price.changed' && e.subject === 'sku:CAP-RED')
      .map((e) => (e.data as { price: { regular: { amount: string } } }).price.regular.amount);
    expect(prices.at(-1)).toBe('14.00');
    expect(new Set(prices).size).toBe(prices.length);
    // A second poll finds nothing new.
    const again = await poller.pollOnce();
    expect(again.find((r) => r.collection === 'variations')?.accepted).toBe(0);
  });
});
