/**
 * Validates an event's data against the catalogue schema of its type and version.
 *
 * @example
 * ```ts
 * const result = validateEvent('order.completed', 1, { storeId: 'eu', orderId: '727' });
 * if (!result.ok) result.issues; // [{ code: 'invalid_data', path: '', keyword: 'required', message: 'must have required properties completedAt' }]
 * validateEvent('order.exploded', 1, {}); // { ok: false, issues: [{ code: 'unknown_event_type', path: '', ... }] }
 * ```
 */
import type { TSchema } from 'typebox';
import { PermanentError } from '../../runtime/errors.js';
import { describeIssues, validateSchema, type ValidationResult } from '../validate.js';
import {
  eventCatalogue,
  isEventType,
  type EventCatalogueEntry,
  type EventData,
  type EventType,
} from './catalogue.js';

/** The data schema of `type` at `version`, current or previous; undefined when unknown. */
export function eventSchema(type: string, version: number): TSchema | undefined {
  if (!isEventType(type)) return undefined;
  const entry: EventCatalogueEntry = eventCatalogue[type];
  return entry.version === version ? entry.schema : entry.previous?.[version];
}

export function validateEvent<T extends EventType>(
  type: T,
  version: number,
  data: unknown,
): ValidationResult<EventData<T>>;
export function validateEvent(type: string, version: number, data: unknown): ValidationResult<unknown>;
export function validateEvent(type: string, version: number, data: unknown): ValidationResult<unknown> {
  if (!isEventType(type)) {
    return {
      ok: false,
      issues: [{ code: 'unknown_event_type', path: '', message: `unknown event type ${type}` }],
    };
  }
  const schema = eventSchema(type, version);
  if (schema === undefined) {
    const message = `unknown version ${version} of ${type} (current ${eventCatalogue[type].version})`;
    return { ok: false, issues: [{ code: 'unknown_event_version', path: '', message }] };
  }
  return validateSchema(schema, data);
}

/** Like `validateEvent` but throws `PermanentError` (code `invalid_event`, details.issues) when invalid. */
export function assertEvent(type: string, version: number, data: unknown): void {
  const result = validateEvent(type, version, data);
  if (!result.ok) {
    throw new PermanentError(`invalid ${type} v${version}: ${describeIssues(result.issues)}`, {
      code: 'invalid_event',
      system: 'canonical',
      details: { type, version, issues: result.issues },
    });
  }
}
