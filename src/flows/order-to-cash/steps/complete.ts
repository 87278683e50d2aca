/**
 * Step `complete`: every owed line has shipped, so the channel order is marked completed (the
 * tracking notes were added shipment by shipment). Setting an absolute status is idempotent.
 */
import { makeEvent } from '../../../canonical/index.js';
import { defineStep } from '../define-step.js';
import { moveTo } from '../run-step.js';
import { partitionOf, ref } from '../saga-events.js';

export const completeStep = defineStep({
  name: 'complete',
  from: ['shipped'],
  idempotencyKey: (saga) => `woo:complete:${saga.subject}`,
  invoke: (saga, io) =>
    io.once(async () => {
      await io.deps.woo(saga.storeId).setOrderStatus(saga.orderId, 'completed');
      return io.deps.now().toISOString();
    }),
  apply: (saga, completedAt, io) => ({
    saga: {
      ...moveTo(saga, 'completed', io.deps.now()),
      order: { ...saga.order, status: 'completed', channelStatus: 'completed' },
    },
    timeline: [
      {
        kind: 'effect',
        system: `woocommerce:${saga.storeId}`,
        summary: 'Order marked completed in WooCommerce',
      },
    ],
    events: [makeEvent('order.completed', saga.subject, partitionOf(saga), { ...ref(saga), completedAt })],
  }),
});
