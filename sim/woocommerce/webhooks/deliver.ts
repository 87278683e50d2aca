/**
 * One webhook delivery as `WC_Webhook::deliver` sends it: payload built now (the resource as GET
 * returns it at delivery time; `{id}` for deleted), PHP-encoded body, HMAC-SHA256 signature over
 * the exact bytes, the X-WC-Webhook-* headers, no redirects, success = 200–302, the failure count
 * and auto-disable on the 7th consecutive failure, never a retry. Also the creation ping.
 */
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { StoreContext } from '../context.js';
import type { DeliveryLogEntry, Faults, WcWebhookRecord } from '../types.js';
import { phpJsonEncode } from './php-json.js';
import type { QueuedDelivery } from './queue.js';

export const USER_AGENT = 'WooCommerce/9.8.5 Hookshot (WordPress/6.8.1)';
/** `woocommerce_max_webhook_delivery_failures` */
const MAX_FAILURES = 5;
const MAX_LOG = 5_000;

export interface DeliverDeps {
  ctx: StoreContext;
  faults: () => Faults;
  random: () => number;
  payloadFor: (resource: string, resourceId: number, event: string) => unknown;
  timeoutMs: number;
  agents: DeliveryAgents;
}

export interface DeliveryAgents {
  http: http.Agent;
  https: https.Agent;
}

/** Keep-alive agents owned by one emulator, destroyed when it closes. */
export function createAgents(): DeliveryAgents {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets: 32 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 32 }),
  };
}

export function signBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

export interface PostResult {
  status: number | null;
  error?: string;
}

export function postRaw(
  agents: DeliveryAgents,
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ status: null, error: 'invalid delivery URL' });
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        agent: target.protocol === 'https:' ? agents.https : agents.http,
        timeout: timeoutMs,
        rejectUnauthorized: false,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? null }));
        response.on('error', () => resolve({ status: response.statusCode ?? null }));
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`Operation timed out after ${timeoutMs} milliseconds`)),
    );
    request.on('error', (error) => resolve({ status: null, error: error.message }));
    request.end(body);
  });
}

function record(ctx: StoreContext, entry: DeliveryLogEntry): void {
  const log = ctx.state.deliveries;
  log.push(entry);
  if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
}

/** `WC_Webhook::failed_delivery`: the count stops at 6 and the next failure disables. */
function countOutcome(ctx: StoreContext, webhook: WcWebhookRecord, success: boolean): void {
  if (success) {
    webhook.failure_count = 0;
    return;
  }
  if (webhook.failure_count > MAX_FAILURES) {
    webhook.status = 'disabled';
    ctx.log.warn({ webhookId: webhook.id }, 'webhook disabled after repeated delivery failures');
  } else {
    webhook.failure_count += 1;
  }
}

export async function deliverQueued(deps: DeliverDeps, item: QueuedDelivery): Promise<void> {
  const { ctx } = deps;
  const webhook = ctx.state.webhooks.get(item.webhookId);
  if (!webhook) return;
  const [resource = '', event = ''] = webhook.topic.split('.');
  const payload =
    event === 'deleted' ? { id: item.resourceId } : deps.payloadFor(resource, item.resourceId, event);
  const body = phpJsonEncode(payload).trim();
  const now = Math.floor(Date.now() / 1000);
  const deliveryId = createHash('md5').update(`${webhook.id}${now}${ctx.storeId}`).digest('hex');
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': USER_AGENT,
    'X-WC-Webhook-Source': `${ctx.siteUrl}/`,
    'X-WC-Webhook-Topic': webhook.topic,
    'X-WC-Webhook-Resource': resource,
    'X-WC-Webhook-Event': event,
    'X-WC-Webhook-Signature': signBody(body, webhook.secret),
    'X-WC-Webhook-ID': String(webhook.id),
    'X-WC-Webhook-Delivery-ID': deliveryId,
  };
  const base = {
    deliveryId,
    webhookId: webhook.id,
    topic: webhook.topic,
    resourceId: item.resourceId,
    url: webhook.delivery_url,
    body,
    headers,
  };
  const faults = deps.faults();
  if (faults.dropWebhookRate > 0 && deps.random() < faults.dropWebhookRate) {
    record(ctx, {
      ...base,
      at: new Date().toISOString(),
      responseCode: null,
      success: false,
      dropped: true,
      duplicate: false,
      durationMs: 0,
    });
    return;
  }
  const copies = faults.duplicateWebhookRate > 0 && deps.random() < faults.duplicateWebhookRate ? 2 : 1;
  for (let copy = 0; copy < copies; copy += 1) {
    const started = Date.now();
    const result = await postRaw(deps.agents, webhook.delivery_url, body, headers, deps.timeoutMs);
    const success = result.status !== null && result.status >= 200 && result.status <= 302;
    countOutcome(ctx, webhook, success);
    record(ctx, {
      ...base,
      at: new Date(started).toISOString(),
      responseCode: result.status,
      success,
      dropped: false,
      duplicate: copy > 0,
      ...(result.error === undefined ? {} : { error: result.error }),
      durationMs: Date.now() - started,
    });
  }
}

/** The ping sent when a webhook is created over REST: form body, no signature; only 200 counts. */
export async function deliverPing(
  deps: DeliverDeps,
  webhook: WcWebhookRecord,
): Promise<{ ok: boolean; message?: string }> {
  const body = `webhook_id=${webhook.id}`;
  const headers = { 'User-Agent': USER_AGENT, 'Content-Type': 'application/x-www-form-urlencoded' };
  const started = Date.now();
  const result = await postRaw(
    deps.agents,
    webhook.delivery_url,
    body,
    headers,
    Math.min(deps.timeoutMs, 10_000),
  );
  const ok = result.status === 200;
  if (ok) webhook.pending_delivery = false;
  record(deps.ctx, {
    deliveryId: '',
    webhookId: webhook.id,
    topic: 'ping',
    resourceId: webhook.id,
    url: webhook.delivery_url,
    at: new Date(started).toISOString(),
    responseCode: result.status,
    success: ok,
    dropped: false,
    duplicate: false,
    ...(result.error === undefined ? {} : { error: result.error }),
    body,
    headers,
    durationMs: Date.now() - started,
  });
  if (ok) return { ok };
  return {
    ok,
    message:
      result.status === null
        ? `Error: Delivery URL cannot be reached: ${result.error ?? ''}`
        : `Error: Delivery URL returned response code: ${result.status}`,
  };
}
