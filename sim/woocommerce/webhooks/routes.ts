/**
 * `/wc/v3/webhooks` CRUD: topic and URL validation, a 50-character default secret, `secret` never
 * returned, the creation ping (result ignored, as the REST controller does), and delete only with
 * `force=true`.
 */
import { randomInt } from 'node:crypto';
import type { StoreContext } from '../context.js';
import { link, restUrl } from '../context.js';
import { runBatch } from '../batch.js';
import { WcError } from '../errors.js';
import { paginate, sortBy } from '../pagination.js';
import { bool, collectionParams } from '../params.js';
import type { Router } from '../router.js';
import { created, ok } from '../router.js';
import type { WcWebhookRecord, WebhookStatus } from '../types.js';
import { hooksOf, isValidTopic } from './topics.js';

type Body = Record<string, unknown>;
const STATUSES: WebhookStatus[] = ['active', 'paused', 'disabled'];
const PASSWORD_CHARS =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_ []{}<>~`+=,.;:/?|';

/** `wp_generate_password(50, true, true)` */
export function generateSecret(): string {
  let out = '';
  for (let i = 0; i < 50; i += 1) out += PASSWORD_CHARS[randomInt(PASSWORD_CHARS.length)];
  return out;
}

export function webhookResponse(ctx: StoreContext, webhook: WcWebhookRecord): Record<string, unknown> {
  const {
    secret: _secret,
    failure_count: _failures,
    pending_delivery: _pending,
    api_version: _version,
    ...visible
  } = webhook;
  return {
    ...visible,
    _links: {
      self: link(restUrl(ctx, `/wc/v3/webhooks/${webhook.id}`)),
      collection: link(restUrl(ctx, '/wc/v3/webhooks')),
    },
  };
}

function applyWebhookInput(webhook: WcWebhookRecord, body: Body): void {
  if (body.topic !== undefined) {
    const topic = String(body.topic);
    if (!isValidTopic(topic))
      throw new WcError(
        400,
        'woocommerce_rest_webhook_invalid_topic',
        'Webhook topic is required and must be valid.',
      );
    webhook.topic = topic;
    const [resource = '', event = ''] = topic.split('.');
    webhook.resource = resource;
    webhook.event = event;
    webhook.hooks = hooksOf(topic);
  }
  if (body.delivery_url !== undefined) {
    const url = String(body.delivery_url);
    if (!/^https?:\/\/[^\s]+$/i.test(url))
      throw new WcError(
        400,
        'woocommerce_rest_webhook_invalid_delivery_url',
        'Webhook delivery URL must be a valid URL starting with http:// or https://.',
      );
    webhook.delivery_url = url;
  }
  if (body.status !== undefined) {
    const status = String(body.status) as WebhookStatus;
    if (!STATUSES.includes(status))
      throw new WcError(400, 'rest_invalid_param', 'Invalid parameter(s): status', {
        params: { status: 'status is not one of active, paused, and disabled.' },
      });
    webhook.status = status;
  }
  if (typeof body.name === 'string') webhook.name = body.name;
  if (typeof body.secret === 'string' && body.secret !== '') webhook.secret = body.secret;
}

/** Creates a webhook (no ping); used by REST create and by the `webhookUrl` option. */
export function createWebhook(ctx: StoreContext, body: Body): WcWebhookRecord {
  if (body.topic === undefined || !isValidTopic(String(body.topic)))
    throw new WcError(
      400,
      'woocommerce_rest_webhook_invalid_topic',
      'Webhook topic is required and must be valid.',
    );
  const now = ctx.now();
  const webhook: WcWebhookRecord = {
    id: ctx.state.next('webhook'),
    name: `Webhook created on ${new Date(`${now.local}Z`).toUTCString().replace(' GMT', '')}`,
    status: 'active',
    topic: '',
    resource: '',
    event: '',
    hooks: [],
    delivery_url: '',
    date_created: now.local,
    date_created_gmt: now.gmt,
    date_modified: now.local,
    date_modified_gmt: now.gmt,
    secret: generateSecret(),
    failure_count: 0,
    pending_delivery: true,
    api_version: 'wp_api_v3',
  };
  applyWebhookInput(webhook, body);
  if (!webhook.delivery_url)
    throw new WcError(
      400,
      'woocommerce_rest_webhook_invalid_delivery_url',
      'Webhook delivery URL must be a valid URL starting with http:// or https://.',
    );
  ctx.state.webhooks.set(webhook.id, webhook);
  return webhook;
}

function webhookOrThrow(ctx: StoreContext, id: number, method: string): WcWebhookRecord {
  const webhook = ctx.state.webhooks.get(id);
  if (!webhook)
    throw new WcError(
      method === 'GET' || method === 'DELETE' ? 404 : 400,
      'woocommerce_rest_webhook_invalid_id',
      'Invalid webhook ID.',
    );
  return webhook;
}

function updateWebhook(ctx: StoreContext, webhook: WcWebhookRecord, body: Body): WcWebhookRecord {
  applyWebhookInput(webhook, body);
  const now = ctx.now();
  webhook.date_modified = now.local;
  webhook.date_modified_gmt = now.gmt;
  return webhook;
}

export function registerWebhookRoutes(
  router: Router,
  ping: (webhook: WcWebhookRecord) => Promise<unknown>,
): void {
  router.add('GET', '/wc/v3/webhooks', 'list', (ctx, request) => {
    const params = collectionParams(request.input, ['date', 'id', 'include', 'title', 'slug', 'modified']);
    const status = typeof request.input.status === 'string' ? request.input.status : 'all';
    const items = [...ctx.state.webhooks.values()].filter((w) => status === 'all' || w.status === status);
    sortBy(items, (w) => (params.orderby === 'id' ? w.id : w.date_created_gmt), params.order);
    return paginate(
      items,
      params,
      { baseUrl: restUrl(ctx, '/wc/v3/webhooks'), rawQuery: request.rawQuery },
      (w) => webhookResponse(ctx, w),
    );
  });
  router.add('POST', '/wc/v3/webhooks', 'create', async (ctx, request) => {
    const webhook = createWebhook(ctx, request.input);
    if (webhook.status === 'active') await ping(webhook);
    return created(webhookResponse(ctx, webhook), restUrl(ctx, `/wc/v3/webhooks/${webhook.id}`));
  });
  router.add(['POST', 'PUT', 'PATCH'], '/wc/v3/webhooks/batch', 'batch', (ctx, request) =>
    runBatch(ctx, request, {
      create: (c, body) => webhookResponse(c, createWebhook(c, body)),
      update: (c, id, body) => webhookResponse(c, updateWebhook(c, webhookOrThrow(c, id, 'PUT'), body)),
      delete: (c, id) => {
        const response = webhookResponse(c, webhookOrThrow(c, id, 'DELETE'));
        c.state.webhooks.delete(id);
        return response;
      },
    }),
  );
  router.add('GET', '/wc/v3/webhooks/(?<id>\\d+)', 'view', (ctx, request) =>
    ok(webhookResponse(ctx, webhookOrThrow(ctx, Number(request.params.id), 'GET'))),
  );
  router.add(['POST', 'PUT', 'PATCH'], '/wc/v3/webhooks/(?<id>\\d+)', 'edit', async (ctx, request) => {
    const webhook = updateWebhook(
      ctx,
      webhookOrThrow(ctx, Number(request.params.id), request.method),
      request.input,
    );
    // Saving an active webhook that never got a 200 ping pings again (WC_Webhook_Data_Store::update).
    if (webhook.status === 'active' && webhook.pending_delivery) await ping(webhook);
    return ok(webhookResponse(ctx, webhook));
  });
  router.add('DELETE', '/wc/v3/webhooks/(?<id>\\d+)', 'delete', (ctx, request) => {
    const webhook = webhookOrThrow(ctx, Number(request.params.id), 'DELETE');
    if (!bool(request.input.force))
      throw new WcError(501, 'woocommerce_rest_trash_not_supported', 'Webhooks do not support trashing.');
    const response = webhookResponse(ctx, webhook);
    ctx.state.webhooks.delete(webhook.id);
    return ok(response);
  });
}
