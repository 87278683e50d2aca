/**
 * The hub's hold on an order's units, from routing until the ERP holds them: available-to-sell
 * must count each unit once — by the hub before the ERP confirms, by the ERP at its warehouse
 * after, by the hub again for lines shipping from anywhere else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeEvent, orderPartitionKey, orderSubject } from '../../src/canonical/index.js';
import { reservationsOf, reservedQuantity } from '../../src/flows/inventory/reservation-ledger/index.js';
import { resumeOrderEvent, type OrderRouter } from '../../src/flows/order-to-cash/index.js';
import { twoLineOrder } from './order-fixture.js';
import { startSagaHarness, type SagaHarness } from './saga-harness.js';

const statuses = async (h: SagaHarness, orderId: string) =>
  (await reservationsOf(h.store.db, orderSubject('eu', orderId))).map((r) => [
    r.sku,
    r.location,
    r.quantity,
    r.status,
  ]);

/** A at main, B at east: a split order. */
const splitRouter: OrderRouter = {
  route: async ({ lines }) => ({
    assignments: [
      { location: 'main', kind: 'warehouse', lines: lines.filter((l) => l.sku === 'A') },
      { location: 'east', kind: 'warehouse', lines: lines.filter((l) => l.sku === 'B') },
    ],
    backorders: [],
    reasons: ['A → main, B → east'],
  }),
};

describe('order-to-cash saga: who holds the units', () => {
  let h: SagaHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('holds the units from routing while the ERP refuses the order, and hands them over when it confirms', async () => {
    h = await startSagaHarness();
    h.erp.reject = 'The customer is blocked for credit';
    await h.receive(twoLineOrder('7001'));
    expect((await h.saga('7001'))?.parked?.from).toBe('routed');
    expect(await reservedQuantity(h.store.db, 'A', ['main'])).toBe(2);
    expect(await reservedQuantity(h.store.db, 'B', ['main'])).toBe(1);
    h.erp.reject = undefined;
    await h.publish([resumeOrderEvent('eu', '7001', { by: 'ops' })]);
    expect((await h.saga('7001'))?.state).toBe('fulfilment_requested');
    expect(await statuses(h, '7001')).toEqual([
      ['A', 'main', 2, 'consumed'],
      ['B', 'main', 1, 'consumed'],
    ]);
  });

  it('keeps holding the lines that ship from a location the ERP order does not reserve at', async () => {
    h = await startSagaHarness({ router: splitRouter });
    await h.receive(twoLineOrder('7002'));
    expect((await h.saga('7002'))?.routing?.erpLocation).toBe('main');
    expect(await statuses(h, '7002')).toEqual([
      ['A', 'main', 2, 'consumed'],
      ['B', 'east', 1, 'reserved'],
    ]);
    await h.ship('eu', '7002', 'WC-eu-7002/east/1');
    expect(await reservedQuantity(h.store.db, 'B')).toBe(0);
  });

  it('holds a line again when it is rerouted away from the ERP order warehouse', async () => {
    h = await startSagaHarness();
    await h.receive(twoLineOrder('7003'));
    await h.publish([
      makeEvent('fulfilment.failed', orderSubject('eu', '7003'), orderPartitionKey('eu', '7003'), {
        storeId: 'eu',
        orderId: '7003',
        requestId: 'WC-eu-7003/main/1',
        location: 'main',
        code: 'line_unfulfillable',
        reason: 'cannot pick',
        lines: [{ lineId: '2', sku: 'B', quantity: 1 }],
      }),
    ]);
    expect(await statuses(h, '7003')).toEqual([
      ['A', 'main', 2, 'consumed'],
      ['B', 'east', 1, 'reserved'],
    ]);
  });
});
