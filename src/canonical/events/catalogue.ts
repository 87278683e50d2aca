/**
 * The event catalogue: every canonical event type with its current data schema version.
 * Bumping a version keeps the old schema under `previous` so stored events still validate.
 *
 * @example
 * ```ts
 * eventCatalogue['order.received'].version; // 1
 * const data: EventData<'order.cancelled'> = { storeId: 'eu', orderId: '727', reason: 'asked', by: 'customer' };
 * ```
 */
import type { Static, TSchema } from 'typebox';
import { catalogueEvents } from './catalogue-events.js';
import { financeEvents } from './finance-events.js';
import { fulfilmentEvents } from './fulfilment-events.js';
import { orderEvents } from './order-events.js';
import { stockEvents } from './stock-events.js';

export interface EventCatalogueEntry {
  readonly version: number;
  readonly description: string;
  readonly schema: TSchema;
  /** Schemas of earlier published versions, by version number. */
  readonly previous?: Readonly<Record<number, TSchema>>;
}

export const eventCatalogue = {
  ...orderEvents,
  ...stockEvents,
  ...fulfilmentEvents,
  ...financeEvents,
  ...catalogueEvents,
} as const satisfies Record<string, EventCatalogueEntry>;

export type EventType = keyof typeof eventCatalogue;
export type EventData<T extends EventType> = Static<(typeof eventCatalogue)[T]['schema']>;

export const eventTypes = Object.keys(eventCatalogue) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(eventCatalogue, type);
}
