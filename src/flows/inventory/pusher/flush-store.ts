import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { stockUpdateItem, type StockUpdateItem } from '../../../connectors/woocommerce/mapping.js';
import type { BatchItemResult } from '../../../connectors/woocommerce/batch.js';
import { classify } from '../../../runtime/errors.js';
import type { Database } from '../../../store/schema.js';
import { deletePending } from './delete-pending.js';
import type { PropagationHistogram } from './lag-metrics.js';
import { recordAcks, type AckedPush } from './record-ack.js';
import { reportPushFailure } from './report-failure.js';
import { forgetWooId, resolveWooIds } from './resolve-woo-ids.js';
import { reschedulePush } from './retry-schedule.js';
import { stockFields, type StockPushPolicy } from './stock-policy.js';
import type { WooStockPort } from './woo-port.js';

export interface FlushDeps {
  db: Kysely<Database>;
  woo: (storeId: string) => WooStockPort;
  lag: PropagationHistogram;
  policy: StockPushPolicy;
  log: Logger;
}

export interface FlushResult {
  /** Items acknowledged by the store. */
  pushed: number;
  /** Queued values equal to what the store already acknowledged: nothing to send. */
  skipped: number;
  /** Items scheduled for another attempt. */
  retrying: number;
  /** Items refused for good (reported on the SKU timeline). */
  failed: number;
  /** Batch requests sent. */
  batches: number;
}

interface Due {
  sku: string;
  quantity: number;
  changedAt: string;
  queuedAt: string;
  attempts: number;
}

const MAX_PER_FLUSH = 2_000;
const STALE_ID_CODES = new Set([
  'woocommerce_rest_product_invalid_id',
  'woocommerce_rest_invalid_product_id',
]);

/**
 * Sends one store's due stock values: drops those equal to what the store last acknowledged,
 * resolves WooCommerce ids, and writes simple products through `products/batch` and variations
 * through `products/<parent>/variations/batch` (≤ 100 items per call, inside the store's rate
 * limit via the client's policy). Each item's result is read on its own: acknowledged, retried
 * later (transient) or reported (permanent).
 *
 * @example
 * ```ts
 * const result = await flushStore(deps, 'eu'); // { pushed: 12, skipped: 0, retrying: 0, failed: 0, batches: 2 }
 * ```
 */
export async function flushStore(deps: FlushDeps, storeId: string, now = new Date()): Promise<FlushResult> {
  const result: FlushResult = { pushed: 0, skipped: 0, retrying: 0, failed: 0, batches: 0 };
  const rows = await deps.db
    .selectFrom('stock_push_pending')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('queued_at')
    .limit(MAX_PER_FLUSH)
    .execute();
  if (rows.length === 0) return result;
  const due: Due[] = rows.map((r) => ({
    sku: r.sku,
    quantity: Number(r.quantity),
    changedAt: r.changed_at,
    queuedAt: r.queued_at,
    attempts: Number(r.attempts),
  }));
  const acked = new Map(
    (
      await deps.db
        .selectFrom('stock_push_acked')
        .select(['sku', 'quantity'])
        .where('store_id', '=', storeId)
        .where(
          'sku',
          'in',
          due.map((d) => d.sku),
        )
        .execute()
    ).map((r) => [r.sku, Number(r.quantity)]),
  );
  const unchanged = due.filter((d) => acked.get(d.sku) === d.quantity);
  for (const d of unchanged) await deletePending(deps.db, storeId, d.sku, d.queuedAt);
  result.skipped = unchanged.length;
  const toSend = due.filter((d) => acked.get(d.sku) !== d.quantity);
  if (toSend.length === 0) return result;

  const client = deps.woo(storeId);
  let refs;
  try {
    refs = await resolveWooIds(
      deps.db,
      client,
      storeId,
      toSend.map((d) => d.sku),
    );
  } catch (error) {
    const c = classify(error);
    await reschedulePush(deps.db, storeId, toSend, `${c.code}: ${c.message}`, c.retryAfterMs, now);
    result.retrying += toSend.length;
    return result;
  }
  const unknown = toSend.filter((d) => !refs.has(d.sku));
  await reportPushFailure(
    deps.db,
    storeId,
    unknown.map((d) => ({
      sku: d.sku,
      queuedAt: d.queuedAt,
      code: 'unknown_sku',
      message: `no product or variation with SKU ${d.sku}`,
    })),
    now,
  );
  result.failed += unknown.length;

  const groups = new Map<string, { due: Due; item: StockUpdateItem }[]>();
  for (const d of toSend) {
    const ref = refs.get(d.sku);
    if (!ref) continue;
    const resource = ref.parentId > 0 ? `products/${ref.parentId}/variations` : 'products';
    const list = groups.get(resource) ?? [];
    list.push({
      due: d,
      item: stockUpdateItem({
        wooId: ref.wooId,
        quantity: d.quantity,
        ...stockFields(d.quantity, deps.policy),
      }),
    });
    groups.set(resource, list);
  }
  await Promise.all(
    [...groups].map(async ([resource, entries]) => {
      result.batches += Math.ceil(entries.length / 100);
      const outcome = await sendGroup(deps, storeId, client, resource, entries, now);
      result.pushed += outcome.pushed;
      result.retrying += outcome.retrying;
      result.failed += outcome.failed;
    }),
  );
  return result;
}

async function sendGroup(
  deps: FlushDeps,
  storeId: string,
  client: WooStockPort,
  resource: string,
  entries: { due: Due; item: StockUpdateItem }[],
  now: Date,
): Promise<Pick<FlushResult, 'pushed' | 'retrying' | 'failed'>> {
  let results: BatchItemResult<{ stock_quantity?: number | null }>[];
  try {
    results = (
      await client.batch<{ stock_quantity?: number | null }>(resource, { update: entries.map((e) => e.item) })
    ).update;
  } catch (error) {
    const c = classify(error);
    if (c.kind === 'transient') {
      await reschedulePush(
        deps.db,
        storeId,
        entries.map((e) => e.due),
        `${c.code}: ${c.message}`,
        c.retryAfterMs,
        now,
      );
      deps.log.warn(
        { store: storeId, resource, code: c.code, items: entries.length },
        'stock batch failed; will retry',
      );
      return { pushed: 0, retrying: entries.length, failed: 0 };
    }
    await reportPushFailure(
      deps.db,
      storeId,
      entries.map((e) => ({ sku: e.due.sku, queuedAt: e.due.queuedAt, code: c.code, message: c.message })),
      now,
    );
    return { pushed: 0, retrying: 0, failed: entries.length };
  }
  const acks: AckedPush[] = [];
  const retry: Due[] = [];
  const failures: { sku: string; queuedAt: string; code: string; message: string }[] = [];
  for (const [i, entry] of entries.entries()) {
    const r = results[i];
    if (r?.ok) {
      acks.push({
        sku: entry.due.sku,
        quantity: entry.due.quantity,
        changedAt: entry.due.changedAt,
        queuedAt: entry.due.queuedAt,
      });
      continue;
    }
    const error = r?.error ?? {
      code: 'missing_result',
      message: 'the batch answer has no result for this item',
      status: undefined,
    };
    if (STALE_ID_CODES.has(error.code) || error.status === 404) {
      retry.push(entry.due);
      await forgetWooId(deps.db, storeId, entry.due.sku);
    } else if (error.status === undefined || error.status === 429 || error.status >= 500)
      retry.push(entry.due);
    else
      failures.push({
        sku: entry.due.sku,
        queuedAt: entry.due.queuedAt,
        code: error.code,
        message: error.message,
      });
  }
  await recordAcks(deps.db, deps.lag, storeId, acks, new Date());
  await reschedulePush(deps.db, storeId, retry, 'item failed transiently', undefined, now);
  await reportPushFailure(deps.db, storeId, failures, now);
  return { pushed: acks.length, retrying: retry.length, failed: failures.length };
}
