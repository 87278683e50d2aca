/**
 * The checkout hold a storefront took for a basket ends when the order carrying its id
 * (`checkoutHoldId`) is routed — in the route step's transaction, where the hub's ledger starts
 * holding its units — or cancelled because nothing can serve it, so available-to-sell does not
 * count the order's units twice until the TTL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAvailabilityCache } from '../../src/flows/inventory/availability-cache.js';
import { inventorySettings } from '../../src/flows/inventory/settings.js';
import { createStockProjector, type StockProjector } from '../../src/flows/inventory/stock-projector.js';
import { reservationSweeper } from '../../src/flows/inventory/sweep-reservations.js';
import type { TakeHoldsDeps } from '../../src/flows/inventory/take-holds.js';
import type { OrderRouter } from '../../src/flows/order-to-cash/index.js';
import { createOmsRouter, DEFAULT_ROUTING_RULES } from '../../src/oms/index.js';
import type { HubConfig } from '../../src/config/schema.js';
import { grantedHold, storedAvailable } from './inventory/hold-helpers.js';
import { buildOrder, twoLineOrder } from './order-fixture.js';
import { startSagaHarness, testConfig, type SagaHarness } from './saga-harness.js';

/** eu sells from main + east, uk from east: a hold in either lowers the other at east. */
const config = (overrides: Partial<HubConfig> = {}) => {
  const eu = testConfig().stores[0]!;
  return testConfig({
    stores: [eu, { ...eu, id: 'uk', currency: 'GBP', locations: ['east'] }],
    ...overrides,
  });
};

/** A at main (the ERP order's warehouse: the ERP holds it), B at east (the hub holds it). */
const splitRouter: OrderRouter = {
  route: async ({ lines }) => ({
    assignments: [
      { location: 'main', kind: 'warehouse' as const, lines: lines.filter((l) => l.sku === 'A') },
      { location: 'east', kind: 'warehouse' as const, lines: lines.filter((l) => l.sku === 'B') },
    ].filter((a) => a.lines.length > 0),
    backorders: [],
    reasons: ['A → main, B → east'],
  }),
};

describe('order-to-cash saga: the basket’s checkout hold', () => {
  let h: SagaHarness;
  let projector: StockProjector;
  let api: TakeHoldsDeps;
  afterEach(async () => {
    await h.stop();
  });

  /** The saga with the inventory projection beside it: 10 A at main, 10 B at east. */
  const start = async (hubConfig: HubConfig, router: OrderRouter) => {
    h = await startSagaHarness({ config: hubConfig, router });
    const settings = inventorySettings(hubConfig);
    const cache = createAvailabilityCache({ db: h.store.db, cursors: { get: async () => undefined } });
    const publish = async () => undefined;
    projector = createStockProjector({ db: h.store.db, settings, cache, publish });
    api = { db: h.store.db, settings, cache, publish, ttlMs: 60_000 };
    const asOf = new Date().toISOString();
    for (const [sku, location] of [
      ['A', 'main'],
      ['B', 'east'],
    ] as const)
      await projector.submit({
        sku,
        changedAt: asOf,
        position: { sku, location, onHand: 10, reserved: 0, available: 10, asOf },
      });
  };
  const hold = (storeId: string, lines: { sku: string; quantity: number }[]) =>
    grantedHold(api, storeId, lines);
  const available = (storeId: string, sku: string) => storedAvailable(h.store.db, storeId, sku);
  const liveHolds = async () =>
    (
      await h.store.db
        .selectFrom('checkout_holds')
        .select(['basket_id', 'sku', 'quantity'])
        .where('expires_at', '>', new Date().toISOString())
        .orderBy('id')
        .execute()
    ).map((r) => [r.basket_id, r.sku, Number(r.quantity)]);

  it('is given back with the reservation: the units count once, other baskets’ holds and another store’s id untouched', async () => {
    await start(config(), splitRouter);
    const basket = await hold('eu', [
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 1 },
    ]);
    const other = await hold('eu', [{ sku: 'B', quantity: 2 }]);
    const ukBasket = await hold('uk', [{ sku: 'B', quantity: 3 }]);
    expect(await available('eu', 'B')).toBe(10 - 1 - 2 - 3);

    await h.receive({ ...twoLineOrder('8001'), checkoutHoldId: basket });
    expect((await h.saga('8001'))?.state).toBe('fulfilment_requested');
    expect(await liveHolds()).toEqual([
      [other, 'B', 2],
      [ukBasket, 'B', 3],
    ]);
    // As the stock.reserved consumer recomputes after the reserve step: B's hub reservation (1)
    // counts, the basket's hold of it no longer (4, not 3).
    await projector.submit({ sku: 'B', changedAt: new Date().toISOString() });
    expect(await available('eu', 'B')).toBe(10 - 1 - 2 - 3);
    expect(await available('uk', 'B')).toBe(10 - 1 - 2 - 3);
    // The sweep recomputes the rest of the basket (A: the ERP holds it now) and deletes its rows.
    await reservationSweeper(h.store.db, projector)();
    expect(await available('eu', 'A')).toBe(10);
    const rows = await h.store.db.selectFrom('checkout_holds').select('basket_id').execute();
    expect(rows.map((r) => r.basket_id).sort()).toEqual([other, ukBasket].sort());

    // An eu order carrying uk's hold id: not its basket, the hold stays.
    const order = buildOrder({ id: '8002', lines: [{ sku: 'B', quantity: 1, unitPrice: '5.00' }] });
    await h.receive({ ...order, checkoutHoldId: ukBasket });
    expect((await h.saga('8002'))?.state).toBe('fulfilment_requested');
    expect(await liveHolds()).toEqual([
      [other, 'B', 2],
      [ukBasket, 'B', 3],
    ]);
  });

  it('ends when the order is routed, not when the ERP has it: an ERP outage does not keep it counting', async () => {
    await start(config(), splitRouter);
    const basket = await hold('eu', [{ sku: 'B', quantity: 2 }]);
    h.erp.maintenance = true;
    const order = buildOrder({ id: '8004', lines: [{ sku: 'B', quantity: 2, unitPrice: '5.00' }] });
    await h.receive({ ...order, checkoutHoldId: basket });
    // Registration keeps failing (retried later): the order waits routed, its units in the ledger.
    expect((await h.saga('8004'))?.state).toBe('routed');
    expect(await liveHolds()).toEqual([]);
    await reservationSweeper(h.store.db, projector)();
    expect(await available('eu', 'B')).toBe(10 - 2);
  });

  it('is given back when the order is cancelled because nothing can serve it', async () => {
    const hubConfig = config({ routing: { backorder: 'cancel-line' } });
    await start(
      hubConfig,
      createOmsRouter({
        config: hubConfig,
        rules: { ...DEFAULT_ROUTING_RULES, backorder: 'cancel-line' },
        availability: async () => ({ main: { A: 0, B: 0 }, east: { A: 0, B: 0 } }),
      }),
    );
    const basket = await hold('eu', [{ sku: 'A', quantity: 2 }]);
    const other = await hold('eu', [{ sku: 'A', quantity: 1 }]);
    await h.receive({ ...twoLineOrder('8003'), checkoutHoldId: basket });
    expect((await h.saga('8003'))?.state).toBe('cancelled');
    expect(await liveHolds()).toEqual([[other, 'A', 1]]);
    await reservationSweeper(h.store.db, projector)();
    expect(await available('eu', 'A')).toBe(10 - 1);
  });
});
