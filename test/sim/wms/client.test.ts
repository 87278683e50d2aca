import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWmsClient, type WmsClient } from '../../../src/connectors/wms/client.js';
import { toWmsFulfilmentRequest } from '../../../src/connectors/wms/mapping.js';
import { PermanentError, TransientError } from '../../../src/runtime/errors.js';
import { startWmsEmulator, type WmsEmulator } from '../../../sim/wms/index.js';
import { FAST_CLOCK } from './helpers.js';

const request = {
  id: 'ff-eu-1001-1',
  orderSubject: 'order:eu:1001',
  storeId: 'eu',
  orderNumber: '1001',
  location: 'main',
  kind: 'warehouse' as const,
  lines: [{ lineId: '11', sku: 'TEE-M', quantity: 2 }],
  shipTo: {
    firstName: 'Ada',
    lastName: 'Lovelace',
    line1: '1 Main Street',
    city: 'Dublin',
    postcode: 'D01',
    country: 'IE',
  },
  requestedAt: '2026-11-23T15:00:00Z',
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('WMS client against the emulator', () => {
  let wms: WmsEmulator;
  let client: WmsClient;
  beforeEach(async () => {
    wms = await startWmsEmulator({ warehouseId: 'main', webhookSecret: 's', clock: FAST_CLOCK, seed: 3 });
    client = createWmsClient({ warehouseId: 'main', baseUrl: wms.url, apiKey: wms.apiKey, timeoutMs: 2_000 });
  });
  afterEach(() => wms.close());

  it('creates a fulfilment idempotently from a canonical request, finds and reads it', async () => {
    const { body, idempotencyKey } = toWmsFulfilmentRequest(request);
    const first = await client.createFulfilment(body, idempotencyKey);
    const retried = await client.createFulfilment(body, idempotencyKey);
    expect(retried.id).toBe(first.id);
    expect(wms.fulfilments.list()).toHaveLength(1);
    expect(wms.requests.count({ method: 'POST', idempotencyKey: 'ff-eu-1001-1' })).toBe(2);
    expect((await client.findByReference('orders.eu.1001/ff-eu-1001-1')).map((o) => o.id)).toEqual([
      first.id,
    ]);
    expect(await client.findByReference('orders.eu.404/none')).toEqual([]);
    await wms.flush();
    const shipped = await client.getFulfilment(first.id);
    expect(shipped?.status).toBe('shipped');
    expect(shipped?.shipments[0]?.trackingNumber).toBeTruthy();
    expect(await client.getFulfilment('FO-UNKNOWN')).toBeUndefined();
  });

  it('cancels before shipping; after shipping it is a permanent already_shipped', async () => {
    const { body, idempotencyKey } = toWmsFulfilmentRequest(request);
    // A warehouse that takes a minute to start picking: the cancellation cannot race the clock.
    const slow = await startWmsEmulator({
      warehouseId: 'main',
      webhookSecret: 's',
      clock: { pickMs: 60_000 },
    });
    try {
      const slowClient = createWmsClient({ warehouseId: 'main', baseUrl: slow.url, apiKey: slow.apiKey });
      const order = await slowClient.createFulfilment(body, idempotencyKey);
      expect((await slowClient.cancelFulfilment(order.id)).status).toBe('cancelled');
    } finally {
      await slow.close();
    }
    const other = await client.createFulfilment({ ...body, reference: 'orders.eu.1002/ff' }, 'ff-2');
    await wms.flush();
    const error = await rejection(client.cancelFulfilment(other.id));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error).toMatchObject({ code: 'already_shipped', system: 'wms:main' });
  });

  it('maps 429 to a transient error honouring Retry-After, and 503 to transient', async () => {
    const { body, idempotencyKey } = toWmsFulfilmentRequest(request);
    wms.faults.set({ rate429: 1, retryAfterSeconds: 4 });
    const limited = await rejection(client.createFulfilment(body, idempotencyKey));
    expect(limited).toBeInstanceOf(TransientError);
    expect(limited).toMatchObject({ code: 'rate_limited', retryAfterMs: 4000 });
    wms.faults.set({ rate429: 0, rate5xx: 1 });
    const down = await rejection(client.getFulfilment('x'));
    expect(down).toBeInstanceOf(TransientError);
    expect(down).toMatchObject({ code: 'service_unavailable' });
    wms.faults.set({ rate5xx: 0 });
    expect((await client.createFulfilment(body, idempotencyKey)).status).toBe('accepted');
  });

  it('maps validation and auth failures to permanent errors with the WMS code', async () => {
    const { body, idempotencyKey } = toWmsFulfilmentRequest(request);
    const invalid = await rejection(client.createFulfilment({ ...body, lines: [] }, idempotencyKey));
    expect(invalid).toBeInstanceOf(PermanentError);
    expect(invalid).toMatchObject({ code: 'validation_failed' });
    const stranger = createWmsClient({ warehouseId: 'main', baseUrl: wms.url, apiKey: 'wrong' });
    expect(await rejection(stranger.getFulfilment('x'))).toMatchObject({
      kind: 'permanent',
      code: 'auth_failed',
    });
  });

  it('a slow WMS times out as transient', async () => {
    wms.faults.set({ delayMs: 300 });
    const impatient = createWmsClient({
      warehouseId: 'main',
      baseUrl: wms.url,
      apiKey: wms.apiKey,
      timeoutMs: 50,
    });
    expect(await rejection(impatient.getFulfilment('x'))).toMatchObject({
      kind: 'transient',
      code: 'timeout',
    });
  });

  it('an unreachable WMS is transient, and a nonsense answer is permanent invalid_response', async () => {
    const gone = createWmsClient({ warehouseId: 'main', baseUrl: 'http://127.0.0.1:1', apiKey: 'k' });
    expect(await rejection(gone.getFulfilment('x'))).toMatchObject({
      kind: 'transient',
      code: 'connection_failed',
    });
    const liar = createServer((_req, res) => res.end('{"hello":"world"}'));
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
    try {
      const port = (liar.address() as AddressInfo).port;
      const confused = createWmsClient({
        warehouseId: 'main',
        baseUrl: `http://127.0.0.1:${port}`,
        apiKey: 'k',
      });
      expect(await rejection(confused.getFulfilment('x'))).toMatchObject({
        kind: 'permanent',
        code: 'invalid_response',
      });
    } finally {
      await new Promise<void>((resolve) => liar.close(() => resolve()));
    }
  });

  it('receives a return idempotently', async () => {
    const body = {
      reference: 'orders.eu.1001/rma-1',
      lines: [{ sku: 'TEE-M', quantity: 1, condition: 'sellable' as const }],
    };
    const first = await client.receiveReturn(body, 'rma-1');
    expect((await client.receiveReturn(body, 'rma-1')).id).toBe(first.id);
    expect(wms.fulfilments.returns()).toHaveLength(1);
  });
});
