import { Compile } from 'typebox/compile';
import { stockEvents } from '../../canonical/events/stock-events.js';
import type { Handler } from '../../runtime/contracts.js';
import { PermanentError } from '../../runtime/errors.js';
import type { AvailabilityCache } from './availability-cache.js';
import { feedHealth } from './feed-health.js';
import { recomputeSku } from './recompute-sku.js';
import { recordPosition } from './record-position.js';
import type { InventorySettings } from './settings.js';

const check = Compile(stockEvents['stock.changed'].schema);

/**
 * Consumer `inventory` of `stock.changed`: stores the ERP's (or a drop-ship supplier's) position,
 * recomputes the SKU's available-to-sell in every store and publishes `availability.changed`,
 * all in one commit; a repeated or older position changes nothing.
 *
 * @example
 * ```ts
 * runtime.subscribe('inventory', ['stock.changed'], onStockChanged({ settings, cache }));
 * ```
 */
export function onStockChanged(deps: { settings: InventorySettings; cache: AvailabilityCache }): Handler {
  return async (ctx) => {
    const data = ctx.message.data;
    if (!check.Check(data)) {
      throw new PermanentError(`stock.changed ${ctx.message.id} does not match its schema`, {
        code: 'invalid_event',
        system: ctx.message.source,
      });
    }
    const { position } = data;
    const changedAt = data.changedAt ?? position.asOf;
    const stale = feedHealth(deps.cache.lastFeedSuccess(), deps.settings.staleAfterSeconds).stale;
    const rows = await ctx.transaction(async (trx, publish) => {
      const changed = await recordPosition(trx, position, { changedAt, receivedAt: new Date().toISOString() });
      if (!changed) return [];
      const result = await recomputeSku(trx, deps.settings, position.sku, { changedAt, stale });
      await publish(result.events);
      return result.rows;
    });
    deps.cache.putAvailability(rows);
  };
}
