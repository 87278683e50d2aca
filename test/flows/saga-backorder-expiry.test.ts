/**
 * `routing.backorderMaxDays`: a line that has waited on backorder that long is cancelled and
 * refunded as under `cancel-line`, by a timer the runtime delivers when due (the clock here is
 * stepped, never slept on); a limit of 0 cancels nothing, and the default is 14 days. A line that
 * was routed and then waits again counts its days from then, not from its first wait.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeEvent, skuPartitionKey, skuSubject } from '../../src/canonical/index.js';
import { reservedQuantity } from '../../src/flows/inventory/reservation-ledger/index.js';
import { createOmsRouter, DEFAULT_ROUTING_RULES } from '../../src/oms/index.js';
import { readTimelineEntries } from '../../src/ops/timeline/read-timeline.js';
import { buildOrder } from './order-fixture.js';
import { lineFailed, startSagaHarness, testConfig, type SagaHarness } from './saga-harness.js';

const DAY = 86_400_000;

/** Real time plus an offset the test moves forward, so retries' back-off still comes due. */
function steppedClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms: number) => {
      offset += ms;
    },
  };
}

/** B is out of stock everywhere; A is plentiful at main. */
async function harness(routing: Record<string, unknown>, clock: ReturnType<typeof steppedClock>) {
  const config = testConfig({ routing });
  const router = createOmsRouter({
    config,
    rules: DEFAULT_ROUTING_RULES,
    availability: async (locations, skus) =>
      Object.fromEntries(
        locations.map((l) => [
          l,
          Object.fromEntries(skus.map((s) => [s, s === 'A' && l === 'main' ? 10 : 0])),
        ]),
      ),
  });
  return startSagaHarness({ config, router, clock });
}

const order = () =>
  buildOrder({
    id: '9101',
    lines: [
      { sku: 'A', quantity: 1, unitPrice: '10.00' },
      { sku: 'B', quantity: 2, unitPrice: '5.00' },
    ],
  });

describe('order-to-cash saga: a backorder waits no longer than routing.backorderMaxDays', () => {
  let h: SagaHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('cancels and refunds the line still waiting at its deadline, then completes and settles the rest', async () => {
    const clock = steppedClock();
    h = await harness({ backorderMaxDays: 3 }, clock);
    const placed = order();
    await h.receive(placed);
    await h.ship('eu', '9101', 'WC-eu-9101/main/1');
    expect((await h.saga('9101'))?.state).toBe('partially_shipped');

    clock.advance(3 * DAY - 60_000);
    await h.runtime.idle();
    expect((await h.saga('9101'))?.routing?.backorders).toEqual([{ lineId: '2', sku: 'B', quantity: 2 }]);
    expect(h.channel.refunds).toEqual([]);

    clock.advance(120_000);
    await h.runtime.idle();
    const saga = await h.saga('9101');
    expect(saga?.routing?.backorders).toEqual([]);
    expect(saga?.routing?.cancelledLines).toEqual([{ lineId: '2', sku: 'B', quantity: 2 }]);
    expect(h.channel.refunds).toHaveLength(1);
    const refund = h.channel.refunds[0]?.request;
    expect(refund?.restock).toBe(false);
    expect(refund?.lines.map((l) => [l.lineId, l.quantity])).toEqual([['2', 2]]);
    const lineB = placed.lines.find((l) => l.lineId === '2');
    const expected = (Number(lineB?.total.amount) + Number(lineB?.totalTax.amount)).toFixed(2);
    expect(refund?.amount.amount).toBe(expected);
    expect(refund?.reason).toContain('after waiting 3 days on backorder');
    // The ERP order no longer bills the cancelled units; the rest completes and settles.
    expect(h.erp.orders.get('eu:9101')?.order.lines.map((l) => [l.sku, l.quantity])).toEqual([['A', 1]]);
    expect(saga?.state).toBe('settled');
    expect(h.channel.statuses.get('9101')).toBe('completed');
    expect(saga?.amounts.refunded).toBe(expected);
    expect(await reservedQuantity(h.store.db, 'B')).toBe(0);
    const summaries = (await readTimelineEntries(h.store.db, 'order:eu:9101')).map((e) => e.summary);
    expect(summaries).toContainEqual(expect.stringContaining('Backorder cancelled: 2× B waited since'));
  });

  it('counts a second wait of the same line from its own start: the first wait’s timer does not cut it short', async () => {
    const clock = steppedClock();
    const config = testConfig({ routing: { backorderMaxDays: 3 } });
    const stock: Record<string, Record<string, number>> = { main: { A: 10, B: 0 }, east: { B: 0 } };
    const router = createOmsRouter({
      config,
      rules: DEFAULT_ROUTING_RULES,
      availability: async (locations, skus) =>
        Object.fromEntries(
          locations.map((l) => [l, Object.fromEntries(skus.map((sku) => [sku, stock[l]?.[sku] ?? 0]))]),
        ),
    });
    h = await startSagaHarness({ config, router, clock });
    await h.receive(order());
    await h.ship('eu', '9101', 'WC-eu-9101/main/1');

    // Day 1: B arrives at east and is routed there; day 2: east cannot pick it, nothing else has
    // it, so it waits again — its own 3 days run to day 5.
    clock.advance(DAY);
    stock.east = { B: 2 };
    const at = new Date(clock.now()).toISOString();
    await h.publish([
      makeEvent('stock.changed', skuSubject('B'), skuPartitionKey('B'), {
        position: { sku: 'B', location: 'east', onHand: 2, reserved: 0, available: 2, asOf: at },
        changedAt: at,
      }),
    ]);
    expect((await h.saga('9101'))?.routing?.backorders).toEqual([]);
    clock.advance(DAY);
    stock.east = { B: 0 };
    await h.publish([
      lineFailed('9101', 'WC-eu-9101/east/1', 'east', { lineId: '2', sku: 'B', quantity: 2 }),
    ]);
    expect((await h.saga('9101'))?.routing?.backorders).toEqual([{ lineId: '2', sku: 'B', quantity: 2 }]);

    // Day 3 + 2 min: the first wait's timer fires; the line is waiting, but since day 2.
    clock.advance(DAY + 120_000);
    await h.runtime.idle();
    expect((await h.saga('9101'))?.routing?.backorders).toEqual([{ lineId: '2', sku: 'B', quantity: 2 }]);
    expect(h.channel.refunds).toEqual([]);

    // Day 5 + 2 min: its own deadline.
    clock.advance(2 * DAY);
    await h.runtime.idle();
    const saga = await h.saga('9101');
    expect(saga?.routing?.backorders).toEqual([]);
    expect(saga?.routing?.cancelledLines).toEqual([{ lineId: '2', sku: 'B', quantity: 2 }]);
    expect(h.channel.refunds).toHaveLength(1);
  });

  it('cancels the order whole when every line expires and nothing ever shipped: shipping refunded too, ERP order cancelled', async () => {
    const clock = steppedClock();
    h = await harness({ backorderMaxDays: 3 }, clock);
    const placed = buildOrder({ id: '9102', lines: [{ sku: 'B', quantity: 2, unitPrice: '5.00' }] });
    await h.receive(placed);
    expect((await h.saga('9102'))?.routing?.backorders).toHaveLength(1);
    expect(h.erp.orders.get('eu:9102')?.state).not.toBe('cancel');

    clock.advance(3 * DAY + 120_000);
    await h.runtime.idle();
    const saga = await h.saga('9102');
    expect(saga?.state).toBe('cancelled');
    // The line's refund, then the rest (shipping and its tax): the whole total, nothing more.
    expect(h.channel.refunds).toHaveLength(2);
    const refunded = h.channel.refunds.reduce((total, r) => total + Number(r.request.amount.amount), 0);
    expect(refunded.toFixed(2)).toBe(placed.totals.total.amount);
    expect(saga?.amounts.refunded).toBe(placed.totals.total.amount);
    expect(h.channel.refunds[1]?.request.reason).toContain(
      'after waiting 3 days on backorder: order cancelled',
    );
    expect(h.channel.statuses.get('9102')).toBe('cancelled');
    expect(h.channel.notes.map((n) => n.note)).toContainEqual(
      expect.stringContaining('could not be supplied within 3 days'),
    );
    expect(h.erp.orders.get('eu:9102')?.state).toBe('cancel');
    expect(await reservedQuantity(h.store.db, 'B')).toBe(0);
    expect(saga?.parked).toBeUndefined();
  });

  it('waits for ever under backorderMaxDays: 0', async () => {
    const clock = steppedClock();
    h = await harness({ backorderMaxDays: 0 }, clock);
    await h.receive(order());
    await h.ship('eu', '9101', 'WC-eu-9101/main/1');
    clock.advance(400 * DAY);
    await h.runtime.idle();
    expect((await h.saga('9101'))?.state).toBe('partially_shipped');
    expect((await h.saga('9101'))?.routing?.backorders).toHaveLength(1);
    expect(h.channel.refunds).toEqual([]);
  });

  it('cancels by default after 14 days', async () => {
    const clock = steppedClock();
    h = await harness({}, clock);
    await h.receive(order());
    await h.ship('eu', '9101', 'WC-eu-9101/main/1');
    clock.advance(13 * DAY);
    await h.runtime.idle();
    expect((await h.saga('9101'))?.routing?.backorders).toHaveLength(1);
    clock.advance(DAY + 60_000);
    await h.runtime.idle();
    expect((await h.saga('9101'))?.routing?.backorders).toEqual([]);
    expect(h.channel.refunds).toHaveLength(1);
  });
});
