/**
 * Small builders shared by the steps: the order reference every event carries, and the events
 * that are the saga's own (not in the canonical catalogue because no other module consumes them).
 *
 * @example
 * ```ts
 * publish([sagaEvent(saga, 'order.shipped', { shipments: 2 })]);
 * ```
 */
import { orderPartitionKey } from '../../canonical/index.js';
import type { EventInput } from '../../runtime/contracts.js';
import type { SagaOrder } from './saga-state.js';

export const ref = (saga: Pick<SagaOrder, 'storeId' | 'orderId'>) => ({
  storeId: saga.storeId,
  orderId: saga.orderId,
});
export const partitionOf = (saga: Pick<SagaOrder, 'storeId' | 'orderId'>) =>
  orderPartitionKey(saga.storeId, saga.orderId);

/**
 * Internal saga events: `order.shipped` (every owed line shipped), `order.resume` (a person resumed
 * a parked order), `order.advance` (a step with nothing else to say), `order.backorder-routed`
 * (stock arrived for backordered lines: their plan, already reserved), `order.backorder-expired`
 * (a timer: backordered lines have waited as long as `routing.backorderMaxDays` allows).
 */
export type SagaEventType =
  'order.shipped' | 'order.resume' | 'order.advance' | 'order.backorder-routed' | 'order.backorder-expired';

export function sagaEvent(
  saga: Pick<SagaOrder, 'subject' | 'storeId' | 'orderId'>,
  type: SagaEventType,
  data: Record<string, unknown> = {},
): EventInput {
  return { type, subject: saga.subject, partitionKey: partitionOf(saga), data: { ...ref(saga), ...data } };
}
