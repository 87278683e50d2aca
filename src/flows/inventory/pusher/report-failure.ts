import type { Kysely } from 'kysely';
import { skuSubject } from '../../../canonical/index.js';
import { recordTimelineEntries } from '../../../ops/timeline/index.js';
import type { Database } from '../../../store/schema.js';
import { deletePending } from './delete-pending.js';

/**
 * A push the store refused for good (unknown SKU, invalid product): the queued value is dropped —
 * retrying cannot help — and the refusal goes on the SKU's timeline for a person to see.
 *
 * @example
 * ```ts
 * await reportPushFailure(db, 'eu', [{ sku: 'GONE', queuedAt, code: 'unknown_sku', message: 'not in the store' }]);
 * ```
 */
export async function reportPushFailure(
  db: Kysely<Database>,
  storeId: string,
  failures: readonly { sku: string; queuedAt: string; code: string; message: string }[],
  now = new Date(),
): Promise<void> {
  if (failures.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const f of failures) {
      await deletePending(trx, storeId, f.sku, f.queuedAt);
    }
    await recordTimelineEntries(
      trx,
      failures.map((f) => ({
        subject: skuSubject(f.sku),
        kind: 'error' as const,
        system: `woocommerce:${storeId}`,
        summary: `Stock push to ${storeId} refused: ${f.code} — ${f.message}`,
        data: { storeId, code: f.code },
        at: now,
      })),
    );
  });
}
