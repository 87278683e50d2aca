import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../ops/logger.js';
import type { AcceptResult, InboundMessage, Inbox } from '../../runtime/contracts.js';
import { signWmsBody } from './signature.js';
import { shippedEvent } from './test-events.js';
import { wmsWebhookRoutes } from './webhooks.js';

/** Records accepts in memory; dedupes by key and refuses lower versions like the real inbox does. */
class RecordingInbox implements Inbox {
  readonly accepted: InboundMessage[] = [];
  failing = false;
  private readonly versions = new Map<string, string>();

  async accept(message: InboundMessage): Promise<AcceptResult> {
    if (this.failing) throw new Error('disk full');
    if (this.accepted.some((seen) => seen.source === message.source && seen.dedupeKey === message.dedupeKey))
      return { status: 'duplicate', id: undefined };
    if (message.version) {
      const last = this.versions.get(message.version.key);
      if (last !== undefined && last >= message.version.value) return { status: 'stale', id: undefined };
      this.versions.set(message.version.key, message.version.value);
    }
    this.accepted.push(message);
    return { status: 'accepted', id: `m${this.accepted.length}` };
  }
}

const SECRET = 'whsec_main';

describe('POST /webhooks/wms/:warehouseId', () => {
  let app: FastifyInstance;
  let inbox: RecordingInbox;
  let registry: Registry;

  beforeEach(async () => {
    inbox = new RecordingInbox();
    registry = new Registry();
    app = Fastify();
    await app.register(wmsWebhookRoutes, {
      warehouses: [{ id: 'main', webhookSecret: SECRET }],
      inbox,
      log: silentLogger(),
      metrics: registry,
    });
    await app.ready();
  });
  afterEach(() => app.close());

  function send(
    body: string,
    options: { warehouse?: string; secret?: string; timestamp?: string; signature?: string } = {},
  ) {
    const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
    return app.inject({
      method: 'POST',
      url: `/webhooks/wms/${options.warehouse ?? 'main'}`,
      headers: {
        'content-type': 'application/json',
        'x-wms-event': 'fulfilment.shipped',
        'x-wms-event-id': 'evt_1',
        'x-wms-timestamp': timestamp,
        'x-wms-signature': options.signature ?? signWmsBody(options.secret ?? SECRET, timestamp, body),
      },
      payload: body,
    });
  }

  it('stores a verified event with dedupe key, version and the order partition, then answers 202', async () => {
    const body = JSON.stringify(shippedEvent());
    const response = await send(body);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ status: 'accepted', id: 'm1' });
    expect(inbox.accepted).toHaveLength(1);
    expect(inbox.accepted[0]).toMatchObject({
      source: 'wms:main',
      dedupeKey: 'evt_01JD0000000000000000000001',
      type: 'wms.fulfilment.shipped',
      partitionKey: 'orders.eu.727',
      subject: 'order:eu:727',
      body,
      version: { key: 'wms:main:fulfilment:FO-MAIN-000001', value: '000000000004' },
    });
    expect(inbox.accepted[0]?.headers).toMatchObject({ 'x-wms-event-id': 'evt_1' });
  });

  it('acknowledges duplicates and older sequences without storing them again', async () => {
    expect((await send(JSON.stringify(shippedEvent()))).json()).toMatchObject({ status: 'accepted' });
    expect((await send(JSON.stringify(shippedEvent()))).json()).toMatchObject({ status: 'duplicate' });
    const older = await send(JSON.stringify(shippedEvent({ id: 'evt_older', sequence: 3 })));
    expect(older.statusCode).toBe(202);
    expect(older.json()).toMatchObject({ status: 'stale' });
    // 10 sorts before 9 as text: the padded version must still order it after.
    expect((await send(JSON.stringify(shippedEvent({ id: 'evt_10', sequence: 10 })))).json()).toMatchObject({
      status: 'accepted',
    });
    expect(inbox.accepted.map((m) => m.dedupeKey)).toEqual(['evt_01JD0000000000000000000001', 'evt_10']);
  });

  it('401 with problem+json for a bad signature, before anything is stored', async () => {
    const response = await send(JSON.stringify(shippedEvent()), { secret: 'wrong' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, code: 'signature_invalid' });
    expect(inbox.accepted).toHaveLength(0);
  });

  it('401 for a replay outside the timestamp tolerance', async () => {
    const response = await send(JSON.stringify(shippedEvent()), {
      timestamp: String(Math.floor(Date.now() / 1000) - 3600),
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('timestamp_out_of_tolerance');
  });

  it('404 for an unknown warehouse', async () => {
    const response = await send(JSON.stringify(shippedEvent({ warehouse: 'nowhere' })), {
      warehouse: 'nowhere',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('warehouse_not_found');
  });

  it('400 with the schema problems for a signed but malformed event', async () => {
    const response = await send(JSON.stringify({ id: 'evt_x', type: 'fulfilment.shipped', sequence: 0 }));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_event');
    expect(response.json().errors.length).toBeGreaterThan(0);
    expect((await send('{not json')).json().code).toBe('invalid_event');
    expect(inbox.accepted).toHaveLength(0);
  });

  it('400 when the event claims another warehouse', async () => {
    const response = await send(JSON.stringify(shippedEvent({ warehouse: 'other' })));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('warehouse_mismatch');
  });

  it('503 and no acknowledgement when the inbox cannot store it', async () => {
    inbox.failing = true;
    const response = await send(JSON.stringify(shippedEvent()));
    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('inbox_unavailable');
  });

  it('counts refusals by reason and inbox results on /metrics', async () => {
    await send(JSON.stringify(shippedEvent()));
    await send(JSON.stringify(shippedEvent()));
    await send(JSON.stringify(shippedEvent()), { secret: 'wrong' });
    const text = await registry.metrics();
    expect(text).toContain('retail_hub_wms_webhooks_total{warehouse="main",result="accepted"} 1');
    expect(text).toContain('retail_hub_wms_webhooks_total{warehouse="main",result="duplicate"} 1');
    expect(text).toContain(
      'retail_hub_wms_webhook_rejections_total{warehouse="main",reason="signature_invalid"} 1',
    );
  });
});
