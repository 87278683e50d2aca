import type { Envelope } from '../contracts.js';
import type { EventsTable } from '../tables.js';

/** The handler's view of a logged event at a given attempt. */
export function toEnvelope(row: EventsTable, attempt: number): Envelope {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    source: row.source,
    subject: row.subject,
    partitionKey: row.partition_key,
    correlationId: row.correlation_id,
    causationId: row.causation_id ?? undefined,
    occurredAt: row.occurred_at,
    data: JSON.parse(row.data) as unknown,
    attempt,
  };
}
