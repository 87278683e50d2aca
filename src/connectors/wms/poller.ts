/**
 * Catches WMS events whose webhooks never arrived (the hub was down longer than the WMS retries):
 * reads the WMS event feed from a durable cursor and writes each event to the inbox exactly as the
 * webhook route would (dedupe key = event id, version = sequence), so an event seen both ways is
 * processed once. The cursor moves only after the page is stored.
 *
 * @example
 * ```ts
 * const poller = createWmsEventPoller({ warehouseId: 'main', client, inbox: runtime.inbox, cursors: runtime.cursors, log });
 * await poller.pollOnce(); // { stored: 3, duplicates: 12, stale: 0 }
 * ```
 */
import type { Logger } from 'pino';
import type { Cursors, Inbox } from '../../runtime/contracts.js';
import type { WmsClient } from './client.js';
import { inboundForWmsEvent } from './webhooks.js';

export interface WmsEventPollerOptions {
  warehouseId: string;
  client: Pick<WmsClient, 'listEvents'>;
  inbox: Inbox;
  cursors: Cursors;
  log: Logger;
  pageSize?: number;
  /** Pages per run at most, so one run cannot monopolise the worker after a long outage. */
  maxPages?: number;
}

export interface WmsPollResult {
  stored: number;
  duplicates: number;
  stale: number;
}

export function createWmsEventPoller(options: WmsEventPollerOptions): { pollOnce(): Promise<WmsPollResult> } {
  const cursorName = `wms:${options.warehouseId}:events`;
  return {
    async pollOnce() {
      const result: WmsPollResult = { stored: 0, duplicates: 0, stale: 0 };
      let after = Number((await options.cursors.get(cursorName)) ?? '0');
      for (let page = 0; page < (options.maxPages ?? 20); page += 1) {
        const { data, next, hasMore } = await options.client.listEvents(after, options.pageSize ?? 200);
        for (const event of data) {
          if (event.warehouse !== options.warehouseId) continue;
          const accepted = await options.inbox.accept(
            inboundForWmsEvent(options.warehouseId, event, JSON.stringify(event), { 'x-wms-source': 'poll' }),
          );
          if (accepted.status === 'accepted') result.stored += 1;
          else if (accepted.status === 'duplicate') result.duplicates += 1;
          else result.stale += 1;
        }
        if (next !== after) await options.cursors.set(cursorName, String(next));
        after = next;
        if (!hasMore) break;
      }
      if (result.stored > 0)
        options.log.info({ warehouse: options.warehouseId, ...result }, 'wms events caught by polling');
      return result;
    },
  };
}
