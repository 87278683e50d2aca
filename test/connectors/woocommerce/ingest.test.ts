import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inboundFor } from '../../../src/connectors/woocommerce/inbound.js';
import { fixture } from './fixtures/index.js';
import { openHub, type Hub } from './harness.js';
import { DIALECTS } from '../../runtime/helpers.js';

type Json = Record<string, unknown>;
const STORES = [{ id: 'us', currency: 'USD' }];

let hub: Hub;

/** A webhook-like delivery of one order state. */
function deliver(order: Json, delivery: string, topic = 'order.updated') {
  const body = JSON.stringify(order).replace(/\//g, '\\/');
  return hub.runtime.inbox.accept(
    inboundFor('us', 'order', body, {
      dedupeKey: `${delivery}:${body.length}`,
      headers: { 'x-wc-webhook-topic': topic },
    }),
  );
}

const types = () => hub.events.map((e) => e.type);

describe.each(DIALECTS)('woocommerce.order ingest on the real runtime (%s)', (dialect) => {
  beforeEach(async () => {
    hub = await openHub({ stores: STORES }, dialect);
  });
  afterEach(async () => {
    await hub.close();
  });

  it('received once, then updated with refunds as refund.requested, never regressing', async () => {
    const full = fixture<Json>('order-723-with-refunds.docs.json');
    const beforeRefunds = {
      ...full,
      status: 'processing',
      date_modified_gmt: '2017-03-21T19:16:05',
      refunds: [],
      date_completed_gmt: null,
    };

    expect((await deliver(beforeRefunds, 'a', 'order.created')).status).toBe('accepted');
    await hub.runtime.idle();
    expect(types()).toEqual(['order.received']);
    expect(hub.events[0]).toMatchObject({
      subject: 'order:us:723',
      partitionKey: 'orders.us.723',
      data: { via: 'webhook', order: { externalId: '723', status: 'processing' } },
    });

    // The same state again under another delivery id: collapsed by the version rule.
    expect((await deliver(beforeRefunds, 'b')).status).toBe('stale');
    expect((await deliver(full, 'c')).status).toBe('accepted');
    await hub.runtime.idle();
    expect(types()).toEqual(['order.received', 'order.updated', 'refund.requested', 'refund.requested']);
    expect(hub.events[1]?.data).toMatchObject({
      changed: expect.arrayContaining(['status', 'refunds', 'payment']),
    });
    expect(hub.events.slice(2).map((e) => (e.data as { reason: string }).reason)).toEqual([
      'WooCommerce refund 724',
      'WooCommerce refund 726',
    ]);
    expect(hub.events[2]?.data).toMatchObject({
      storeId: 'us',
      orderId: '723',
      amount: { currency: 'USD', amount: '9.00' },
      restock: false,
      lines: [],
    });

    // An older state delivered late is refused and publishes nothing.
    expect((await deliver(beforeRefunds, 'd')).status).toBe('stale');
    await hub.runtime.idle();
    expect(hub.events).toHaveLength(4);
  });

  it('cancellation in WooCommerce becomes order.cancelled once', async () => {
    const order = fixture<Json>('order-205-webhook-body.frappe.json');
    await deliver(order, 'a', 'order.created');
    await deliver({ ...order, status: 'cancelled', date_modified_gmt: '2021-11-30T08:00:00' }, 'b');
    await deliver(
      { ...order, status: 'cancelled', date_modified_gmt: '2021-11-30T08:00:01', customer_note: 'x' },
      'c',
    );
    await hub.runtime.idle();
    expect(types()).toEqual(['order.received', 'order.updated', 'order.cancelled', 'order.updated']);
    expect(hub.events[2]?.data).toMatchObject({ storeId: 'us', orderId: '205', by: 'payment' });
  });

  it('a trashed order (order.deleted, body { id }) cancels it', async () => {
    const order = fixture<Json>('order-727-retrieve.docs.json');
    await deliver(order, 'a', 'order.created');
    await hub.runtime.inbox.accept(
      inboundFor('us', 'order', '{"id":727}', {
        dedupeKey: 'del-1',
        headers: { 'x-wc-webhook-topic': 'order.deleted' },
      }),
    );
    await hub.runtime.idle();
    expect(types()).toEqual(['order.received', 'order.cancelled']);
    expect(hub.events[1]?.data).toMatchObject({
      orderId: '727',
      reason: 'Order moved to the trash in WooCommerce',
    });
    // Restored from the trash (order.restored carries the full order): the status is news again.
    await deliver({ ...order, date_modified_gmt: '2017-03-22T20:00:00' }, 'b', 'order.restored');
    await hub.runtime.idle();
    expect(types()).toEqual(['order.received', 'order.cancelled', 'order.updated']);
    expect(hub.events[2]?.data).toMatchObject({ changed: ['status'] });
  });

  it('an invalid order is dead-lettered with the reason, not retried or dropped', async () => {
    const order = { ...fixture<Json>('order-727-retrieve.docs.json'), total: 29.35 };
    await deliver(order, 'a');
    await hub.runtime.idle();
    expect(hub.events).toHaveLength(0);
    const dead = await hub.runtime.deadLetters.list({ consumer: 'woocommerce-order-ingest' });
    expect(dead).toHaveLength(1);
    expect(dead[0]?.attempts).toBe(1);
    expect(dead[0]?.error).toMatchObject({ kind: 'permanent', code: 'invalid_woocommerce_order' });
    expect(dead[0]?.error.message).toContain('/total');
  });
});
