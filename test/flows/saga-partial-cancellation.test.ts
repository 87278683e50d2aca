/**
 * Staff remove lines or lower quantities in WooCommerce after the ERP has the order: while nothing
 * has shipped the saga follows (warehouse requests replaced, ERP order revised, the hub's holds
 * cut); once goods have left it parks with that reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { reservationsOf } from '../../src/flows/inventory/reservation-ledger/index.js';
import type { OrderRouter } from '../../src/flows/order-to-cash/index.js';
import { buildOrder } from './order-fixture.js';
import { startSagaHarness, type SagaHarness } from './saga-harness.js';

const original = (id: string) =>
  buildOrder({
    id,
    lines: [
      { sku: 'A', quantity: 2, unitPrice: '10.00' },
      { sku: 'B', quantity: 2, unitPrice: '5.00' },
      { sku: 'C', quantity: 1, unitPrice: '7.00' },
    ],
  });
/** Lines 1 and 2 down to one unit, line 3 removed — as WooCommerce reports it after the edit. */
const reduced = (id: string) =>
  buildOrder({
    id,
    lines: [
      { sku: 'A', quantity: 1, unitPrice: '10.00' },
      { sku: 'B', quantity: 1, unitPrice: '5.00' },
    ],
    modifiedAt: '2026-11-23T11:00:00Z',
  });
/** A from main (the ERP order's warehouse), B and C from east (held by the hub). */
const splitRouter: OrderRouter = {
  route: async ({ lines }) => ({
    assignments: [
      { location: 'main', kind: 'warehouse', lines: lines.filter((l) => l.sku === 'A') },
      { location: 'east', kind: 'warehouse', lines: lines.filter((l) => l.sku !== 'A') },
    ],
    backorders: [],
    reasons: ['A → main, B and C → east'],
  }),
};
const requests = (h: SagaHarness, location: string) =>
  h.warehouses.get(location)?.created.map((c) => [c.reference, c.lines.map((l) => [l.sku, l.quantity])]);

describe('order-to-cash saga: partial cancellation after ERP registration', () => {
  let h: SagaHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('replaces the warehouse requests, revises the ERP order, cuts the holds and settles on the reduced order', async () => {
    h = await startSagaHarness({ router: splitRouter });
    await h.receive(original('6001'));
    expect((await h.saga('6001'))?.state).toBe('fulfilment_requested');
    const edited = reduced('6001');
    await h.receive(edited, 'order.updated');
    await h.receive(edited, 'order.updated');
    let saga = await h.saga('6001');
    expect(saga?.parked).toBeUndefined();
    expect(saga?.state).toBe('fulfilment_requested');
    expect(h.warehouses.get('main')?.cancelled).toEqual(['MAIN-1']);
    expect(h.warehouses.get('east')?.cancelled).toEqual(['EAST-1']);
    expect(requests(h, 'main')).toEqual([
      ['WC-eu-6001/main/1', [['A', 2]]],
      ['WC-eu-6001/main/2', [['A', 1]]],
    ]);
    expect(requests(h, 'east')).toEqual([
      [
        'WC-eu-6001/east/1',
        [
          ['B', 2],
          ['C', 1],
        ],
      ],
      ['WC-eu-6001/east/2', [['B', 1]]],
    ]);
    expect(h.erp.calls.filter((c) => c === 'updateOrder')).toHaveLength(1);
    expect(h.erp.orders.get('eu:6001')?.order.totals.total).toEqual(edited.totals.total);
    expect(saga?.amounts.erpTotal).toBe(edited.totals.total.amount);
    expect(
      (await reservationsOf(h.store.db, saga?.subject ?? '')).map((r) => [
        r.line_id,
        r.location,
        r.quantity,
        r.status,
      ]),
    ).toEqual([
      ['1', 'main', 2, 'consumed'],
      ['2', 'east', 1, 'reserved'],
      ['3', 'east', 1, 'released'],
    ]);
    await h.ship('eu', '6001', 'WC-eu-6001/main/2');
    await h.ship('eu', '6001', 'WC-eu-6001/east/2');
    saga = await h.saga('6001');
    expect(saga?.state).toBe('settled');
    expect(h.erp.payments).toEqual([{ invoiceId: 'INV1', amount: edited.totals.total.amount }]);
  });

  it('parks with a clear reason when the edit comes after goods shipped', async () => {
    h = await startSagaHarness();
    await h.receive(original('6002'));
    await h.ship('eu', '6002', 'WC-eu-6002/main/1');
    await h.receive(reduced('6002'), 'order.updated');
    const saga = await h.saga('6002');
    expect(saga?.state).toBe('parked');
    expect(saga?.parked?.code).toBe('edited_after_shipment');
    expect(h.erp.calls).not.toContain('updateOrder');
  });
});
