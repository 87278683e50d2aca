import type { EventInput } from '../contracts.js';
import type { EventsTable } from '../tables.js';
import { isoAt } from '../clock.js';
import type { IdFactory } from '../ids.js';

/** An event as appended to the bus: its log row and when its deliveries become due. */
export interface EventRecord {
  row: EventsTable;
  availableAt: number;
}

export interface EventDefaults {
  source: string;
  correlationId?: string;
  causationId?: string;
}

/** Fills ids, times and inherited correlation; a new causal chain starts its own correlation id. */
export function toEventRecord(
  input: EventInput,
  defaults: EventDefaults,
  newId: IdFactory,
  now: number,
): EventRecord {
  const id = input.id ?? newId(now);
  const recordedAt = isoAt(now);
  const notBefore = input.notBefore === undefined ? Number.NaN : Date.parse(input.notBefore);
  return {
    row: {
      id,
      type: input.type,
      version: input.version ?? 1,
      source: input.source ?? defaults.source,
      subject: input.subject,
      partition_key: input.partitionKey,
      correlation_id: input.correlationId ?? defaults.correlationId ?? id,
      causation_id: input.causationId ?? defaults.causationId ?? null,
      occurred_at: input.occurredAt ?? recordedAt,
      data: JSON.stringify(input.data ?? null),
      recorded_at: recordedAt,
    },
    availableAt: Number.isFinite(notBefore) ? Math.max(notBefore, now) : now,
  };
}
