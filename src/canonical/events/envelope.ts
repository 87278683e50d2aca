/**
 * The event envelope as stored and published: the JSON form of the runtime's `Envelope` minus
 * `attempt` (delivery bookkeeping, not part of the fact). `causationId` is absent on the first
 * event of a chain.
 *
 * @example
 * ```ts
 * import { Compile } from 'typebox/compile';
 * Compile(EventEnvelopeSchema).Check({ id: '01JD2Z4W5X6Y7Z8A9B0C1D2E3F', type: 'order.completed', version: 1,
 *   source: 'hub', subject: 'order:eu:727', partitionKey: 'orders.eu.727', correlationId: 'c-1',
 *   occurredAt: '2026-11-23T15:00:00Z', data: {} }); // true
 * ```
 */
import { Type, type Static, type TSchema } from 'typebox';
import { TimestampSchema } from '../models/common.js';

const envelopeProperties = {
  id: Type.String({ pattern: '^[0-9A-HJKMNP-TV-Z]{26}$', description: 'ULID: unique and time-sortable.' }),
  type: Type.String({ pattern: '^[a-z_]+\\.[a-z_]+$', description: 'Event type, e.g. `order.received`.' }),
  version: Type.Integer({ minimum: 1, description: 'Schema version of `data` for this type.' }),
  source: Type.String({ minLength: 1, description: 'Emitting system: `hub`, `woocommerce:eu`, `odoo`.' }),
  subject: Type.String({ minLength: 1, description: 'Entity key: `order:eu:727`, `sku:TSHIRT-RED-M`.' }),
  partitionKey: Type.String({ minLength: 1, description: 'Ordering key: `orders.eu.727`.' }),
  correlationId: Type.String({ minLength: 1, description: 'Shared by every message of one business flow.' }),
  causationId: Type.Optional(Type.String({ description: 'Id of the message that caused this one.' })),
  occurredAt: TimestampSchema,
};

export const EventEnvelopeSchema = Type.Object(
  {
    ...envelopeProperties,
    data: Type.Unknown({ description: 'The event data; its schema depends on type and version.' }),
  },
  {
    title: 'EventEnvelope',
    description: 'A canonical event as stored in the event log and carried by the bus.',
  },
);
export type EventEnvelope = Static<typeof EventEnvelopeSchema>;

/** The full envelope schema of one event type and version, as published under `schemas/events/`. */
export function envelopeOf(type: string, version: number, data: TSchema, description: string) {
  return Type.Object(
    {
      ...envelopeProperties,
      type: Type.Literal(type),
      version: Type.Literal(version),
      data,
    },
    { title: type, description },
  );
}
