import type { Cursors, Db } from '../contracts.js';
import type { Clock } from '../clock.js';
import { isoAt } from '../clock.js';

/**
 * Durable named cursors. Pass the `trx` that records what was read, so the cursor never moves
 * past data that was not committed.
 *
 * @example
 * ```ts
 * await cursors.set('odoo:stock', '2026-01-01 10:00:00', trx);
 * await cursors.get('odoo:stock'); // '2026-01-01 10:00:00'
 * ```
 */
export function createCursors(db: Db, clock: Clock): Cursors {
  return {
    async get(name) {
      const row = await db.selectFrom('cursors').select('value').where('name', '=', name).executeTakeFirst();
      return row?.value;
    },
    async set(name, value, trx) {
      const updatedAt = isoAt(clock.now());
      await (trx ?? db)
        .insertInto('cursors')
        .values({ name, value, updated_at: updatedAt })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at: updatedAt }))
        .execute();
    },
  };
}
