/**
 * The event that resumes a parked order; publish it through the runtime (admin API, CLI).
 *
 * @example
 * ```ts
 * await runtime.publish([resumeOrderEvent('eu', '1001', { by: 'ops@shop', note: 'customer fixed in ERP' })]);
 * ```
 */
import { orderPartitionKey, orderSubject } from '../../canonical/index.js';
import type { EventInput } from '../../runtime/contracts.js';

export function resumeOrderEvent(
  storeId: string,
  orderId: string,
  why: { by?: string; note?: string } = {},
): EventInput {
  return {
    type: 'order.resume',
    subject: orderSubject(storeId, orderId),
    partitionKey: orderPartitionKey(storeId, orderId),
    data: { storeId, orderId, ...why },
  };
}
