/**
 * Step `reserve`: holds the routed quantities in the hub's reservation ledger until the ERP
 * allocates them (shipment). A local write, committed with the state change; no external effect.
 * Compensation: release the order's open reservations.
 */
import { makeEvent } from '../../../canonical/index.js';
import { release, reserve } from '../../inventory/reservation-ledger/index.js';
import { defineStep } from '../define-step.js';
import { moveTo } from '../run-step.js';
import { partitionOf, ref, sagaEvent } from '../saga-events.js';

export const reserveStep = defineStep({
  name: 'reserve',
  from: ['registered'],
  idempotencyKey: (saga) => `ledger:reserve:${saga.subject}`,
  invoke: async () => undefined,
  apply: (saga, _result, io) => {
    const now = io.deps.now();
    const lines = (saga.routing?.assignments ?? []).flatMap((a) =>
      a.lines.map((l) => ({ ...l, location: a.location })),
    );
    return {
      saga: moveTo(saga, 'reserved', now),
      timeline: [
        {
          kind: 'effect',
          system: 'hub',
          summary: `Reserved ${lines.map((l) => `${l.quantity}× ${l.sku} at ${l.location}`).join(', ') || 'nothing'}`,
        },
      ],
      write: (trx) => reserve(trx, saga.subject, lines, now),
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
