/**
 * A flash-sale checkout over real HTTP against the emulators: the storefront holds the basket
 * (`hold: true`), puts the answer's `holdId` in the WooCommerce order's meta as
 * `_retail_hub_hold_id`, and once the saga has routed and reserved the order the hold is gone — available-to-sell
 * is on hand − the order's reservation, not − reservation − hold, well before the hold's TTL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOPPER, startE2e, type E2e } from './harness.js';
import { rankOf } from '../../src/flows/order-to-cash/saga-state.js';

interface Item {
  available: number;
  onHand: number;
  reserved: number;
}

describe('checkout hold given back by the order’s reservation (emulators, real HTTP)', () => {
  let env: E2e;
  beforeAll(async () => {
    env = await startE2e({
      skus: ['MUG'],
      stock: 10,
      // Nothing ships while the test looks: the ERP's reservation stays in its figures.
      wmsStepMs: 120_000,
      hubConfig: (c) => ({
        ...c,
        erp: { ...c.erp, pollIntervalSeconds: 1 },
        inventory: { staleAfterSeconds: 30, pushIntervalMs: 100, fallback: 'last-known' },
      }),
    });
  }, 30_000);
  afterAll(async () => {
    await env.stop();
  });

  const call = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${env.hub.url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    return { status: response.status, body: (response.status === 204 ? null : await response.json()) as T };
  };
  const mug = async () =>
    (await call<{ items: Item[] }>('GET', '/v1/availability?store=eu&sku=MUG')).body.items[0]!;
  const holdRows = (holdId: string) =>
    env.hub.store.db.selectFrom('checkout_holds').select('id').where('basket_id', '=', holdId).execute();
  const validate = (quantity: number) =>
    call<{ ok: boolean; heldUntil?: string; holdId?: string }>('POST', '/v1/checkout/validate', {
      store: 'eu',
      hold: true,
      lines: [{ sku: 'MUG', quantity }],
    });

  it('the order carrying _retail_hub_hold_id ends the hold: available = on hand − reservation before the TTL', async () => {
    await env.waitFor(async () => (await mug()).available === 20, { what: 'the ERP stock of MUG (2 × 10)' });
    const held = await validate(3);
    expect(held.body).toMatchObject({ ok: true, holdId: expect.any(String), heldUntil: expect.any(String) });
    const holdId = held.body.holdId!;
    const heldUntil = Date.parse(held.body.heldUntil!);
    expect(await mug()).toMatchObject({ available: 17, reserved: 3 });
    expect(await holdRows(holdId)).toHaveLength(1);

    const order = env.woo.createOrder({
      ...SHOPPER,
      lineItems: [{ sku: 'MUG', quantity: 3 }],
      metaData: [{ key: '_retail_hub_hold_id', value: holdId }],
    });
    await env.waitFor(
      async () => {
        const saga = await env.saga(order.id);
        if (saga === undefined || rankOf(saga.state) < rankOf('reserved')) return false;
        expect(saga.order.checkoutHoldId).toBe(holdId);
        // The ERP's reservation of the 3 reached the hub's positions; the hold is deleted.
        const positions = await env.hub.store.db
          .selectFrom('stock_positions')
          .select('erp_reserved')
          .where('sku', '=', 'MUG')
          .execute();
        const erpReserved = positions.reduce((n, p) => n + Number(p.erp_reserved), 0);
        if (erpReserved !== 3 || (await holdRows(holdId)).length > 0) return false;
        const item = await mug();
        return item.onHand === 20 && item.reserved === 3 && item.available === 17;
      },
      { what: 'the hold given back and the order reserved once', timeoutMs: 30_000 },
    );
    expect(Date.now()).toBeLessThan(heldUntil);
    // Counted once: with the hold still counted it would read 14 until the TTL.
    expect(await mug()).toMatchObject({ onHand: 20, reserved: 3, available: 17 });
  }, 60_000);

  it('an abandoned basket: DELETE gives the units back at once; then 404 problem+json', async () => {
    const before = (await mug()).available;
    const held = await validate(2);
    const holdId = held.body.holdId!;
    await env.waitFor(async () => (await mug()).available === before - 2, { what: 'the hold counted' });
    const removed = await call('DELETE', `/v1/checkout/holds/${holdId}`);
    expect(removed.status).toBe(204);
    expect(await holdRows(holdId)).toHaveLength(0);
    await env.waitFor(async () => (await mug()).available === before, { what: 'the units back' });
    const again = await call<{ code: string }>('DELETE', `/v1/checkout/holds/${holdId}`);
    expect(again).toMatchObject({ status: 404, body: { code: 'hold_not_found' } });
  }, 30_000);
});
