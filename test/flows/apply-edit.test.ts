import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyEdit, isMaterialEdit } from '../../src/flows/order-to-cash/compensations/apply-edit.js';
import type { StepIO } from '../../src/flows/order-to-cash/define-step.js';
import { configRouter, type SagaOrder } from '../../src/flows/order-to-cash/index.js';
import { silentLogger } from '../../src/ops/logger.js';
import { buildOrder } from './order-fixture.js';
import { startSagaHarness, type SagaHarness } from './saga-harness.js';

describe('applyEdit (order edited in WooCommerce after ERP registration)', () => {
  let h: SagaHarness;
  let io: StepIO;
  const order = buildOrder({ id: '4001', lines: [{ sku: 'A', quantity: 1, unitPrice: '10.00' }] });
  const edited = buildOrder({
    id: '4001',
    lines: [{ sku: 'A', quantity: 2, unitPrice: '10.00' }],
    modifiedAt: '2026-11-23T11:00:00Z',
  });
  const registered = (): SagaOrder => ({
    subject: 'order:eu:4001',
    storeId: 'eu',
    orderId: '4001',
    state: 'reserved',
    since: '2026-11-23T10:00:00Z',
    order,
    erp: { id: '1', name: 'S00001', state: 'confirmed' },
    fulfilments: [],
    shipments: [],
    amounts: { currency: 'EUR', channelTotal: order.totals.total.amount },
    version: 1,
  });

  beforeEach(async () => {
    h = await startSagaHarness();
    await h.erp.registerOrder(order);
    const deps = {
      config: h.config,
      erp: h.erp,
      woo: () => h.channel,
      wms: () => {
        throw new Error('not used');
      },
      log: silentLogger(),
      router: configRouter(h.config),
      now: () => new Date(),
    };
    io = {
      deps,
      effects: h.runtime.effects,
      db: h.store.db,
      correlationId: 'c-1',
      once: (perform) => perform(),
    };
  });
  afterEach(async () => {
    await h.stop();
  });

  it('tells a material edit from a status change', () => {
    expect(isMaterialEdit(order, edited)).toBe(true);
    expect(isMaterialEdit(order, { ...order, channelStatus: 'on-hold' })).toBe(false);
  });

  it('updates the ERP order while it is editable, once per edit', async () => {
    const outcome = await applyEdit(registered(), edited, io);
    await applyEdit(registered(), edited, io);
    expect(outcome.saga.amounts.erpTotal).toBe(edited.totals.total.amount);
    expect(h.erp.calls.filter((c) => c === 'updateOrder')).toHaveLength(1);
    expect(h.erp.orders.get('eu:4001')?.order.lines[0]?.quantity).toBe(2);
  });

  it('keeps the routing plan in step with an edit before fulfilment, so the warehouse gets the new quantities', async () => {
    const routing = {
      assignments: [
        { location: 'main', kind: 'warehouse' as const, lines: [{ lineId: '1', sku: 'A', quantity: 1 }] },
      ],
      backorders: [],
      cancelledLines: [],
      reasons: [],
    };
    const outcome = await applyEdit({ ...registered(), routing }, edited, io);
    expect(outcome.saga.routing?.assignments).toEqual([
      { location: 'main', kind: 'warehouse', lines: [{ lineId: '1', sku: 'A', quantity: 2 }] },
    ]);
    expect(outcome.write).toBeDefined();
    const before = await applyEdit({ ...registered(), erp: undefined, state: 'routed', routing }, edited, io);
    expect(before.saga.routing?.assignments[0]?.lines[0]?.quantity).toBe(2);
  });

  it('parks with the ERP reason when the ERP refuses the edit', async () => {
    h.erp.rejectUpdate = 'It is forbidden to modify a locked order';
    const outcome = await applyEdit(registered(), edited, io);
    expect(outcome.saga.state).toBe('parked');
    expect(outcome.saga.parked).toMatchObject({ code: 'UserError', step: 'edit', from: 'reserved' });
    expect(outcome.saga.parked?.reason).toContain('locked order');
  });
});
