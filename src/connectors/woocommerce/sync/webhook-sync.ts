/**
 * Makes a store's webhooks match what the hub needs: one `active` webhook per topic, delivering to
 * `<publicUrl>/webhooks/woocommerce/<storeId>` with the store's secret. Missing ones are created,
 * `disabled`/`paused` ones re-activated (WooCommerce disables a webhook after repeated delivery
 * failures and never re-enables it), duplicates deleted. Webhooks pointing elsewhere are left alone.
 *
 * @example
 * ```ts
 * const changes = await syncWebhooks({ storeId: 'eu', client, publicUrl: 'https://hub.example.com', secret });
 * console.log(formatWebhookChanges(changes));
 * ```
 */
import type { WooClient, WooWebhook } from '../client.js';

export const HUB_TOPICS = [
  'order.created',
  'order.updated',
  'order.deleted',
  'order.restored',
  'product.created',
  'product.updated',
  'customer.created',
  'customer.updated',
] as const;

export type WebhookAction = 'created' | 'reactivated' | 'deleted-duplicate' | 'unchanged';

export interface WebhookChange {
  storeId: string;
  topic: string;
  action: WebhookAction;
  webhookId: number;
  /** The status before the change (`disabled` tells that deliveries were failing). */
  previousStatus?: string;
}

export interface SyncWebhooksOptions {
  storeId: string;
  client: Pick<WooClient, 'listWebhooks' | 'createWebhook' | 'updateWebhook' | 'deleteWebhook'>;
  publicUrl: string;
  secret: string;
  topics?: readonly string[];
}

export function deliveryUrl(publicUrl: string, storeId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/webhooks/woocommerce/${storeId}`;
}

export async function syncWebhooks(options: SyncWebhooksOptions): Promise<WebhookChange[]> {
  const url = deliveryUrl(options.publicUrl, options.storeId);
  const existing = (await options.client.listWebhooks()).filter((w) => w.delivery_url === url);
  const changes: WebhookChange[] = [];
  for (const topic of options.topics ?? HUB_TOPICS) {
    const matching = existing
      .filter((w) => w.topic === topic)
      .sort((a, b) => rank(a) - rank(b) || a.id - b.id);
    const [keep, ...duplicates] = matching;
    if (keep === undefined) {
      const created = await options.client.createWebhook({
        name: `Retail Hub ${topic}`,
        topic,
        delivery_url: url,
        secret: options.secret,
        status: 'active',
      });
      changes.push({ storeId: options.storeId, topic, action: 'created', webhookId: created.id });
    } else if (keep.status !== 'active') {
      // The secret is write-only, so it is re-sent: a rotated config secret takes effect here too.
      await options.client.updateWebhook(keep.id, { status: 'active', secret: options.secret });
      changes.push({
        storeId: options.storeId,
        topic,
        action: 'reactivated',
        webhookId: keep.id,
        previousStatus: keep.status,
      });
    } else {
      changes.push({ storeId: options.storeId, topic, action: 'unchanged', webhookId: keep.id });
    }
    for (const duplicate of duplicates) {
      await options.client.deleteWebhook(duplicate.id);
      changes.push({
        storeId: options.storeId,
        topic,
        action: 'deleted-duplicate',
        webhookId: duplicate.id,
        previousStatus: duplicate.status,
      });
    }
  }
  return changes;
}

/** Prefer keeping an active webhook over a paused or disabled one. */
function rank(webhook: WooWebhook): number {
  return webhook.status === 'active' ? 0 : webhook.status === 'paused' ? 1 : 2;
}

export function formatWebhookChanges(changes: readonly WebhookChange[]): string {
  const header = ['STORE', 'TOPIC', 'ACTION', 'WEBHOOK', 'WAS'];
  const rows = changes.map((c) => [
    c.storeId,
    c.topic,
    c.action,
    String(c.webhookId),
    c.previousStatus ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
