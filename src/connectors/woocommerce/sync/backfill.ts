/**
 * Pages through a store's history into the inbox (same keys and version rule as the poller, so a
 * record already ingested collapses); a variable product's variations follow it. Resumable: after each page the position
 * (`{ page, lastId }`) is saved in the cursor `woocommerce:<store>:backfill:<collection>`; a rerun
 * continues there, and a finished run clears it. Records are listed oldest first by id, so new
 * records only append to the end while we page.
 *
 * @example
 * ```ts
 * const report = await backfill({ store, client, inbox: runtime.inbox, cursors: runtime.cursors, collection: 'orders', since: '2026-01-01' });
 * report.accepted; // records new to the hub
 * ```
 */
import type { Cursors, Inbox } from '../../../runtime/contracts.js';
import type { WooClient } from '../client.js';
import { polledInbound, stampOf, type WooResource } from '../inbound.js';
import type { WooStoreConfig } from '../types.js';
import type { Progress } from './progress.js';
import { acceptVariations, isVariableProduct, listVariations } from '../variations.js';

export type BackfillCollection = 'orders' | 'products' | 'customers';

export interface BackfillOptions {
  store: Pick<WooStoreConfig, 'id'>;
  client: Pick<WooClient, 'list' | 'listAll'>;
  inbox: Inbox;
  cursors: Cursors;
  collection: BackfillCollection;
  /** Only records created at or after this date (ISO, UTC). */
  since?: string;
  perPage?: number;
  progress?: Progress;
}

export interface BackfillReport {
  collection: BackfillCollection;
  pages: number;
  fetched: number;
  accepted: number;
  duplicate: number;
  stale: number;
  skipped: number;
  /** Variations of the variable products read (products only); counted in accepted/duplicate/stale too. */
  variations: number;
  resumedFromPage: number | undefined;
}

const RESOURCE: Record<BackfillCollection, WooResource> = {
  orders: 'order',
  products: 'product',
  customers: 'customer',
};

export const backfillCursorName = (storeId: string, collection: BackfillCollection): string =>
  `woocommerce:${storeId}:backfill:${collection}`;

interface Position {
  page: number;
  lastId: number;
  since: string | undefined;
}

function readPosition(value: string | undefined, since: string | undefined): Position | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<Position>;
    // A different --since is a different job: start over.
    if (
      typeof parsed.page !== 'number' ||
      typeof parsed.lastId !== 'number' ||
      (parsed.since ?? undefined) !== since
    )
      return undefined;
    return { page: parsed.page, lastId: parsed.lastId, since };
  } catch {
    return undefined;
  }
}

function sinceGmt(since: string | undefined): string | undefined {
  if (since === undefined) return undefined;
  const at = Date.parse(
    /T/.test(since) ? (/[zZ]|[+-]\d\d:?\d\d$/.test(since) ? since : `${since}Z`) : `${since}T00:00:00Z`,
  );
  if (Number.isNaN(at)) throw new Error(`--since ${since} is not a date (use YYYY-MM-DD or an ISO time)`);
  // WooCommerce's `after` bound is exclusive: one second earlier includes records at `since`.
  return new Date(at - 1000).toISOString().slice(0, 19);
}

function createdGmt(record: unknown): string | undefined {
  const value =
    typeof record === 'object' && record !== null
      ? (record as { date_created_gmt?: unknown }).date_created_gmt
      : undefined;
  return typeof value === 'string' ? value : undefined;
}

export async function backfill(options: BackfillOptions): Promise<BackfillReport> {
  const name = backfillCursorName(options.store.id, options.collection);
  const position = readPosition(await options.cursors.get(name), options.since);
  const after = sinceGmt(options.since);
  const report: BackfillReport = {
    collection: options.collection,
    pages: 0,
    fetched: 0,
    accepted: 0,
    duplicate: 0,
    stale: 0,
    skipped: 0,
    variations: 0,
    resumedFromPage: position?.page,
  };
  // Customers have no date filter in the REST API: filter them here instead.
  const query =
    options.collection === 'customers'
      ? { orderby: 'id', order: 'asc', role: 'all', per_page: options.perPage ?? 100 }
      : {
          orderby: 'id',
          order: 'asc',
          per_page: options.perPage ?? 100,
          ...(after ? { after, dates_are_gmt: true } : {}),
          ...(options.collection === 'orders' ? { status: 'any' } : {}),
        };
  // Resume one page early: a deletion since the last run shifts records back by one position.
  const startPage = position ? Math.max(1, position.page) : 1;
  let lastId = position?.lastId ?? 0;
  let done = position ? (position.page - 1) * (options.perPage ?? 100) : 0;

  for await (const page of options.client.list<unknown>(options.collection, query, startPage)) {
    report.pages += 1;
    report.fetched += page.items.length;
    const fresh = page.items.flatMap((item) => {
      const stamp = stampOf(item);
      if (stamp === undefined || stamp.id <= lastId) return [];
      const created = createdGmt(item);
      if (
        options.collection === 'customers' &&
        after !== undefined &&
        created !== undefined &&
        created <= after
      )
        return [];
      return [{ item, stamp }];
    });
    report.skipped += page.items.length - fresh.length;
    const results = await Promise.all(
      fresh.map(({ item, stamp }) =>
        options.inbox.accept(polledInbound(options.store.id, RESOURCE[options.collection], item, stamp)),
      ),
    );
    for (const r of results) report[r.status] += 1;
    if (options.collection === 'products') {
      for (const { item } of fresh) {
        if (!isVariableProduct(item)) continue;
        const variations = await listVariations(options.client, item.id);
        report.variations += variations.length;
        for (const { result } of await acceptVariations(options.inbox, options.store.id, variations))
          report[result.status] += 1;
      }
    }
    lastId = Math.max(lastId, ...fresh.map((f) => f.stamp.id));
    done += page.items.length;
    await options.cursors.set(name, JSON.stringify({ page: page.page, lastId, since: options.since }));
    options.progress?.update(done, page.total);
  }
  await options.cursors.set(name, '');
  options.progress?.done();
  return report;
}
