/**
 * The replay of kept webhook refusals, whatever ingress refused them: each goes through its own
 * ingest again (same checks, configuration as it is now) and so into the inbox. One place for the
 * hub's admin API (`create-hub.ts`) and `retail-hub dead-letters replay --rejected`. The ingests
 * here keep no refusal and count nothing: a replay that is refused again only updates the kept
 * row's last result.
 *
 * @example
 * ```ts
 * const replay = createRejectedReplay({ stores: config.stores, warehouses: wmsWebhookWarehouses(config), inbox: runtime.inbox, log });
 * const { result, done } = await replay(message); // e.g. { result: 'accepted', done: true }
 * ```
 */
import type { Logger } from 'pino';
import type { HubConfig } from '../config/schema.js';
import {
  createWooWebhookIngest,
  replayRejectedWebhook,
  WOO_INGRESS,
  type WooWebhookIngestOptions,
} from '../connectors/woocommerce/webhook-ingest.js';
import {
  createWmsWebhookIngest,
  replayRejectedWmsWebhook,
  WMS_INGRESS,
  type WmsWebhookIngestOptions,
  type WmsWebhookWarehouse,
} from '../connectors/wms/webhook-ingest.js';
import type { Inbox } from '../runtime/contracts.js';
import { NOT_REPLAYABLE, type ReplayRejected } from '../runtime/dead-letters/rejected-messages.js';

export interface RejectedReplayOptions {
  /** The WooCommerce stores as configured now; without them Woo refusals are not replayable. */
  stores?: WooWebhookIngestOptions['stores'];
  /** The WMS warehouses as configured now; without them WMS refusals are not replayable. */
  warehouses?: WmsWebhookIngestOptions['warehouses'];
  inbox: Inbox;
  log: Logger;
}

export function createRejectedReplay(options: RejectedReplayOptions): ReplayRejected {
  const { inbox, log } = options;
  const woo = options.stores && createWooWebhookIngest({ stores: options.stores, inbox, log });
  const wms = options.warehouses && createWmsWebhookIngest({ warehouses: options.warehouses, inbox, log });
  return async (message) => {
    if (message.ingress === WOO_INGRESS && woo) return replayRejectedWebhook(woo, message);
    if (message.ingress === WMS_INGRESS && wms) return replayRejectedWmsWebhook(wms, message);
    return { result: NOT_REPLAYABLE, done: false };
  };
}

/** Every warehouse the hub takes WMS webhooks from (its own and drop-ship suppliers), with its secret. */
export function wmsWebhookWarehouses(
  config: Pick<HubConfig, 'warehouses' | 'dropship'>,
): WmsWebhookWarehouse[] {
  return [...config.warehouses, ...(config.dropship ?? [])].map((w) => ({
    id: w.id,
    webhookSecret: w.wms.webhookSecret,
  }));
}
