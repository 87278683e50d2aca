import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWmsEmulator, type WmsEmulator } from '../../../sim/wms/index.js';
import { call, FAST_CLOCK, fulfilmentBody } from './helpers.js';

describe('WMS emulator REST API', () => {
  let wms: WmsEmulator;
  beforeEach(async () => {
    // Orders stay `accepted` (the pick timer is a minute away), so cancellations never race the clock.
    wms = await startWmsEmulator({
      warehouseId: 'main',
      webhookSecret: 's',
      clock: { pickMs: 60_000 },
      seed: 1,
    });
  });
  afterEach(() => wms.close());

  it('refuses requests without a valid API key, as problem+json', async () => {
    const response = await call(wms, 'GET', '/v1/fulfilment-orders?reference=x', { apiKey: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.json.code).toBe('unauthorized');
    expect((await call(wms, 'GET', '/v1/fulfilment-orders?reference=x', { apiKey: 'nope' })).status).toBe(
      401,
    );
    const viaHeader = await fetch(`${wms.url}/v1/fulfilment-orders?reference=x`, {
      headers: { 'x-api-key': wms.apiKey },
    });
    expect(viaHeader.status).toBe(200);
  });

  it('creates once per Idempotency-Key and replays the first answer', async () => {
    const first = await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k-1' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      status: 'accepted',
      reference: 'orders.eu.1001/ff-1',
      warehouse: 'main',
    });
    const again = await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k-1' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(wms.fulfilments.list()).toHaveLength(1);
  });

  it('refuses a different body under a used key (422) and a missing key (400)', async () => {
    await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k-1' });
    const reused = await call(wms, 'POST', '/v1/fulfilment-orders', {
      body: fulfilmentBody('orders.eu.1002/ff-1'),
      key: 'k-1',
    });
    expect(reused.status).toBe(422);
    expect(reused.json.code).toBe('idempotency_key_reused');
    const missing = await call(wms, 'POST', '/v1/fulfilment-orders', {
      body: fulfilmentBody('orders.eu.1003/ff-1'),
    });
    expect(missing.status).toBe(400);
    expect(missing.json.code).toBe('idempotency_key_required');
    expect(wms.fulfilments.list()).toHaveLength(1);
  });

  it('refuses a second open order with the same reference under another key, naming the first', async () => {
    const first = await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k-1' });
    const second = await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k-2' });
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({ code: 'reference_exists', existingId: first.json.id });
  });

  it('validates bodies with every problem listed', async () => {
    const invalid = await call(wms, 'POST', '/v1/fulfilment-orders', {
      body: {
        reference: '',
        warehouse: 'main',
        lines: [{ lineRef: '1', sku: 'A', quantity: 0 }],
        shipTo: {},
      },
      key: 'k-bad',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.code).toBe('validation_failed');
    const paths = (invalid.json.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/reference', '/lines/0/quantity']));
    const malformed = await call(wms, 'POST', '/v1/fulfilment-orders', { body: '{oops', key: 'k-bad-json' });
    expect(malformed.json.code).toBe('malformed_json');
    const elsewhere = await call(wms, 'POST', '/v1/fulfilment-orders', {
      body: { ...fulfilmentBody(), warehouse: 'other' },
      key: 'k-other',
    });
    expect([elsewhere.status, elsewhere.json.code]).toEqual([422, 'unknown_warehouse']);
    const twice = fulfilmentBody('r', [
      { lineRef: '1', sku: 'A', quantity: 1 },
      { lineRef: '1', sku: 'B', quantity: 1 },
    ]);
    expect((await call(wms, 'POST', '/v1/fulfilment-orders', { body: twice, key: 'k-dup' })).json.code).toBe(
      'duplicate_line_ref',
    );
  });

  it('gets by id and finds by reference', async () => {
    const created = await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k-1' });
    const got = await call(wms, 'GET', `/v1/fulfilment-orders/${String(created.json.id)}`);
    expect(got.json.id).toBe(created.json.id);
    const found = await call(
      wms,
      'GET',
      `/v1/fulfilment-orders?reference=${encodeURIComponent('orders.eu.1001/ff-1')}`,
    );
    expect((found.json.data as { id: string }[]).map((o) => o.id)).toEqual([created.json.id]);
    expect((await call(wms, 'GET', '/v1/fulfilment-orders/FO-NOPE')).json.code).toBe(
      'fulfilment_order_not_found',
    );
    expect((await call(wms, 'GET', '/v1/fulfilment-orders')).json.code).toBe('reference_required');
  });

  it('cancels until shipped, then answers 409 already_shipped', async () => {
    const a = await call(wms, 'POST', '/v1/fulfilment-orders', {
      body: fulfilmentBody('orders.eu.1/ff'),
      key: 'a',
    });
    const cancelled = await call(wms, 'POST', `/v1/fulfilment-orders/${String(a.json.id)}/cancel`);
    expect([cancelled.status, cancelled.json.status]).toEqual([200, 'cancelled']);
    // Cancelling again is harmless.
    expect((await call(wms, 'POST', `/v1/fulfilment-orders/${String(a.json.id)}/cancel`)).status).toBe(200);
    expect(wms.fulfilments.get(String(a.json.id))?.status).toBe('cancelled');
    const fast = await startWmsEmulator({ warehouseId: 'main', webhookSecret: 's', clock: FAST_CLOCK });
    try {
      const b = await call(fast, 'POST', '/v1/fulfilment-orders', {
        body: fulfilmentBody('orders.eu.2/ff'),
        key: 'b',
      });
      await fast.flush();
      expect(fast.fulfilments.get(String(b.json.id))?.status).toBe('shipped');
      const late = await call(fast, 'POST', `/v1/fulfilment-orders/${String(b.json.id)}/cancel`);
      expect([late.status, late.json.code]).toEqual([409, 'already_shipped']);
    } finally {
      await fast.close();
    }
  });

  it('a cancelled reference can be requested again under a new key', async () => {
    const a = await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'a' });
    await call(wms, 'POST', `/v1/fulfilment-orders/${String(a.json.id)}/cancel`);
    expect(
      (await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'b' })).status,
    ).toBe(201);
  });

  it('answers 429 with Retry-After and 503 under the fault knobs, and the control endpoint sets them', async () => {
    wms.faults.set({ rate429: 1, retryAfterSeconds: 7 });
    const limited = await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k' });
    expect([limited.status, limited.headers.get('retry-after'), limited.json.code]).toEqual([
      429,
      '7',
      'rate_limited',
    ]);
    const put = await call(wms, 'PUT', '/_sim/faults', { body: { rate429: 0, rate5xx: 1 } });
    expect(put.json).toMatchObject({ rate429: 0, rate5xx: 1 });
    const down = await call(wms, 'POST', '/v1/fulfilment-orders', { body: fulfilmentBody(), key: 'k' });
    expect([down.status, down.json.code]).toEqual([503, 'service_unavailable']);
    expect(wms.fulfilments.list()).toHaveLength(0);
    expect(wms.requests.count({ path: '/v1/fulfilment-orders', status: 503 })).toBe(1);
    expect((await call(wms, 'PUT', '/_sim/faults', { body: { rate5xx: 2 } })).status).toBe(400);
  });
});
