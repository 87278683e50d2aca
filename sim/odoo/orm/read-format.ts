/**
 * How stored values leave the emulator (Odoo's `read` format: `false` for empty, many2one as
 * `[id, display_name]`, x2many as ids) and how `order` specifications sort rows.
 */
import { valueError } from './errors.js';
import type { Env, FieldDef, Row, WireValue } from './types.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM:SS` in UTC, Odoo's datetime wire format. */
export function formatDatetime(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

export function toWire(env: Env, field: FieldDef, value: unknown, load: string | false): WireValue {
  switch (field.type) {
    case 'many2one': {
      if (typeof value !== 'number') return false;
      if (!load) return value;
      return [value, env.store.displayName(env, field.relation!, value)];
    }
    case 'one2many':
    case 'many2many':
      return Array.isArray(value) ? (value as number[]) : [];
    case 'integer':
    case 'float':
    case 'monetary':
      return typeof value === 'number' ? value : 0;
    case 'boolean':
      return Boolean(value);
    case 'json':
      return (value ?? false) as WireValue;
    default:
      return value === undefined || value === null || value === '' ? false : (value as WireValue);
  }
}

/** Sorts rows by an Odoo `order` string (`"date_order desc, id"`), nulls last ascending. */
export function sortRows(
  env: Env,
  model: string,
  rows: Row[],
  order: string | undefined,
  validate = false,
): Row[] {
  const spec = (order ?? 'id').trim() || 'id';
  const keys = spec.split(',').map((part) => {
    const [name = '', dir = 'asc', ...rest] = part.trim().split(/\s+/);
    const field = env.store.fieldDef(model, name);
    if (
      !field ||
      rest.length > 0 ||
      !['asc', 'desc'].includes(dir.toLowerCase()) ||
      field.type === 'one2many' ||
      field.type === 'many2many'
    ) {
      if (validate) {
        throw valueError(
          `Invalid "order" specified (${spec}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
        );
      }
      return undefined;
    }
    return { name, field, desc: dir.toLowerCase() === 'desc' };
  });
  const valid = keys.filter((k): k is NonNullable<typeof k> => k !== undefined);
  valid.push({ name: 'id', field: { type: 'integer' }, desc: false });
  const value = (row: Row, name: string, field: FieldDef): unknown => {
    const v = env.store.get(env, model, row, name);
    if (field.type === 'many2one')
      return typeof v === 'number' ? env.store.displayName(env, field.relation!, v) : null;
    if (field.type === 'boolean') return v ? 1 : 0;
    return v === false ? null : v;
  };
  if (rows.length < 2) return [...rows];
  // Compute each row's sort key once: computed fields and display names are not free.
  const keyed = rows.map((row) => ({ row, keys: valid.map((k) => value(row, k.name, k.field)) }));
  keyed.sort((a, b) => {
    for (const [i, key] of valid.entries()) {
      const x = a.keys[i];
      const y = b.keys[i];
      if (x === y) continue;
      // PostgreSQL: NULLs sort last ascending, first descending.
      if (x === null || x === undefined) return key.desc ? -1 : 1;
      if (y === null || y === undefined) return key.desc ? 1 : -1;
      const cmp = (x as number | string) < (y as number | string) ? -1 : 1;
      return key.desc ? -cmp : cmp;
    }
    return 0;
  });
  return keyed.map((k) => k.row);
}
