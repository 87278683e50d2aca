/**
 * How fresh the ERP stock feed is: the last successful poll (`health:odoo:stock`, written by the
 * composition root's periodic loop) against `inventory.staleAfterSeconds`.
 *
 * @example
 * ```ts
 * const health = await readFeedHealth(runtime.cursors, 300);
 * if (health.stale) console.log(`stock is ${health.ageSeconds} s old`);
 * ```
 */
import type { Cursors } from '../../runtime/contracts.js';

export const STOCK_FEED_HEALTH_CURSOR = 'health:odoo:stock';

export interface FeedHealth {
  stale: boolean;
  /** Seconds since the last successful poll; null when the feed never succeeded. */
  ageSeconds: number | null;
  lastSuccess: string | undefined;
}

// The sync APIs ask on every request while the stamp changes once per poll: parse it once.
let parsed: { stamp: string; at: number } | undefined;
const parse = (stamp: string) => {
  if (parsed?.stamp !== stamp) parsed = { stamp, at: Date.parse(stamp) };
  return parsed.at;
};

export function feedHealth(
  lastSuccess: string | undefined,
  staleAfterSeconds: number,
  now = Date.now(),
): FeedHealth {
  const at = lastSuccess === undefined ? Number.NaN : parse(lastSuccess);
  if (Number.isNaN(at)) return { stale: true, ageSeconds: null, lastSuccess: undefined };
  const ageSeconds = Math.max(0, Math.round((now - at) / 100) / 10);
  return { stale: ageSeconds > staleAfterSeconds, ageSeconds, lastSuccess };
}

export async function readFeedHealth(
  cursors: Pick<Cursors, 'get'>,
  staleAfterSeconds: number,
  cursor = STOCK_FEED_HEALTH_CURSOR,
): Promise<FeedHealth> {
  return feedHealth(await cursors.get(cursor), staleAfterSeconds);
}
