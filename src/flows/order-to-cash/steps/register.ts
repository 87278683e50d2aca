/**
 * Step `register`: creates (or finds, by the channel's reference) the sales order in the ERP and
 * confirms it. Lines the routing cancelled (and refunded) are left off the ERP order. The ERP's
 * confirmation reserves the lines at its warehouse, so the hub's hold on them is consumed.
 * Compensation: cancel the ERP order. An ERP refusal (BusinessError) parks the order with the
 * ERP's own message.
 */
import { makeEvent } from '../../../canonical/index.js';
import type { RegisterOrderOptions, RegisteredOrder } from '../../../connectors/erp.js';
import { defineStep, type StepIO } from '../define-step.js';
import { erpOrderOf } from '../erp-order.js';
import { erpWarehouseOf, holders } from '../erp-held.js';
import { consume } from '../../inventory/reservation-ledger/index.js';
import { moveTo } from '../run-step.js';
import { partitionOf, ref } from '../saga-events.js';
import type { SagaOrder } from '../saga-state.js';

export function registerOptions(saga: SagaOrder, io: StepIO): RegisterOrderOptions {
  const store = io.deps.config.stores.find((s) => s.id === saga.storeId);
  const location = saga.routing?.erpLocation ?? erpWarehouseOf(saga, io.deps.config);
  const warehouse = io.deps.config.warehouses.find((w) => w.id === location)?.erpLocation;
  return {
    storeId: saga.storeId,
    ...(warehouse === undefined ? {} : { warehouse }),
    ...(store?.pricelist === undefined ? {} : { pricelist: store.pricelist }),
  };
}

export const registerStep = defineStep({
  name: 'register',
  from: ['routed'],
  idempotencyKey: (saga) => `erp:register:${saga.subject}`,
  invoke: async (saga, io): Promise<RegisteredOrder> => {
    const { erp } = io.deps;
    const registered = await io.once(
      () =>
        erp.registerOrder(
          erpOrderOf(saga.order, saga.routing?.cancelledLines ?? []),
          registerOptions(saga, io),
        ),
      () => erp.findOrder(saga.storeId, saga.orderId),
    );
    await io.effects.run(`erp:confirm:${saga.subject}`, {
      perform: async () => {
        await erp.confirmOrder(registered.erpOrderId);
        return true;
      },
    });
    return registered;
  },
  apply: (saga, registered, io) => {
    const erpLocation = erpWarehouseOf(saga, io.deps.config);
    const next: SagaOrder = {
      ...moveTo(saga, 'registered', io.deps.now()),
      erp: { id: registered.erpOrderId, name: registered.erpOrderName, state: 'confirmed' },
      amounts: { ...saga.amounts, erpTotal: registered.amountTotal },
      ...(saga.routing === undefined || erpLocation === undefined
        ? {}
        : { routing: { ...saga.routing, erpLocation } }),
    };
    const taken = holders(next).erp;
    return {
      saga: next,
      // The ERP's confirmation reserved these units at its warehouse: the hub's hold on them ends here.
      write: (trx) =>
        consume(
          trx,
          saga.subject,
          taken.map((l) => l.lineId),
          io.deps.now(),
        ).then(() => undefined),
      timeline: [
        {
          kind: 'effect',
          system: io.deps.erp.system,
          summary: `${registered.created ? 'Registered' : 'Found existing'} ERP order ${registered.erpOrderName} (total ${registered.amountTotal} ${saga.order.currency}) and confirmed it`,
          data: registered,
        },
      ],
      events: [
        makeEvent('order.registered', saga.subject, partitionOf(saga), {
          ...ref(saga),
          system: io.deps.erp.system,
          erpOrderId: registered.erpOrderId,
          erpOrderName: registered.erpOrderName,
          erpTotal: { currency: saga.order.currency, amount: registered.amountTotal },
          created: registered.created,
        }),
      ],
    };
  },
  compensate: async (saga, io) => {
    const erpOrderId = saga.erp?.id;
    if (erpOrderId === undefined) return;
    await io.effects.run(`erp:cancel:${saga.subject}`, {
      perform: async () => {
        await io.deps.erp.cancelOrder(erpOrderId);
        return true;
      },
    });
  },
});
