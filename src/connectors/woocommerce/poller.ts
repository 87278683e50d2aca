/**
 * Polls a store for records modified since a durable cursor and feeds each one into the same inbox
 * path as webhooks — WooCommerce drops and coalesces webhooks, so this is what guarantees nothing
 * is missed. Dedupe key `poll:<id>:<date_modified_gmt>` plus the shared version rule make a record
 * already received by webhook (or an older state) collapse in the inbox.
 *
 * Paging is keyset-style on `date_modified_gmt` (`orderby=modified&order=asc`): after each full
 * page the next query restarts from the last stamp seen (minus one second, as the bound is
 * exclusive and stamps are per second), so records modified while we page cannot shift past us.
 * The cursor advances to the newest stamp fed, and every poll re-reads an overlap window before it.
 *
 * @example
 * ```ts
 * const poller = createWooPoller({ store, client, inbox: runtime.inbox, cursors: runtime.cursors, log });
 * await poller.pollOnce();   // in tests
 * poller.start();            // every store.poll.intervalSeconds (default 60)
 * await poller.stop();
 * ```
 */
import type { Logger } from 'pino';
import type { AcceptResult, Cursors, Inbox } from '../../runtime/contracts.js';
import type { WooClient } from './client.js';
import { polledInbound, stampOf, type WooResource } from './inbound.js';
import { MAX_PER_PAGE } from './pagination.js';
import { acceptVariations, isVariableProduct, listVariations } from './variations.js';
import type { WooStoreConfig } from './types.js';

export type PolledCollection = 'orders' | 'products';

export interface WooPollerOptions {
  store: Pick<WooStoreConfig, 'id' | 'poll'>;
  client: Pick<WooClient, 'request' | 'listAll'>;
  inbox: Inbox;
  cursors: Cursors;
  log: Logger;
  /** Default `['orders']`; add `products` when the store owns product data. */
  collections?: readonly PolledCollection[];
  /** Re-read this far behind the cursor on every poll (default 120 s). */
  overlapSeconds?: number;
  /** Where the first poll starts without a cursor (default 24 h ago); history is `backfill`'s job. */
  initialLookbackSeconds?: number;
  perPage?: number;
  now?: () => Date;
}

export interface PollReport {
  /** `variations`: of every variable product, polled with `products`. */
  collection: PolledCollection | 'variations';
  fetched: number;
  accepted: number;
  duplicate: number;
  stale: number;
  cursor: string | undefined;
}

export interface WooPoller {
  pollOnce(): Promise<PollReport[]>;
  start(): void;
  stop(): Promise<void>;
}

const RESOURCE: Record<PolledCollection, WooResource> = { orders: 'order', products: 'product' };

/** `2026-01-01T10:00:00` ± seconds, in WooCommerce's offset-less GMT form. */
export function shiftGmt(value: string, seconds: number): string {
  return new Date(Date.parse(`${value}Z`) + seconds * 1000).toISOString().slice(0, 19);
}

export const pollCursorName = (storeId: string, collection: PolledCollection | 'variations'): string =>
  `woocommerce:${storeId}:${collection}`;

export function createWooPoller(options: WooPollerOptions): WooPoller {
  const collections =
    options.collections ?? (options.store.poll?.products ? ['orders', 'products'] : ['orders']);
  const overlap = options.overlapSeconds ?? 120;
  const perPage = Math.min(options.perPage ?? MAX_PER_PAGE, MAX_PER_PAGE);
  const now = options.now ?? (() => new Date());
  const intervalMs = (options.store.poll?.intervalSeconds ?? 60) * 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  async function pollCollection(collection: PolledCollection): Promise<PollReport> {
    const name = pollCursorName(options.store.id, collection);
    const saved = await options.cursors.get(name);
    const start = startOf(saved);
    const report: PollReport = { collection, fetched: 0, accepted: 0, duplicate: 0, stale: 0, cursor: saved };
    const fed = new Set<string>();
    let newest = start;
    let after = shiftGmt(start, -overlap);
    let page = 1;
    for (;;) {
      const query = {
        modified_after: after,
        dates_are_gmt: true,
        orderby: 'modified',
        order: 'asc',
        per_page: perPage,
        page,
      };
      const { body } = await options.client.request<unknown[]>('GET', collection, { query });
      const items = Array.isArray(body) ? body : [];
      const fresh = items.flatMap((item) => {
        const stamp = stampOf(item);
        if (stamp === undefined || stamp.modifiedGmt === undefined) return [];
        const key = `${stamp.id}:${stamp.modifiedGmt}`;
        if (fed.has(key)) return [];
        fed.add(key);
        return [{ item, stamp }];
      });
      const results = await Promise.all(
        fresh.map(({ item, stamp }) =>
          options.inbox.accept(polledInbound(options.store.id, RESOURCE[collection], item, stamp)),
        ),
      );
      count(report, results);
      report.fetched += items.length;
      for (const { stamp } of fresh)
        if (stamp.modifiedGmt !== undefined && stamp.modifiedGmt > newest) newest = stamp.modifiedGmt;
      if (items.length < perPage) break;
      const last = stampOf(items[items.length - 1])?.modifiedGmt;
      const restart = last === undefined ? undefined : shiftGmt(last, -1);
      if (restart !== undefined && restart > after) {
        after = restart;
        page = 1;
      } else {
        page += 1; // a full page within one second: step through it by page number
      }
    }
    // Only move forward, and only after every record up to `newest` is durably in the inbox.
    if (newest !== saved && (saved === undefined || newest > saved)) await options.cursors.set(name, newest);
    report.cursor = newest;
    return report;
  }

  const startOf = (saved: string | undefined): string =>
    saved ?? shiftGmt(now().toISOString().slice(0, 19), -(options.initialLookbackSeconds ?? 86_400));

  /**
   * A variation's change need not touch its parent, so every variable product's variations are
   * listed with `modified_after` (one request per variable product per poll, behind the store's
   * rate limit), with their own cursor.
   */
  async function pollVariations(): Promise<PollReport> {
    const name = pollCursorName(options.store.id, 'variations');
    const saved = await options.cursors.get(name);
    const start = startOf(saved);
    const report: PollReport = {
      collection: 'variations',
      fetched: 0,
      accepted: 0,
      duplicate: 0,
      stale: 0,
      cursor: saved,
    };
    const query = { modified_after: shiftGmt(start, -overlap), dates_are_gmt: true };
    const parents = await options.client.listAll<unknown>('products', {
      type: 'variable',
      per_page: perPage,
    });
    let newest = start;
    for (const parent of parents) {
      if (!isVariableProduct(parent)) continue;
      const variations = await listVariations(options.client, parent.id, query);
      report.fetched += variations.length;
      for (const { modifiedGmt, result } of await acceptVariations(
        options.inbox,
        options.store.id,
        variations,
      )) {
        report[result.status] += 1;
        if (modifiedGmt !== undefined && modifiedGmt > newest) newest = modifiedGmt;
      }
    }
    if (newest !== saved && (saved === undefined || newest > saved)) await options.cursors.set(name, newest);
    report.cursor = newest;
    return report;
  }

  async function pollOnce(): Promise<PollReport[]> {
    const reports: PollReport[] = [];
    for (const collection of collections) reports.push(await pollCollection(collection));
    if (collections.includes('products')) reports.push(await pollVariations());
    for (const r of reports)
      if (r.accepted > 0)
        options.log.info({ store: options.store.id, ...r }, 'woocommerce poll found changes');
    return reports;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pollOnce()
        .catch((error: unknown) =>
          options.log.warn(
            { store: options.store.id, err: error },
            'woocommerce poll failed; retrying next interval',
          ),
        )
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    pollOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

function count(report: PollReport, results: readonly AcceptResult[]): void {
  for (const r of results) report[r.status] += 1;
}
