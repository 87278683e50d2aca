/**
 * The set of JSON Schema documents the code publishes: every model and every event envelope, at
 * its current version and any previous versions the code still keeps. Only here do schemas get
 * `$schema` and `$id` (building blocks carry none; see `models/common.ts`).
 *
 * @example
 * ```ts
 * const order = publishedSchemas().find((s) => s.path === 'models/order/v1.json');
 * order?.json.$id; // 'https://retail-hub.dev/schemas/models/order/v1.json'
 * ```
 */
import type { TSchema } from 'typebox';
import { eventCatalogue, type EventCatalogueEntry } from '../events/catalogue.js';
import { envelopeOf } from '../events/envelope.js';
import { modelCatalogue, type ModelCatalogueEntry } from '../models/catalogue.js';

export const SCHEMA_BASE_URI = 'https://retail-hub.dev/schemas/';
const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export interface PublishedSchema {
  kind: 'model' | 'event';
  /** Model name (`order`) or event type (`order.received`). */
  name: string;
  version: number;
  /** Relative to the schemas directory: `models/order/v1.json`, `events/order.received/v1.json`. */
  path: string;
  json: Record<string, unknown>;
}

export function schemaPath(kind: 'model' | 'event', name: string, version: number): string {
  return `${kind === 'model' ? 'models' : 'events'}/${name}/v${version}.json`;
}

function document(kind: 'model' | 'event', name: string, version: number, schema: TSchema): PublishedSchema {
  const path = schemaPath(kind, name, version);
  // The JSON round trip drops TypeBox's non-JSON markers and fixes key order for stable files.
  const plain = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  const { title, description, ...rest } = plain;
  return {
    kind,
    name,
    version,
    path,
    json: { $schema: DIALECT, $id: `${SCHEMA_BASE_URI}${path}`, title: title ?? name, description, ...rest },
  };
}

function versions(entry: { version: number; schema: TSchema; previous?: Readonly<Record<number, TSchema>> }) {
  const older = Object.entries(entry.previous ?? {}).map(([v, schema]) => ({ version: Number(v), schema }));
  return [...older, { version: entry.version, schema: entry.schema }];
}

export function publishedSchemas(): PublishedSchema[] {
  const out: PublishedSchema[] = [];
  for (const [name, entry] of Object.entries(modelCatalogue) as [string, ModelCatalogueEntry][]) {
    for (const { version, schema } of versions(entry)) out.push(document('model', name, version, schema));
  }
  for (const [type, entry] of Object.entries(eventCatalogue) as [string, EventCatalogueEntry][]) {
    for (const { version, schema } of versions(entry)) {
      out.push(document('event', type, version, envelopeOf(type, version, schema, entry.description)));
    }
  }
  return out;
}

/** The exact file text `schemas export` writes for a document. */
export function schemaFileText(schema: PublishedSchema): string {
  return `${JSON.stringify(schema.json, null, 2)}\n`;
}
