/**
 * Typed builder for events to publish: the version comes from the catalogue and the data is
 * validated (a bug that builds a bad event fails at the producer, not at every consumer).
 *
 * @example
 * ```ts
 * import { makeEvent, orderSubject, orderPartitionKey } from '../index.js';
 * await publish([
 *   makeEvent('order.completed', orderSubject('eu', 727), orderPartitionKey('eu', 727),
 *     { storeId: 'eu', orderId: '727', completedAt: new Date().toISOString() }),
 * ]);
 * ```
 */
import type { EventInput } from '../../runtime/contracts.js';
import { eventCatalogue, type EventData, type EventType } from './catalogue.js';
import { assertEvent } from './validate-event.js';

export type EventMeta = Pick<
  EventInput,
  'source' | 'correlationId' | 'causationId' | 'id' | 'occurredAt' | 'notBefore'
> & {
  /** Skip validation (only for data already validated against this exact schema). */
  trusted?: boolean;
};

export function makeEvent<T extends EventType>(
  type: T,
  subject: string,
  partitionKey: string,
  data: EventData<T>,
  meta: EventMeta = {},
): EventInput<EventData<T>> {
  const { version } = eventCatalogue[type];
  const { trusted, ...rest } = meta;
  if (trusted !== true) assertEvent(type, version, data);
  const event: EventInput<EventData<T>> = { type, version, subject, partitionKey, data };
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) Object.assign(event, { [key]: value });
  }
  return event;
}
