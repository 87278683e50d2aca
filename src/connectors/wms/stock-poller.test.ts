import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../runtime/contracts.js';
import { StockLevels } from '../../../sim/wms/stock-levels.js';
import { createSupplierStockPoller } from './stock-poller.js';

describe('supplier stock poller', () => {
  it('publishes the latest level per SKU at the supplier’s location and resumes from its cursor', async () => {
    const stock = new StockLevels({ A: 5, B: 2 });
    stock.set('A', 4);
    const cursors = new Map<string, string>();
    const published: EventInput[] = [];
    const poller = createSupplierStockPoller({
      supplierId: 'acme',
      client: { listStockLevels: async (after, limit = 500) => stock.after(after, limit) },
      cursors: {
        get: async (name) => cursors.get(name),
        set: async (name, value) => void cursors.set(name, value),
      },
      publish: async (events) => void published.push(...events),
    });
    expect(await poller.pollOnce()).toEqual({ published: 2, cursor: 3 });
    const positions = published.map(
      (e) => (e.data as { position: { sku: string; location: string; onHand: number } }).position,
    );
    expect(positions.map((p) => [p.sku, p.location, p.onHand]).sort()).toEqual([
      ['A', 'acme', 4],
      ['B', 'acme', 2],
    ]);
    expect(cursors.get('wms:acme:stock')).toBe('3');
    expect(await poller.pollOnce()).toEqual({ published: 0, cursor: 3 });
    stock.set('B', 0);
    expect(await poller.pollOnce()).toEqual({ published: 1, cursor: 4 });
  });
});
