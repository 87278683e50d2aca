import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../ops/logger.js';
import type { AcceptResult, InboundMessage, Inbox } from '../../runtime/contracts.js';
import type { RejectedInput, RejectedMessages } from '../../runtime/dead-letters/rejected-messages.js';
import { signWmsBody } from './signature.js';
import { shippedEvent } from './test-events.js';
import { createWmsWebhookIngest, replayRejectedWmsWebhook } from './webhook-ingest.js';

const SECRET = 'whsec_main';

function setup(options: { full?: boolean } = {}) {
  const accepted: InboundMessage[] = [];
  const inbox: Inbox = {
    accept: async (message): Promise<AcceptResult> => {
      accepted.push(message);
      return { status: 'accepted', id: `m${accepted.length}` };
    },
  };
  const kept: RejectedInput[] = [];
  const rejected = {
    record: (input: RejectedInput) => {
      if (options.full) return false;
      kept.push(input);
      return true;
    },
  } as unknown as RejectedMessages;
  const metrics = new Registry();
  const ingest = createWmsWebhookIngest({
    warehouses: [{ id: 'main', webhookSecret: SECRET }],
    inbox,
    log: silentLogger(),
    metrics,
    rejected,
  });
  return { ingest, accepted, kept, metrics };
}

const body = JSON.stringify(shippedEvent());
const dayOld = String(Math.floor(Date.now() / 1000) - 86_400);
const signed = (timestamp: string, secret = SECRET) => ({
  'x-wms-timestamp': timestamp,
  'x-wms-signature': signWmsBody(secret, timestamp, body),
});

describe('createWmsWebhookIngest', () => {
  it('keeps a refusal with the reason and no credentials; a replay skips only the timestamp window', async () => {
    const { ingest, accepted, kept } = setup();
    const delivery = {
      warehouseId: 'main',
      headers: { ...signed(dayOld), authorization: 'Bearer x', 'x-api-key': 'k' },
      body: Buffer.from(body),
      correlationId: 'c1',
    };
    expect((await ingest(delivery)).body).toMatchObject({ code: 'timestamp_out_of_tolerance' });
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ ingress: 'wms', target: 'main', reason: 'timestamp_out_of_tolerance' });
    expect(kept[0]?.headers).toEqual(signed(dayOld));
    expect(kept[0]?.correlationId).toBe('c1');

    const message = { ...kept[0]!, truncated: false };
    expect(await replayRejectedWmsWebhook(ingest, message)).toEqual({ result: 'accepted', done: true });
    expect(accepted.map((m) => m.dedupeKey)).toEqual(['evt_01JD0000000000000000000001']);

    // The signature still has to verify over the original timestamp + body, and a failed replay
    // is not kept a second time.
    const tampered = { ...message, body: Buffer.from(body.replace('DHLMAIN', 'XXXMAIN')) };
    expect(await replayRejectedWmsWebhook(ingest, tampered)).toEqual({
      result: 'signature_invalid',
      done: false,
    });
    expect(kept).toHaveLength(1);
    expect(await replayRejectedWmsWebhook(ingest, { ...message, truncated: true })).toEqual({
      result: 'truncated',
      done: false,
    });
    expect(accepted).toHaveLength(1);
  });

  it('counts an unknown warehouse under "unknown" and a refusal it could not keep', async () => {
    const { ingest, metrics } = setup({ full: true });
    const answer = await ingest({
      warehouseId: 'made-up-by-a-scanner',
      headers: signed(dayOld),
      body: Buffer.from(body),
      correlationId: 'c2',
    });
    expect(answer.status).toBe(404);
    const text = await metrics.metrics();
    expect(text).toContain(
      'retail_hub_wms_webhook_rejections_total{warehouse="unknown",reason="warehouse_not_found"} 1',
    );
    expect(text).not.toContain('made-up-by-a-scanner');
    expect(text).toContain(
      'retail_hub_wms_webhook_rejections_not_kept_total{reason="warehouse_not_found"} 1',
    );
  });
});
