import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reservationsOf, reservedQuantity } from '../../src/flows/inventory/reservation-ledger/index.js';
import { readTimelineEntries } from '../../src/ops/timeline/read-timeline.js';
import { buildOrder } from './order-fixture.js';
import { startSagaHarness, type SagaHarness } from './saga-harness.js';

describe('order-to-cash saga: happy path on the real runtime and SQLite', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await startSagaHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('takes a paid order from received to settled, each effect once', async () => {
    const order = buildOrder({
      id: '1001',
      lines: [
        { sku: 'TEE-M', quantity: 2, unitPrice: '10.00' },
        { sku: 'MUG', quantity: 1, unitPrice: '7.50' },
      ],
    });
    await h.receive(order);
    let saga = await h.saga('1001');
    expect(saga?.state).toBe('fulfilment_requested');
    expect(saga?.erp?.name).toBe('S00001');
    expect(h.erp.calls.filter((c) => c === 'registerOrder')).toHaveLength(1);
    // The ERP's confirmation reserved the units at main: the hub no longer counts them too.
    expect(await reservedQuantity(h.store.db, 'TEE-M', ['main'])).toBe(0);
    expect((await reservationsOf(h.store.db, 'order:eu:1001')).map((r) => [r.sku, r.status])).toEqual([
      ['TEE-M', 'consumed'],
      ['MUG', 'consumed'],
    ]);
    const main = h.warehouses.get('main');
    expect(main?.created).toHaveLength(1);
    expect(main?.created[0]?.reference).toBe('WC-eu-1001/main/1');

    await h.ship('eu', '1001', 'WC-eu-1001/main/1');
    saga = await h.saga('1001');
    expect(saga?.state).toBe('settled');
    expect(h.channel.statuses.get('1001')).toBe('completed');
    expect(h.channel.notes.map((n) => n.note)).toEqual([expect.stringContaining('TRK-WCeu1001main1')]);
    expect(await reservedQuantity(h.store.db, 'TEE-M')).toBe(0);
    expect(h.erp.payments).toEqual([{ invoiceId: 'INV1', amount: order.totals.total.amount }]);
    expect(saga?.amounts.invoiceTotal).toBe(order.totals.total.amount);

    const kinds = (await readTimelineEntries(h.store.db, 'order:eu:1001')).map((e) => e.summary);
    expect(kinds).toContain('fulfilment_requested → shipped');
    expect(kinds.at(-1)).toBe('invoiced → settled');
  });

  it('treats a duplicated order.received and shipment as no-ops', async () => {
    const order = buildOrder({ id: '1002', lines: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }] });
    await h.receive(order);
    await h.receive(order);
    await h.ship('eu', '1002', 'WC-eu-1002/main/1');
    await h.ship('eu', '1002', 'WC-eu-1002/main/1');
    expect((await h.saga('1002'))?.state).toBe('settled');
    expect(h.erp.calls.filter((c) => c === 'registerOrder')).toHaveLength(1);
    expect(h.channel.notes).toHaveLength(1);
    expect(h.erp.payments).toHaveLength(1);
  });
});
