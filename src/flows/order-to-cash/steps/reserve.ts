/**
 * Step `reserve`: the routed units are held — by the ERP order for the lines at its warehouse
 * (its confirmation reserved them), by the hub's reservation ledger for the rest until they ship.
 * A local write, committed with the state change; no external effect. (The basket's checkout hold
 * already ended at `route`.) Compensation: release the order's open reservations.
 */
import { makeEvent } from '../../../canonical/index.js';
import { release, reserve } from '../../inventory/reservation-ledger/index.js';
import { defineStep } from '../define-step.js';
import { holders } from '../erp-held.js';
import { moveTo } from '../run-step.js';
import { partitionOf, ref, sagaEvent } from '../saga-events.js';

export const reserveStep = defineStep({
  name: 'reserve',
  from: ['registered'],
  idempotencyKey: (saga) => `ledger:reserve:${saga.subject}`,
  invoke: async () => undefined,
  apply: (saga, _result, io) => {
    const now = io.deps.now();
    const { erp, hub } = holders(saga);
    const lines = [...erp, ...hub];
    const listed = (held: typeof lines) =>
      held.map((l) => `${l.quantity}× ${l.sku} at ${l.location}`).join(', ') || 'nothing';
    return {
      saga: moveTo(saga, 'reserved', now),
      timeline: [
        {
          kind: 'effect',
          system: 'hub',
          summary: `Reserved: ${listed(erp)} by the ERP order; ${listed(hub)} by the hub`,
        },
      ],
      // Only what the ERP does not hold itself; a redelivery never re-opens a consumed line.
      write: (trx) => reserve(trx, saga.subject, hub, now),
      events:
        lines.length === 0
          ? [sagaEvent(saga, 'order.advance', { after: 'reserve' })]
          : [
              makeEvent('stock.reserved', saga.subject, partitionOf(saga), {
                ...ref(saga),
                reservations: lines.map((l) => ({
                  id: `${saga.subject}#${l.lineId}`,
                  sku: l.sku,
                  location: l.location,
                  storeId: saga.storeId,
                  orderSubject: saga.subject,
                  lineId: l.lineId,
                  quantity: l.quantity,
                  status: 'active' as const,
                  createdAt: now.toISOString(),
                })),
              }),
            ],
    };
  },
  compensate: async (saga, io) => {
    await release(io.db, saga.subject);
  },
});
