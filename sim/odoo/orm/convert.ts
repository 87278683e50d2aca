/** Wire value → stored value for one field, refusing what PostgreSQL or the field itself would refuse. */
import { validationError, valueError } from './errors.js';
import type { ModelStore } from './model-store.js';
import type { FieldDef } from './types.js';

export function convertValue(
  store: ModelStore,
  model: string,
  name: string,
  field: FieldDef,
  value: unknown,
): unknown {
  if (value === null || value === undefined) value = false;
  const wrong = () => valueError(`Wrong value for ${model}.${name}: ${JSON.stringify(value)}`);
  switch (field.type) {
    case 'char':
    case 'text':
      if (value === false || value === '') return false;
      if (typeof value !== 'string' && typeof value !== 'number') throw wrong();
      return String(value);
    case 'selection':
      if (value === false) return false;
      if (!field.selection?.some(([key]) => key === value)) throw wrong();
      return value;
    case 'integer':
      if (value === false) return 0;
      if (typeof value !== 'number' && typeof value !== 'string') throw wrong();
      if (!Number.isFinite(Number(value))) throw wrong();
      return Math.trunc(Number(value));
    case 'float':
    case 'monetary':
      if (value === false) return 0;
      if (typeof value !== 'number' && typeof value !== 'string') throw wrong();
      if (!Number.isFinite(Number(value))) throw wrong();
      return Number(value);
    case 'boolean':
      return Boolean(value);
    case 'date':
      if (value === false) return false;
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw wrong();
      return value.slice(0, 10);
    case 'datetime':
      if (value === false) return false;
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?/.test(value))
        throw wrong();
      return value.length === 10
        ? `${value} 00:00:00`
        : `${value.slice(0, 10)} ${value.slice(11, 19).padEnd(8, ':00')}`;
    case 'many2one': {
      if (value === false || value === 0) return false;
      const id = Array.isArray(value) ? value[0] : value;
      if (typeof id !== 'number' || !Number.isInteger(id)) throw wrong();
      if (!store.row(field.relation!, id)) {
        throw validationError(
          `The operation cannot be completed: the record ${field.relation}(${id},) referenced by ${model}.${name} does not exist.`,
        );
      }
      return id;
    }
    default:
      return value;
  }
}
