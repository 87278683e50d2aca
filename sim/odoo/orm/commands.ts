/**
 * x2many command tuples (`[0,0,vals]` create … `[6,0,ids]` replace), normalised from every shape
 * Odoo accepts on the wire: command arrays, bare ids (link) and bare dicts (create).
 */
import { valueError } from './errors.js';
import type { WireValue } from './types.js';

export type X2ManyCommand =
  | { op: 'create'; vals: Record<string, WireValue> }
  | { op: 'update'; id: number; vals: Record<string, WireValue> }
  | { op: 'delete'; id: number }
  | { op: 'unlink'; id: number }
  | { op: 'link'; id: number }
  | { op: 'clear' }
  | { op: 'set'; ids: number[] };

const isVals = (v: unknown): v is Record<string, WireValue> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const asId = (v: unknown, field: string): number => {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw valueError(`Wrong value for ${field}: ${JSON.stringify(v)}`);
};

/** Parses the value written to an x2many field into commands; `false` clears. */
export function parseCommands(value: unknown, field: string): X2ManyCommand[] {
  if (value === false || value === null) return [{ op: 'clear' }];
  if (!Array.isArray(value)) throw valueError(`Wrong value for ${field}: ${JSON.stringify(value)}`);
  return value.map((item): X2ManyCommand => {
    if (typeof item === 'number') return { op: 'link', id: asId(item, field) };
    if (isVals(item)) return { op: 'create', vals: item };
    if (!Array.isArray(item) || typeof item[0] !== 'number') {
      throw valueError(`Wrong value for ${field}: ${JSON.stringify(item)}`);
    }
    const [code, id, payload] = item as [number, unknown, unknown];
    switch (code) {
      case 0:
        return { op: 'create', vals: isVals(payload) ? payload : {} };
      case 1:
        return { op: 'update', id: asId(id, field), vals: isVals(payload) ? payload : {} };
      case 2:
        return { op: 'delete', id: asId(id, field) };
      case 3:
        return { op: 'unlink', id: asId(id, field) };
      case 4:
        return { op: 'link', id: asId(id, field) };
      case 5:
        return { op: 'clear' };
      case 6:
        return { op: 'set', ids: Array.isArray(payload) ? payload.map((v) => asId(v, field)) : [] };
      default:
        throw valueError(`Wrong value for ${field}: unknown command ${code}`);
    }
  });
}
