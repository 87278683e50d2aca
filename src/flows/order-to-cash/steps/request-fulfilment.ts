/**
 * Step `request-fulfilment`: one fulfilment request per routed location, sent to its WMS with the
 * reference as idempotency key. Compensation: cancel every fulfilment not yet shipped; one that
 * already shipped raises a BusinessError (`already_shipped`), so the cancellation parks for a person.
 */
import type { EffectLedger } from '../../../runtime/contracts.js';
import { BusinessError } from '../../../runtime/errors.js';
import type { FulfilmentPort } from '../ports.js';
import { defineStep } from '../define-step.js';
import { fulfilmentRequestedEvents, requestFulfilments } from '../fulfilment-requests.js';
import { backorderWaitingEvents } from '../handlers/on-stock-for-backorders.js';
import { backorderDeadlineEvents } from '../backorder-deadline.js';
import { moveTo } from '../run-step.js';
import type { FulfilmentRecord } from '../saga-state.js';

export const requestFulfilmentStep = defineStep({
  name: 'request-fulfilment',
  from: ['reserved'],
  idempotencyKey: (saga) => `wms:fulfil:${saga.subject}`,
  invoke: (saga, io) => requestFulfilments(saga, io, saga.routing?.assignments ?? []),
  apply: (saga, records, io) => {
    const now = io.deps.now();
    const kinds = new Map((saga.routing?.assignments ?? []).map((a) => [a.location, a.kind] as const));
    return {
      saga: { ...moveTo(saga, 'fulfilment_requested', now), fulfilments: [...saga.fulfilments, ...records] },
      timeline: records.map((r) => ({
        kind: 'effect' as const,
        system: `wms:${r.location}`,
        summary: `Fulfilment ${r.reference} requested (WMS id ${r.wmsId ?? '?'}): ${r.lines.map((l) => `${l.quantity}× ${l.sku}`).join(', ')}`,
      })),
      // Backordered lines now wait: the allocator checks at once whether their stock is already in,
      // and a timer bounds how long they may wait.
      events: [
        ...fulfilmentRequestedEvents(saga, records, kinds, now),
        ...backorderWaitingEvents(saga),
        ...backorderDeadlineEvents(saga, saga.routing?.backorders ?? [], io.deps.config, now),
      ],
    };
  },
  compensate: async (saga, io) => {
    for (const record of saga.fulfilments)
      await cancelFulfilment(record, io.deps.wms(record.location), io.effects);
  },
});

/** Cancels one fulfilment at its location once; BusinessError `already_shipped` when it is too late. */
export async function cancelFulfilment(
  record: FulfilmentRecord,
  port: FulfilmentPort,
  effects: EffectLedger,
): Promise<void> {
  if (record.status === 'cancelled' || record.status === 'exception' || record.wmsId === undefined) return;
  const wmsId = record.wmsId;
  const cancelled = await effects.run(`wms:cancel:${record.reference}`, {
    perform: () => port.cancelFulfilment(wmsId),
  });
  if (!cancelled) {
    throw new BusinessError(`fulfilment ${record.reference} has already shipped and cannot be cancelled`, {
      code: 'already_shipped',
      system: `wms:${record.location}`,
    });
  }
}
