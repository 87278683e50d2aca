import type { Db, EffectLedger } from '../contracts.js';
import type { Clock } from '../clock.js';
import { isoAt } from '../clock.js';

/**
 * The idempotency ledger (see `EffectLedger` in contracts.ts). The `started` row is committed
 * before acting, so after a crash between acting and recording the next attempt knows to `lookup`
 * first. Results are stored as JSON; `undefined` is stored as null.
 *
 * @example
 * ```ts
 * const erpId = await effects.run('erp:create-order:WC-eu-1234', {
 *   perform: () => erp.createOrder(order),
 *   lookup: () => erp.findOrderByRef('WC-eu-1234'),
 * });
 * ```
 */
export function createEffectLedger(db: Db, clock: Clock): EffectLedger {
  async function get<R>(key: string) {
    const row = await db
      .selectFrom('effects')
      .select(['status', 'result'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined;
    return { status: row.status, result: row.result === null ? undefined : (JSON.parse(row.result) as R) };
  }

  async function complete<R>(key: string, result: R): Promise<R> {
    await db
      .updateTable('effects')
      .set({ status: 'completed', result: JSON.stringify(result ?? null), completed_at: isoAt(clock.now()) })
      .where('key', '=', key)
      .execute();
    return result;
  }

  return {
    get,
    async run<R>(
      key: string,
      effect: { perform: () => Promise<R>; lookup?: () => Promise<R | undefined> },
    ): Promise<R> {
      const inserted = await db
        .insertInto('effects')
        .values({ key, status: 'started', result: null, started_at: isoAt(clock.now()), completed_at: null })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!inserted) {
        const prior = await get<R>(key);
        if (prior?.status === 'completed') return prior.result as R;
        // Started earlier but never recorded: it may have happened. Ask the remote system first.
        const found = effect.lookup ? await effect.lookup() : undefined;
        if (found !== undefined) return complete(key, found);
      }
      return complete(key, await effect.perform());
    },
  };
}
