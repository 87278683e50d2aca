/**
 * The emulator's single in-memory database: one table per model, shared by every transport. It
 * implements the generic ORM (create/write/unlink/search/read), `_inherits` delegation, x2many
 * commands, log-access columns and defaults; business behaviour lives in the model files.
 *
 * @example
 * ```ts
 * const store = new ModelStore(19, buildModels(19));
 * const env = store.env();
 * const id = store.create(env, 'res.partner', { name: 'Ada' });
 * store.read(env, 'res.partner', [id], ['name', 'write_date']);
 * ```
 */
import { convertValue } from './convert.js';
import { compileDomain } from './domain.js';
import { invalidField, missingError, validationError, valueError } from './errors.js';
import { applyMany2many, applyOne2many } from './x2many.js';
import { formatDatetime, sortRows, toWire } from './read-format.js';
import type { Env, FieldDef, ModelDef, OdooVersion, Row, WireValue } from './types.js';

const LOG_FIELDS: Record<string, FieldDef> = {
  id: { type: 'integer', string: 'ID', readonly: true },
  display_name: { type: 'char', string: 'Display Name', readonly: true },
  create_date: { type: 'datetime', string: 'Created on', readonly: true },
  write_date: { type: 'datetime', string: 'Last Updated on', readonly: true },
  create_uid: { type: 'many2one', relation: 'res.users', string: 'Created by', readonly: true },
  write_uid: { type: 'many2one', relation: 'res.users', string: 'Last Updated by', readonly: true },
};

export interface SearchOptions {
  offset?: number;
  limit?: number;
  order?: string;
}

export class ModelStore {
  readonly version: OdooVersion;
  private readonly defs = new Map<string, ModelDef>();
  private readonly tables = new Map<string, Map<number, Row>>();
  private readonly nextIds = new Map<string, number>();
  private readonly sequences = new Map<string, number>();
  private readonly now: () => Date;
  /** Last write_date handed out, in whole seconds, so a record's write_date strictly increases. */
  private lastStamp = 0;
  /** Rows as they were before the running call touched them (`null`: did not exist). */
  private journal: Map<string, Map<number, Row | null>> | undefined;

  constructor(version: OdooVersion, models: ModelDef[], now: () => Date = () => new Date()) {
    this.version = version;
    this.now = now;
    for (const def of models) {
      this.defs.set(def.name, def);
      this.tables.set(def.name, new Map());
      this.nextIds.set(def.name, 1);
    }
  }

  env(context: Record<string, unknown> = {}, uid = 2): Env {
    return { store: this, version: this.version, uid, context };
  }

  hasModel(model: string): boolean {
    return this.defs.has(model);
  }

  model(model: string): ModelDef {
    const def = this.defs.get(model);
    if (!def) throw valueError(`Object ${model} doesn't exist`);
    return def;
  }

  modelNames(): string[] {
    return [...this.defs.keys()];
  }

  /** Own, inherited (`_inherits`) and magic fields. */
  fieldDef(model: string, field: string): FieldDef | undefined {
    const def = this.defs.get(model);
    if (!def) return undefined;
    const own = def.fields[field] ?? LOG_FIELDS[field];
    if (own) return own;
    for (const parent of Object.keys(def.inherits ?? {})) {
      const inherited = this.fieldDef(parent, field);
      if (inherited) return inherited;
    }
    return undefined;
  }

  fieldNames(model: string): string[] {
    const def = this.model(model);
    const names = new Set([...Object.keys(LOG_FIELDS), ...Object.keys(def.fields)]);
    for (const parent of Object.keys(def.inherits ?? {}))
      for (const f of this.fieldNames(parent)) names.add(f);
    return [...names];
  }

  row(model: string, id: number): Row | undefined {
    return this.tables.get(model)?.get(id);
  }

  rows(model: string): Row[] {
    return [...(this.tables.get(model)?.values() ?? [])];
  }

  /** Rows that exist, or Odoo's MissingError naming the ones that do not. */
  browse(env: Env, model: string, ids: number[]): Row[] {
    const table = this.tables.get(model)!;
    const missing = ids.filter((id) => !table.has(id));
    if (missing.length > 0) throw missingError(model, missing, env.uid);
    return ids.map((id) => table.get(id)!);
  }

  nextSequence(code: string): number {
    const next = (this.sequences.get(code) ?? 0) + 1;
    this.sequences.set(code, next);
    return next;
  }

  /** Current time as Odoo's datetime string; strictly increasing across calls to `stamp`. */
  stamp(): string {
    const seconds = Math.max(Math.floor(this.now().getTime() / 1000), this.lastStamp);
    this.lastStamp = seconds;
    return formatDatetime(new Date(seconds * 1000));
  }

  /** A write_date for `row`: never equal to or before the one it already has. */
  private touchStamp(row: Row): string {
    const current = typeof row.write_date === 'string' ? Date.parse(`${row.write_date}Z`) / 1000 : 0;
    let seconds = Math.max(Math.floor(this.now().getTime() / 1000), this.lastStamp);
    if (seconds <= current) seconds = current + 1;
    this.lastStamp = Math.max(this.lastStamp, seconds);
    return formatDatetime(new Date(seconds * 1000));
  }

  today(): string {
    return formatDatetime(this.now()).slice(0, 10);
  }

  /**
   * Runs one RPC call as Odoo runs it: in its own transaction, rolled back entirely on error. Ids
   * and sequence numbers are not given back, like PostgreSQL sequences.
   */
  transaction<T>(fn: () => T): T {
    if (this.journal) return fn();
    this.journal = new Map();
    try {
      return fn();
    } catch (error) {
      for (const [model, rows] of this.journal) {
        const table = this.tables.get(model)!;
        for (const [id, before] of rows) {
          if (before === null) table.delete(id);
          else {
            const row = table.get(id);
            if (row) {
              for (const key of Object.keys(row)) delete row[key];
              Object.assign(row, before);
            } else table.set(id, before);
          }
        }
      }
      throw error;
    } finally {
      this.journal = undefined;
    }
  }

  /** Records a row's state before its first change in the running transaction. */
  private remember(model: string, id: number): void {
    if (!this.journal) return;
    let rows = this.journal.get(model);
    if (!rows) this.journal.set(model, (rows = new Map()));
    if (rows.has(id)) return;
    const row = this.tables.get(model)!.get(id);
    rows.set(id, row ? structuredClone(row) : null);
  }

  /**
   * Low-level update for business methods (state changes, computed stock moves): no field
   * conversion, but journaled for rollback and bumping write_date unless `touch` is false.
   */
  setRaw(env: Env, model: string, row: Row, patch: Record<string, unknown>, touch = true): void {
    this.remember(model, row.id);
    Object.assign(row, patch);
    if (touch) this.touch(env, model, row);
  }

  // ---------------------------------------------------------------- reading

  /** The internal value of a field: ids for relations, `false` for empty. */
  get(env: Env, model: string, row: Row, field: string): unknown {
    const def = this.defs.get(model)!;
    if (field === 'id') return row.id;
    const own = def.fields[field];
    if (field === 'display_name' && !own?.compute) return this.displayName(env, model, row.id);
    if (own) {
      if (own.compute) return own.compute(env, row);
      if (own.type === 'one2many') return this.inverseIds(env, own.relation!, own.inverseName!, row.id);
      const value = row[field];
      if (own.type === 'many2many') return Array.isArray(value) ? value : [];
      return value ?? defaultEmpty(own);
    }
    if (LOG_FIELDS[field]) return row[field] ?? false;
    for (const [parent, link] of Object.entries(def.inherits ?? {})) {
      if (this.fieldDef(parent, field)) {
        const parentRow = this.row(parent, row[link] as number);
        return parentRow ? this.get(env, parent, parentRow, field) : false;
      }
    }
    throw invalidField(model, field);
  }

  /** The rows a relational field of `row` points to (x2many or many2one), in the field's order. */
  related(env: Env, model: string, row: Row, field: string): Row[] {
    const value = this.get(env, model, row, field);
    const ids = Array.isArray(value) ? (value as number[]) : typeof value === 'number' ? [value] : [];
    return this.browse(env, this.fieldDef(model, field)!.relation!, ids);
  }

  displayName(env: Env, model: string, id: number): string {
    const def = this.defs.get(model)!;
    const row = this.row(model, id);
    if (!row) return '';
    const custom = def.fields.display_name?.compute;
    if (custom) return String(custom(env, row));
    const recName = def.recName ?? 'name';
    const value = this.fieldDef(model, recName) ? this.get(env, model, row, recName) : false;
    return value === false ? `${model},${id}` : String(value);
  }

  private inverseIds(env: Env, comodel: string, inverse: string, id: number): number[] {
    const rows = this.rows(comodel).filter((r) => r[inverse] === id);
    return sortRows(env, comodel, rows, this.defs.get(comodel)!.order).map((r) => r.id);
  }

  /** Ids of `model` whose display name matches `name` with a like-style operator. */
  nameMatch(env: Env, model: string, name: string, op: string): number[] {
    const needle = op.includes('ilike') ? name.toLowerCase() : name;
    return this.rows(model)
      .filter((r) => {
        const display = this.displayName(env, model, r.id);
        const hay = op.includes('ilike') ? display.toLowerCase() : display;
        if (op === '=' || op.startsWith('=')) return hay === needle;
        return hay.includes(needle);
      })
      .map((r) => r.id);
  }

  descendants(env: Env, model: string, roots: number[]): Set<number> {
    const result = new Set(roots);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of this.rows(model)) {
        const parent = r.parent_id ?? r.location_id;
        if (typeof parent === 'number' && result.has(parent) && !result.has(r.id)) {
          result.add(r.id);
          grew = true;
        }
      }
    }
    return result;
  }

  ancestors(env: Env, model: string, roots: number[]): Set<number> {
    const result = new Set<number>();
    for (let id of roots) {
      while (typeof id === 'number' && !result.has(id)) {
        result.add(id);
        const r = this.row(model, id);
        id = (r?.parent_id ?? r?.location_id) as number;
      }
    }
    return result;
  }

  search(env: Env, model: string, domain: unknown, options: SearchOptions = {}): number[] {
    const def = this.model(model);
    const predicate = compileDomain(env, model, domain);
    const activeTest =
      env.context.active_test !== false &&
      this.fieldDef(model, 'active') !== undefined &&
      !mentionsField(domain, 'active');
    let rows = this.rows(model).filter(
      (r) => (!activeTest || this.get(env, model, r, 'active') !== false) && predicate(r),
    );
    rows = sortRows(
      env,
      model,
      rows,
      options.order || def.order,
      options.order !== undefined && options.order !== '',
    );
    const offset = options.offset ?? 0;
    const end = options.limit ? offset + options.limit : undefined;
    return rows.slice(offset, end).map((r) => r.id);
  }

  read(
    env: Env,
    model: string,
    ids: number[],
    fields?: string[],
    load: string | false = '_classic_read',
  ): Record<string, WireValue>[] {
    const names = fields && fields.length > 0 ? fields : this.fieldNames(model).filter((f) => f !== 'id');
    for (const f of names) if (!this.fieldDef(model, f)) throw invalidField(model, f);
    return this.browse(env, model, ids).map((row) => {
      const out: Record<string, WireValue> = { id: row.id };
      for (const f of names) {
        if (f === 'id') continue;
        out[f] = toWire(env, this.fieldDef(model, f)!, this.get(env, model, row, f), load);
      }
      return out;
    });
  }

  // ---------------------------------------------------------------- writing

  create(env: Env, model: string, input: Record<string, unknown>): number {
    const def = this.model(model);
    const vals: Record<string, unknown> = { ...input };
    for (const key of Object.keys(vals)) if (!this.fieldDef(model, key)) throw invalidField(model, key);
    // Context defaults (`default_<field>`) come before the model's own defaults, as in Odoo.
    for (const [key, value] of Object.entries(env.context)) {
      const field = key.startsWith('default_') ? key.slice(8) : '';
      if (field && def.fields[field] && !(field in vals)) vals[field] = value;
    }
    // Delegate parent fields to the `_inherits` parent, creating it when not linked yet.
    for (const [parent, link] of Object.entries(def.inherits ?? {})) {
      const parentVals: Record<string, unknown> = {};
      for (const key of Object.keys(vals)) {
        if (!def.fields[key] && !LOG_FIELDS[key] && this.fieldDef(parent, key)) {
          parentVals[key] = vals[key];
          delete vals[key];
        }
      }
      if (typeof vals[link] !== 'number') {
        vals[link] = this.create(
          { ...env, context: { ...env.context, create_from_child: model } },
          parent,
          parentVals,
        );
      } else if (Object.keys(parentVals).length > 0) {
        this.write(env, parent, [vals[link] as number], parentVals);
      }
    }
    for (const [name, field] of Object.entries(def.fields)) {
      if (!(name in vals) && field.default && !field.compute) vals[name] = field.default(env, vals);
    }
    def.beforeCreate?.(env, vals);
    const id = this.nextIds.get(model)!;
    this.nextIds.set(model, id + 1);
    const stamp = this.stamp();
    const row: Row = { id, create_date: stamp, write_date: stamp, create_uid: env.uid, write_uid: env.uid };
    const later: [string, unknown][] = [];
    for (const [name, value] of Object.entries(vals)) {
      const field = def.fields[name];
      if (!field) continue;
      if (field.type === 'one2many' || (field.compute && field.inverse)) later.push([name, value]);
      else if (field.type === 'many2many') row[name] = applyMany2many(this, env, field, [], value, name);
      else if (!field.compute) row[name] = convertValue(this, model, name, field, value);
    }
    for (const [name, field] of Object.entries(def.fields)) {
      if (
        row[name] === undefined &&
        !field.compute &&
        (field.type === 'float' || field.type === 'integer' || field.type === 'monetary')
      )
        row[name] = 0;
      if (
        field.required &&
        !field.compute &&
        (row[name] === undefined || row[name] === false) &&
        field.type !== 'boolean'
      ) {
        throw notNull(model, def, name, field);
      }
    }
    this.remember(model, id);
    this.tables.get(model)!.set(id, row);
    for (const [name, value] of later) this.assignLater(env, model, row, name, value);
    def.afterCreate?.(env, row, vals);
    return id;
  }

  write(env: Env, model: string, ids: number[], input: Record<string, unknown>): void {
    const def = this.model(model);
    for (const key of Object.keys(input)) if (!this.fieldDef(model, key)) throw invalidField(model, key);
    const rows = this.browse(env, model, ids);
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      const parent = Object.entries(def.inherits ?? {}).find(
        ([p]) => !def.fields[key] && !LOG_FIELDS[key] && this.fieldDef(p, key),
      );
      if (parent) {
        const [parentModel, link] = parent;
        this.write(env, parentModel, [...new Set(rows.map((r) => r[link] as number))], { [key]: value });
      } else if (!LOG_FIELDS[key]) {
        own[key] = value;
      }
    }
    for (const row of rows) {
      this.remember(model, row.id);
      for (const [name, value] of Object.entries(own)) {
        const field = def.fields[name]!;
        if (field.type === 'one2many' || (field.compute && field.inverse))
          this.assignLater(env, model, row, name, value);
        else if (field.type === 'many2many')
          row[name] = applyMany2many(this, env, field, (row[name] as number[]) ?? [], value, name);
        else if (!field.compute) row[name] = convertValue(this, model, name, field, value);
        if (field.required && !field.compute && field.type !== 'boolean' && row[name] === false)
          throw notNull(model, def, name, field);
      }
      this.touch(env, model, row);
    }
    def.afterWrite?.(env, rows, own);
  }

  /** Bumps write_date / write_uid, as any ORM write does. */
  touch(env: Env, model: string, row: Row): void {
    this.remember(model, row.id);
    row.write_date = this.touchStamp(row);
    row.write_uid = env.uid;
    void model;
  }

  unlink(env: Env, model: string, ids: number[]): void {
    const def = this.model(model);
    const table = this.tables.get(model)!;
    const rows = ids.map((id) => table.get(id)).filter((r): r is Row => r !== undefined);
    def.beforeUnlink?.(env, rows);
    for (const row of rows) {
      this.remember(model, row.id);
      table.delete(row.id);
    }
    const gone = new Set(rows.map((r) => r.id));
    // Follow many2one ondelete rules on every model pointing here.
    for (const [otherName, other] of this.defs) {
      for (const [fname, field] of Object.entries(other.fields)) {
        if (field.type !== 'many2one' || field.relation !== model || field.compute) continue;
        const dependants = this.rows(otherName).filter((r) => gone.has(r[fname] as number));
        if (dependants.length === 0) continue;
        if (field.ondelete === 'cascade')
          this.unlink(
            env,
            otherName,
            dependants.map((r) => r.id),
          );
        else if (field.ondelete === 'restrict') {
          throw validationError(
            'The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n' +
              `Model: ${other.description ?? otherName} (${otherName}), Constraint: ${otherName.replace(/\./g, '_')}_${fname}_fkey`,
          );
        } else for (const r of dependants) this.setRaw(env, otherName, r, { [fname]: false }, false);
      }
      for (const [fname, field] of Object.entries(other.fields)) {
        if (field.type !== 'many2many' || field.relation !== model) continue;
        for (const r of this.rows(otherName)) {
          const list = r[fname];
          if (Array.isArray(list) && list.some((id) => gone.has(id as number))) {
            this.setRaw(env, otherName, r, { [fname]: list.filter((id) => !gone.has(id as number)) }, false);
          }
        }
      }
    }
  }

  /** Fields set after the row exists: one2many commands and inverse-computed fields. */
  private assignLater(env: Env, model: string, row: Row, name: string, value: unknown): void {
    const field = this.defs.get(model)!.fields[name]!;
    if (field.compute && field.inverse) field.inverse(env, row, value);
    else applyOne2many(this, env, model, row, name, field, value);
  }
}

function defaultEmpty(field: FieldDef): unknown {
  if (field.type === 'integer' || field.type === 'float' || field.type === 'monetary') return 0;
  return false;
}

function notNull(model: string, def: ModelDef, name: string, field: FieldDef) {
  return validationError(
    'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
      '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${def.description ?? model} (${model})\nField: ${field.string ?? name} (${name})`,
  );
}

function mentionsField(domain: unknown, field: string): boolean {
  return Array.isArray(domain) && domain.some((t) => Array.isArray(t) && t[0] === field);
}
