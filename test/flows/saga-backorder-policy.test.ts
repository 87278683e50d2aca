/**
 * `routing.backorder` is the one key for units no location can ship, at the first routing and
 * when a warehouse fails a line later: under the default (`backorder`) a line with nowhere left
 * waits on the order's backorders instead of being cancelled and refunded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readTimelineEntries } from '../../src/ops/timeline/read-timeline.js';
import { buildOrder } from './order-fixture.js';
import { lineFailed, startSagaHarness, testConfig, type SagaHarness } from './saga-harness.js';

describe('order-to-cash saga: the backorder policy on a reroute with nowhere left', () => {
  let h: SagaHarness;
  afterEach(async () => {
    await h.stop();
  });

  const failEverywhere = async (orderId: string) => {
    await h.receive(
      buildOrder({
        id: orderId,
        lines: [
          { sku: 'A', quantity: 1, unitPrice: '10.00' },
          { sku: 'B', quantity: 1, unitPrice: '5.00' },
        ],
      }),
    );
    const b = { lineId: '2', sku: 'B', quantity: 1 };
    await h.publish([lineFailed(orderId, `WC-eu-${orderId}/main/1`, 'main', b)]);
    await h.publish([lineFailed(orderId, `WC-eu-${orderId}/east/1`, 'east', b)]);
    return h.saga(orderId);
  };

  it('backorders the line under the default policy: no refund, the timeline says it waits', async () => {
    h = await startSagaHarness();
    const saga = await failEverywhere('8001');
    expect(saga?.routing?.backorders).toEqual([{ lineId: '2', sku: 'B', quantity: 1 }]);
    expect(saga?.routing?.cancelledLines).toEqual([]);
    expect(h.channel.refunds).toEqual([]);
    const summaries = (await readTimelineEntries(h.store.db, 'order:eu:8001')).map((e) => e.summary);
    expect(summaries).toContainEqual(
      expect.stringContaining('Backordered 1× B: no location can ship it now'),
    );
  });

  it('cancels and refunds the line when the config says cancel-line', async () => {
    h = await startSagaHarness({ config: testConfig({ routing: { backorder: 'cancel-line' } }) });
    const saga = await failEverywhere('8002');
    expect(saga?.routing?.backorders).toEqual([]);
    expect(saga?.routing?.cancelledLines.map((l) => l.lineId)).toEqual(['2']);
    expect(h.channel.refunds.map((r) => r.request.amount.amount)).toEqual(['6.00']);
  });
});
