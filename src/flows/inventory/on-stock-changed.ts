import { Compile } from 'typebox/compile';
import { stockEvents } from '../../canonical/events/stock-events.js';
import type { Handler } from '../../runtime/contracts.js';
import { PermanentError } from '../../runtime/errors.js';
import type { StockProjector } from './stock-projector.js';

const check = Compile(stockEvents['stock.changed'].schema);

/**
 * Consumer `inventory` of `stock.changed`: the ERP's (or a drop-ship supplier's) position goes to
 * the projector, which stores it, recomputes the SKU's available-to-sell in every store and
 * publishes `availability.changed` in one commit; a repeated or older position changes nothing.
 *
 * @example
 * ```ts
 * runtime.subscribe('inventory', ['stock.changed'], onStockChanged(projector));
 * ```
 */
export function onStockChanged(projector: StockProjector): Handler {
  return async (ctx) => {
    const data = ctx.message.data;
    if (!check.Check(data)) {
      throw new PermanentError(`stock.changed ${ctx.message.id} does not match its schema`, {
        code: 'invalid_event',
        system: ctx.message.source,
      });
    }
    await projector.submit({
      sku: data.position.sku,
      changedAt: data.changedAt ?? data.position.asOf,
      position: data.position,
    });
  };
}
