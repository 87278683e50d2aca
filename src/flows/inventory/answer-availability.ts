/**
 * The sync answers, computed from the in-memory projections only (no I/O on the request path):
 * availability per SKU for a store, and checkout validation line by line. When the stock feed is
 * stale the answers say so and follow `inventory.fallback`.
 *
 * @example
 * ```ts
 * const answer = answerAvailability({ cache, settings }, 'eu', ['MUG']);
 * // { store: 'eu', stale: false, ageSeconds: 3.2, items: [{ sku: 'MUG', available: 7, … }] }
 * ```
 */
import { Decimal } from 'decimal.js';
import { currentAmount, priceForStore } from '../catalogue/store-price.js';
import type { AvailabilityCache } from './availability-cache.js';
import type { TakeHoldsResult } from './take-holds.js';
import { feedHealth } from './feed-health.js';
import type { InventorySettings } from './settings.js';

export interface AnswerDeps {
  cache: AvailabilityCache;
  settings: InventorySettings;
  /** Takes checkout holds (`take-holds.ts`); without it `hold: true` is answered without holding. */
  takeHolds?: (
    storeId: string,
    lines: readonly { sku: string; quantity: number }[],
    now: Date,
  ) => Promise<TakeHoldsResult>;
  /** Gives a basket's holds back (`release-holds.ts`): false when none is live under that id. */
  releaseHolds?: (holdId: string, now: Date) => Promise<boolean>;
  stores: readonly { id: string; currency: string; pricelist?: string | undefined }[];
}

export interface AvailabilityItem {
  sku: string;
  available: number;
  onHand: number;
  reserved: number;
  safetyStock: number;
  /** When the ERP figures behind it were reported; null for a SKU the hub has no stock of. */
  asOf: string | null;
}

export interface AvailabilityAnswer {
  store: string;
  stale: boolean;
  ageSeconds: number | null;
  items: AvailabilityItem[];
}

export type LineStatus = 'ok' | 'short' | 'price_changed' | 'unknown_sku' | 'stock_unknown';

export interface CheckoutLineAnswer {
  sku: string;
  quantity: number;
  status: LineStatus;
  available?: number;
  price?: { amount: string; currency: string };
}

export interface CheckoutAnswer {
  store: string;
  ok: boolean;
  stale: boolean;
  ageSeconds: number | null;
  lines: CheckoutLineAnswer[];
  /** With `hold: true` and every line ok: until when the units are held (ISO). */
  heldUntil?: string;
  /** With `heldUntil`: the basket's hold id, for the order's `_retail_hub_hold_id` meta or a DELETE. */
  holdId?: string;
}

export function answerAvailability(
  deps: AnswerDeps,
  storeId: string,
  skus: readonly string[],
  now = Date.now(),
): AvailabilityAnswer {
  const health = feedHealth(deps.cache.lastFeedSuccess(), deps.settings.staleAfterSeconds, now);
  const refuse = health.stale && deps.settings.fallback === 'refuse';
  return {
    store: storeId,
    stale: health.stale,
    ageSeconds: health.ageSeconds,
    items: skus.map((sku) => {
      const row = deps.cache.availability(storeId, sku);
      const safetyStock = deps.settings.safetyStockFor(storeId, sku);
      if (!row) return { sku, available: 0, onHand: 0, reserved: 0, safetyStock, asOf: null };
      return {
        sku,
        available: refuse ? 0 : row.available,
        onHand: row.onHand,
        reserved: row.reserved,
        safetyStock: row.safetyStock,
        asOf: row.asOf,
      };
    }),
  };
}

export function answerCheckout(
  deps: AnswerDeps,
  storeId: string,
  lines: readonly { sku: string; quantity: number; expectedPrice?: string | undefined }[],
  now = new Date(),
): CheckoutAnswer {
  const store = deps.stores.find((s) => s.id === storeId);
  const health = feedHealth(deps.cache.lastFeedSuccess(), deps.settings.staleAfterSeconds, now.getTime());
  const refuse = health.stale && deps.settings.fallback === 'refuse';
  const nowIso = now.toISOString();
  // Two lines of one SKU draw on the same units.
  const asked = new Map<string, number>();
  const answers = lines.map((line): CheckoutLineAnswer => {
    const row = deps.cache.availability(storeId, line.sku);
    const prices = deps.cache.prices(line.sku);
    const price = store ? priceForStore(prices, store) : undefined;
    if (!row && !price) return { sku: line.sku, quantity: line.quantity, status: 'unknown_sku' };
    if (refuse) return { sku: line.sku, quantity: line.quantity, status: 'stock_unknown', available: 0 };
    const short = shortLine(asked, line, row?.available ?? 0);
    if (short) return short;
    if (line.expectedPrice !== undefined && price) {
      const amount = currentAmount(price, nowIso);
      // Equal strings are equal amounts; only differently written ones ("12" vs "12.00") need Decimal.
      if (amount !== line.expectedPrice && !new Decimal(amount).eq(line.expectedPrice)) {
        return {
          sku: line.sku,
          quantity: line.quantity,
          status: 'price_changed',
          price: { amount, currency: price.currency },
        };
      }
    }
    return { sku: line.sku, quantity: line.quantity, status: 'ok' };
  });
  return {
    store: storeId,
    ok: answers.every((a) => a.status === 'ok'),
    stale: health.stale,
    ageSeconds: health.ageSeconds,
    lines: answers,
  };
}

/** A `short` answer when this line, with the earlier lines of its SKU (`asked`, updated), exceeds `available`. */
function shortLine(
  asked: Map<string, number>,
  line: { sku: string; quantity: number },
  available: number,
): CheckoutLineAnswer | undefined {
  const total = (asked.get(line.sku) ?? 0) + line.quantity;
  asked.set(line.sku, total);
  if (total <= available) return undefined;
  return {
    sku: line.sku,
    quantity: line.quantity,
    status: 'short',
    available: Math.max(0, available - (total - line.quantity)),
  };
}

/**
 * `answerCheckout`, then for an all-ok basket with `hold` the units are held in the database; if
 * another process took them meanwhile, the lines the database finds short say so instead.
 */
export async function answerCheckoutWithHold(
  deps: AnswerDeps,
  storeId: string,
  lines: readonly { sku: string; quantity: number; expectedPrice?: string | undefined }[],
  now = new Date(),
  hold = false,
): Promise<CheckoutAnswer> {
  const answer = answerCheckout(deps, storeId, lines, now);
  if (!answer.ok || !hold || !deps.takeHolds) return answer;
  const result = await deps.takeHolds(storeId, lines, now);
  if (result.ok) return { ...answer, heldUntil: result.heldUntil, holdId: result.holdId };
  const asked = new Map<string, number>();
  const checked = answer.lines.map((a) => shortLine(asked, a, result.available.get(a.sku) ?? 0) ?? a);
  return { ...answer, ok: checked.every((a) => a.status === 'ok'), lines: checked };
}
