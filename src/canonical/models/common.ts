/**
 * Small shared schema pieces: enums as JSON-Schema `enum`, timestamps, SKUs, references to a
 * record in another system, free-form meta. Building blocks carry `title`/`description` but no
 * `$id`: an embedded `$id` repeated inside one schema makes ajv (Fastify's validator) refuse it,
 * so `$id`s are stamped only on the published files (see `../governance/published-schemas.ts`).
 *
 * @example
 * ```ts
 * const Status = StringEnum(['open', 'closed'], { description: 'Door state' });
 * ```
 */
import { Type, type Static, type TSchemaOptions } from 'typebox';

/** A string enum emitted as `{ "enum": [...] }`, which the compatibility checker compares as a set. */
export function StringEnum<const T extends string[]>(values: readonly [...T], options: TSchemaOptions = {}) {
  return Type.Enum(values, { type: 'string', ...options });
}

export const TimestampSchema = Type.String({
  format: 'date-time',
  description: 'RFC 3339 date-time in UTC, e.g. 2026-03-22T19:28:08Z.',
});
export type Timestamp = Static<typeof TimestampSchema>;

export const SkuSchema = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'Stock keeping unit: the key shared by every system for one sellable item.',
});
export type Sku = Static<typeof SkuSchema>;

export const StoreIdSchema = Type.String({
  pattern: '^[a-z0-9-]+$',
  description: 'Configured store id (`stores[].id`), e.g. `eu`.',
});

export const LocationIdSchema = Type.String({
  minLength: 1,
  description: 'Configured warehouse or drop-ship supplier id (`warehouses[].id`), e.g. `main`.',
});

export const ChannelSchema = StringEnum(['woocommerce'], { description: 'The sales channel kind.' });
export type Channel = Static<typeof ChannelSchema>;

export const ExternalRefSchema = Type.Object(
  {
    system: Type.String({ description: 'System name: `woocommerce:eu`, `odoo`, `wms:main`.' }),
    id: Type.String({ description: 'The record id in that system, as a string.' }),
    name: Type.Optional(Type.String({ description: 'Human reference in that system, e.g. `S00042`.' })),
  },
  { title: 'ExternalRef', description: 'Where a record lives in another system.' },
);
export type ExternalRef = Static<typeof ExternalRefSchema>;

export const MetaSchema = Type.Array(
  Type.Object({
    key: Type.String(),
    value: Type.Unknown(),
  }),
  { description: 'Channel-specific key/value metadata carried through untouched.' },
);
export type Meta = Static<typeof MetaSchema>;

export const QuantitySchema = Type.Integer({
  minimum: 1,
  description: 'Units ordered, shipped or returned.',
});

export const StockQuantitySchema = Type.Number({
  description: 'Stock quantity in the product unit; may be fractional for goods sold by weight.',
});
