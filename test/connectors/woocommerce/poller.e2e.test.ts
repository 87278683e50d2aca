/**
 * The poller's paging against the emulator: keyset restarts on `date_modified_gmt` across pages,
 * page stepping when a whole page shares one second, and the scheduled loop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startWooEmulator, type WooEmulator } from '../../../sim/woocommerce/index.js';
import { WooClient } from '../../../src/connectors/woocommerce/client.js';
import { createWooPoller } from '../../../src/connectors/woocommerce/poller.js';
import { startWooPollers } from '../../../src/connectors/woocommerce/pollers.js';
import { silentLogger } from '../../../src/ops/logger.js';
import { openHub, type Hub } from './harness.js';

let woo: WooEmulator | undefined;
let hub: Hub | undefined;
afterEach(async () => {
  await woo?.close();
  await hub?.close();
});

async function setup(clock: () => Date, orders: number) {
  woo = await startWooEmulator({ storeId: 'eu', webhookSecret: 's', currency: 'EUR', clock });
  woo.createProduct({
    name: 'Tee',
    sku: 'TEE',
    regular_price: '9.99',
    manage_stock: true,
    stock_quantity: 1000,
  });
  for (let i = 0; i < orders; i += 1) woo.createOrder({ lineItems: [{ sku: 'TEE', quantity: 1 }] });
  hub = await openHub({ stores: [{ id: 'eu', currency: 'EUR' }] });
  const client = new WooClient({
    store: { id: 'eu', url: woo.url, consumerKey: 'ck', consumerSecret: 'cs' },
    log: silentLogger(),
  });
  return { woo, hub, client };
}

function pollerFor(hub: Hub, client: WooClient, extra: { perPage: number; now: () => Date }) {
  return createWooPoller({
    store: { id: 'eu' },
    client,
    inbox: hub.runtime.inbox,
    cursors: hub.runtime.cursors,
    log: silentLogger(),
    ...extra,
  });
}

async function until(condition: () => Promise<boolean>, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('WooCommerce poller paging', () => {
  it('reads every order over several pages, restarting from the last stamp', async () => {
    let t = Date.parse('2026-11-23T10:00:00Z');
    const { hub, client, woo } = await setup(() => new Date((t += 1000)), 23);
    const poller = pollerFor(hub, client, { perPage: 5, now: () => new Date(t) });
    woo.requests.reset();
    const [report] = await poller.pollOnce();
    expect(report).toMatchObject({ accepted: 23, duplicate: 0, stale: 0 });
    // Each restart re-reads the boundary record, so a few more than 23 are fetched, never fewer.
    expect(report?.fetched).toBeGreaterThanOrEqual(23);
    expect(woo.requests.count({ pathPrefix: '/wc/v3/orders' })).toBeGreaterThanOrEqual(5);
    await hub.runtime.idle();
    expect(hub.events.filter((e) => e.type === 'order.received')).toHaveLength(23);
  });

  it('steps through pages when every record shares one second', async () => {
    const frozen = new Date('2026-11-23T10:00:00Z');
    const { hub, client } = await setup(() => frozen, 12);
    const poller = pollerFor(hub, client, { perPage: 5, now: () => frozen });
    const [report] = await poller.pollOnce();
    expect(report?.accepted).toBe(12);
    expect(report?.cursor).toBe('2026-11-23T10:00:00');
  });

  it('runs on its interval once started, and stops', async () => {
    let t = Date.now();
    const { hub, client } = await setup(() => new Date((t += 1000)), 3);
    const pollers = startWooPollers({
      stores: [{ id: 'eu', poll: { intervalSeconds: 1 } }],
      clients: () => client,
      runtime: hub.runtime,
      log: silentLogger(),
    });
    try {
      await until(async () => (await hub.runtime.cursors.get('woocommerce:eu:orders')) !== undefined);
      await hub.runtime.idle();
      expect(hub.events.filter((e) => e.type === 'order.received')).toHaveLength(3);
    } finally {
      await pollers.stop();
    }
  });
});
