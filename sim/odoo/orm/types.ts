/**
 * Shapes shared by the emulator's ORM: field and model definitions, the per-call environment and
 * the values that cross the wire. Model files build their definitions per Odoo version, so a field
 * renamed between versions simply does not exist on the wrong one.
 */
import type { ModelStore } from './model-store.js';

/** A JSON/XML-RPC value as Odoo sends and receives it (`false` stands for empty). */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };
export type Vals = Record<string, WireValue>;

/** One stored row. Many2one hold an id or `false`, many2many an id array; one2many are derived. */
export interface Row {
  id: number;
  [field: string]: unknown;
}

export type OdooVersion = 16 | 17 | 18 | 19;

export type FieldType =
  | 'char'
  | 'text'
  | 'integer'
  | 'float'
  | 'monetary'
  | 'boolean'
  | 'selection'
  | 'date'
  | 'datetime'
  | 'many2one'
  | 'one2many'
  | 'many2many'
  | 'json';

export interface FieldDef {
  type: FieldType;
  string?: string;
  relation?: string;
  /** one2many: the many2one on the comodel pointing back. */
  inverseName?: string;
  selection?: readonly (readonly [string, string])[];
  required?: boolean;
  readonly?: boolean;
  /** Default for create, evaluated lazily (may depend on other vals already given). */
  default?: (env: Env, vals: Record<string, unknown>) => unknown;
  /** Not stored: computed on every read / search. */
  compute?: (env: Env, row: Row) => unknown;
  /** Makes a computed field writable (e.g. `lst_price` writes the template's `list_price`). */
  inverse?: (env: Env, row: Row, value: unknown) => void;
  /** many2one: what happens to this row when the target is deleted. */
  ondelete?: 'cascade' | 'set null' | 'restrict';
}

export interface ParamSpec {
  name: string;
  required?: boolean;
  default?: unknown;
}

/** A public method: `model: true` is Odoo's `@api.model` (no ids). */
export interface MethodDef {
  model?: boolean;
  params: ParamSpec[];
  run: (env: Env, ids: number[], args: Record<string, unknown>) => unknown;
}

export interface ModelDef {
  name: string;
  description?: string;
  fields: Record<string, FieldDef>;
  /** Field used for display_name; `compute` on display_name overrides it. */
  recName?: string;
  order?: string;
  /** `_inherits`: parent model → many2one holding it; parent fields read and write through. */
  inherits?: Record<string, string>;
  methods?: Record<string, MethodDef>;
  /** Runs after a row is inserted (sequences, auto-created children). */
  afterCreate?: (env: Env, row: Row, vals: Record<string, unknown>) => void;
  /** Runs after rows are updated with these (own) vals. */
  afterWrite?: (env: Env, rows: Row[], vals: Record<string, unknown>) => void;
  /** Refuses a create before anything is stored (uniqueness, business rules). */
  beforeCreate?: (env: Env, vals: Record<string, unknown>) => void;
  beforeUnlink?: (env: Env, rows: Row[]) => void;
  /** Transient models (wizards) are kept like others; they just never show in change feeds. */
  transient?: boolean;
}

export interface Env {
  store: ModelStore;
  version: OdooVersion;
  uid: number;
  context: Record<string, unknown>;
}
