/**
 * Backordered lines are routed again when their stock arrives (`stock.changed`): oldest waiting
 * order first, only the units available to sell after the hub's own reservations, one fulfilment
 * request per plan however often the stock event is delivered; then the order ships, completes
 * and settles like any other, its ERP order having carried the line all along.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeEvent, skuPartitionKey, skuSubject } from '../../src/canonical/index.js';
import { reservationsOf, reservedQuantity } from '../../src/flows/inventory/reservation-ledger/index.js';
import { createOmsRouter, DEFAULT_ROUTING_RULES } from '../../src/oms/index.js';
import { readTimelineEntries } from '../../src/ops/timeline/read-timeline.js';
import type { EventInput } from '../../src/runtime/index.js';
import { buildOrder } from './order-fixture.js';
import { startSagaHarness, testConfig, type SagaHarness } from './saga-harness.js';

/** Stock per location and SKU as the projection would hold it; the router subtracts the hub's holds. */
type Stock = Record<string, Record<string, number>>;

async function harnessWithStock(stock: Stock): Promise<SagaHarness> {
  const config = testConfig();
  const ledger: { db?: SagaHarness['store']['db'] } = {};
  const router = createOmsRouter({
    config,
    rules: DEFAULT_ROUTING_RULES,
    availability: async (locations, skus) => {
      const result: Stock = {};
      for (const location of locations) {
        const bucket: Record<string, number> = {};
        for (const sku of skus) {
          const held = ledger.db === undefined ? 0 : await reservedQuantity(ledger.db, sku, [location]);
          bucket[sku] = (stock[location]?.[sku] ?? 0) - held;
        }
        result[location] = bucket;
      }
      return result;
    },
  });
  const h = await startSagaHarness({ config, router });
  ledger.db = h.store.db;
  return h;
}

function stockChanged(sku: string, location: string, onHand: number): EventInput {
  const at = new Date().toISOString();
  return makeEvent('stock.changed', skuSubject(sku), skuPartitionKey(sku), {
    position: { sku, location, onHand, reserved: 0, available: onHand, asOf: at },
    changedAt: at,
  });
}

describe('order-to-cash saga: backorders routed when stock arrives', () => {
  let h: SagaHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('routes the oldest waiting order first, never two orders onto the same units, then ships and settles', async () => {
    const stock: Stock = { main: { A: 10, B: 0 }, east: { B: 0 } };
    h = await harnessWithStock(stock);
    const first = buildOrder({
      id: '9001',
      lines: [
        { sku: 'A', quantity: 1, unitPrice: '10.00' },
        { sku: 'B', quantity: 1, unitPrice: '5.00' },
      ],
    });
    const second = buildOrder({ id: '9002', lines: [{ sku: 'B', quantity: 1, unitPrice: '5.00' }] });
    await h.receive(first);
    await h.receive(second);
    expect((await h.saga('9001'))?.routing?.backorders).toEqual([{ lineId: '2', sku: 'B', quantity: 1 }]);
    expect((await h.saga('9002'))?.state).toBe('fulfilment_requested');
    expect((await h.saga('9002'))?.routing?.backorders).toEqual([{ lineId: '1', sku: 'B', quantity: 1 }]);
    // The ERP order carries the backordered line from registration, at the store's first warehouse.
    expect(h.erp.orders.get('eu:9002')?.order.lines.map((l) => [l.sku, l.quantity])).toEqual([['B', 1]]);
    expect((await h.saga('9002'))?.routing?.erpLocation).toBe('main');
    await h.ship('eu', '9001', 'WC-eu-9001/main/1');
    expect((await h.saga('9001'))?.state).toBe('partially_shipped');

    stock.east = { B: 1 };
    await h.publish([stockChanged('B', 'east', 1)]);
    await h.publish([stockChanged('B', 'east', 1)]);
    const routed = await h.saga('9001');
    expect(routed?.routing?.backorders).toEqual([]);
    expect(routed?.fulfilments.map((f) => f.reference)).toEqual(['WC-eu-9001/main/1', 'WC-eu-9001/east/1']);
    expect(h.warehouses.get('east')?.created.map((c) => c.reference)).toEqual(['WC-eu-9001/east/1']);
    expect((await h.saga('9002'))?.routing?.backorders).toHaveLength(1);
    expect(await reservedQuantity(h.store.db, 'B', ['east'])).toBe(1);

    stock.east = { B: 2 };
    await h.publish([stockChanged('B', 'east', 2)]);
    expect((await h.saga('9002'))?.routing?.backorders).toEqual([]);
    expect(h.warehouses.get('east')?.created.map((c) => c.reference)).toEqual([
      'WC-eu-9001/east/1',
      'WC-eu-9002/east/1',
    ]);

    await h.ship('eu', '9001', 'WC-eu-9001/east/1');
    await h.ship('eu', '9002', 'WC-eu-9002/east/1');
    for (const [id, order] of [
      ['9001', first],
      ['9002', second],
    ] as const) {
      const saga = await h.saga(id);
      expect(saga?.state).toBe('settled');
      expect(h.channel.statuses.get(id)).toBe('completed');
      expect(saga?.amounts).toMatchObject({
        erpTotal: order.totals.total.amount,
        invoiceTotal: order.totals.total.amount,
        paid: order.totals.total.amount,
      });
    }
    expect(h.channel.refunds).toEqual([]);
    expect(await reservedQuantity(h.store.db, 'B')).toBe(0);
    expect((await reservationsOf(h.store.db, 'order:eu:9002')).map((r) => r.status)).toEqual(['consumed']);
    const summaries = (await readTimelineEntries(h.store.db, 'order:eu:9001')).map((e) => e.summary);
    expect(summaries).toContainEqual(
      expect.stringContaining('Backorder routed now that stock arrived: 1× B → east'),
    );
    expect(summaries).toContainEqual(expect.stringContaining('Fulfilment WC-eu-9001/east/1 requested'));
  });

  it('routes a backorder whose stock came in before the order began to wait', async () => {
    const stock: Stock = { main: { B: 0 }, east: { B: 0 } };
    h = await harnessWithStock(stock);
    await h.receive(buildOrder({ id: '9003', lines: [{ sku: 'B', quantity: 2, unitPrice: '5.00' }] }));
    expect((await h.saga('9003'))?.routing?.backorders).toHaveLength(1);
    // No stock.changed reaches the hub for this unit; the next order that waits makes it look again.
    stock.main = { B: 2 };
    await h.receive(buildOrder({ id: '9004', lines: [{ sku: 'B', quantity: 5, unitPrice: '5.00' }] }));
    expect((await h.saga('9003'))?.routing?.backorders).toEqual([]);
    expect((await h.saga('9003'))?.fulfilments.map((f) => f.reference)).toEqual(['WC-eu-9003/main/1']);
    expect((await h.saga('9004'))?.routing?.backorders).toEqual([{ lineId: '1', sku: 'B', quantity: 5 }]);
  });
});
