/**
 * The public methods every model has (`search`, `search_read`, `read`, `create`, `write`, …), with
 * their Odoo signatures per version so argument binding fails exactly where Odoo's does.
 */
import { invalidField, userError } from './errors.js';
import { Decimal } from 'decimal.js';
import type { Env, MethodDef, OdooVersion, Row, WireValue } from './types.js';

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const fieldList = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.length > 0 ? v.filter((f): f is string => typeof f === 'string') : undefined;
const loadOf = (v: unknown): string | false =>
  v === undefined ? '_classic_read' : typeof v === 'string' && v ? v : false;

function searchIds(env: Env, model: string, args: Record<string, unknown>): number[] {
  return env.store.search(env, model, args.domain ?? [], {
    offset: num(args.offset, 0),
    limit: num(args.limit, 0) || undefined,
    order: str(args.order),
  });
}

export function ormMethods(model: string, version: OdooVersion): Record<string, MethodDef> {
  const methods: Record<string, MethodDef> = {
    search: {
      model: true,
      params: [
        { name: 'domain', required: true },
        { name: 'offset', default: 0 },
        { name: 'limit', default: null },
        { name: 'order', default: null },
        ...(version === 16 ? [{ name: 'count', default: false }] : []),
      ],
      run: (env, _ids, args) => {
        const ids = searchIds(env, model, args);
        return args.count === true ? ids.length : ids;
      },
    },
    search_read: {
      model: true,
      params: [
        { name: 'domain', default: null },
        { name: 'fields', default: null },
        { name: 'offset', default: 0 },
        { name: 'limit', default: null },
        { name: 'order', default: null },
        { name: 'load', default: '_classic_read' },
      ],
      run: (env, _ids, args) =>
        env.store.read(env, model, searchIds(env, model, args), fieldList(args.fields), loadOf(args.load)),
    },
    search_count: {
      model: true,
      params: [
        { name: 'domain', required: true },
        { name: 'limit', default: null },
      ],
      run: (env, _ids, args) => {
        const count = env.store.search(env, model, args.domain ?? []).length;
        return typeof args.limit === 'number' && args.limit > 0 ? Math.min(count, args.limit) : count;
      },
    },
    read: {
      params: [
        { name: 'fields', default: null },
        { name: 'load', default: '_classic_read' },
      ],
      run: (env, ids, args) => env.store.read(env, model, ids, fieldList(args.fields), loadOf(args.load)),
    },
    create: {
      model: true,
      params: [{ name: 'vals_list', required: true }],
      run: (env, _ids, args) => {
        const list = args.vals_list;
        if (Array.isArray(list)) return list.map((vals) => env.store.create(env, model, asVals(vals)));
        return env.store.create(env, model, asVals(list));
      },
    },
    write: {
      params: [{ name: 'vals', required: true }],
      run: (env, ids, args) => {
        env.store.write(env, model, ids, asVals(args.vals));
        return true;
      },
    },
    unlink: {
      params: [],
      run: (env, ids) => {
        env.store.unlink(env, model, ids);
        return true;
      },
    },
    exists: {
      params: [],
      run: (env, ids) => ids.filter((id) => env.store.row(model, id) !== undefined),
    },
    fields_get: {
      model: true,
      params: [
        { name: 'allfields', default: null },
        { name: 'attributes', default: null },
      ],
      run: (env, _ids, args) => fieldsGet(env, model, fieldList(args.allfields), fieldList(args.attributes)),
    },
    name_search: {
      model: true,
      params: [
        { name: 'name', default: '' },
        { name: version >= 18 ? 'domain' : 'args', default: null },
        { name: 'operator', default: 'ilike' },
        { name: 'limit', default: 100 },
      ],
      run: (env, _ids, args) => {
        const name = typeof args.name === 'string' ? args.name : '';
        const operator = typeof args.operator === 'string' ? args.operator : 'ilike';
        const extra = (args.domain ?? args.args ?? []) as unknown[];
        const matching = name ? new Set(env.store.nameMatch(env, model, name, operator)) : undefined;
        const ids = env.store
          .search(env, model, extra, { limit: undefined })
          .filter((id) => !matching || matching.has(id))
          .slice(0, num(args.limit, 100) || undefined);
        return ids.map((id) => [id, env.store.displayName(env, model, id)]);
      },
    },
    default_get: {
      model: true,
      params: [{ name: 'fields_list', required: true }],
      run: (env, _ids, args) => defaultGet(env, model, fieldList(args.fields_list) ?? []),
    },
    read_group: {
      model: true,
      params: [
        { name: 'domain', required: true },
        { name: 'fields', required: true },
        { name: 'groupby', required: true },
        { name: 'offset', default: 0 },
        { name: 'limit', default: null },
        { name: 'orderby', default: false },
        { name: 'lazy', default: true },
      ],
      run: (env, _ids, args) => readGroup(env, model, args),
    },
    check_access_rights: {
      model: true,
      params: [
        { name: 'operation', required: true },
        { name: 'raise_exception', default: true },
      ],
      run: () => true,
    },
  };
  if (version <= 16) {
    methods.name_get = {
      params: [],
      run: (env, ids) =>
        env.store.browse(env, model, ids).map((r) => [r.id, env.store.displayName(env, model, r.id)]),
    };
  }
  if (version >= 18) {
    methods.has_access = { params: [{ name: 'operation', required: true }], run: () => true };
  }
  return methods;
}

function asVals(value: unknown): Record<string, WireValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw userError(`Invalid values: expected a dictionary, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, WireValue>;
}

function fieldsGet(env: Env, model: string, only: string[] | undefined, attributes: string[] | undefined) {
  const out: Record<string, Record<string, WireValue>> = {};
  for (const name of only ?? env.store.fieldNames(model)) {
    const def = env.store.fieldDef(model, name);
    if (!def) continue;
    const all: Record<string, WireValue> = {
      type: def.type,
      string: def.string ?? name.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()),
      required: def.required === true,
      readonly: def.readonly === true || (def.compute !== undefined && def.inverse === undefined),
      store: def.compute === undefined,
      searchable: true,
      sortable: def.type !== 'one2many' && def.type !== 'many2many',
      name,
    };
    if (def.relation) all.relation = def.relation;
    if (def.selection) all.selection = def.selection.map(([k, v]) => [k, v]);
    if (def.inverseName) all.relation_field = def.inverseName;
    out[name] = attributes
      ? Object.fromEntries(Object.entries(all).filter(([k]) => attributes.includes(k)))
      : all;
  }
  return out;
}

function defaultGet(env: Env, model: string, fields: string[]) {
  const def = env.store.model(model);
  const vals: Record<string, unknown> = {};
  for (const name of fields) {
    const ctx = env.context[`default_${name}`];
    if (ctx !== undefined) vals[name] = ctx;
    else if (def.fields[name]?.default) vals[name] = def.fields[name]!.default!(env, vals);
  }
  return vals;
}

/**
 * `read_group`: groups by one or more fields (lazy: only the first, with `<field>_count`), summing
 * numeric fields named in `fields` (`qty`, `qty:sum`, `total:sum(amount)`; also min/max/avg/count).
 */
function readGroup(env: Env, model: string, args: Record<string, unknown>): Record<string, WireValue>[] {
  const store = env.store;
  const groupby = (Array.isArray(args.groupby) ? args.groupby : [args.groupby]).filter(
    (g): g is string => typeof g === 'string',
  );
  const lazy = args.lazy !== false;
  const keys = lazy ? groupby.slice(0, 1) : groupby;
  for (const g of keys) if (!store.fieldDef(model, g)) throw invalidField(model, g);
  const specs = (fieldList(args.fields) ?? []).flatMap((spec) => {
    const m = /^(\w+)(?::(\w+)(?:\((\w+)\))?)?$/.exec(spec);
    if (!m) return [];
    const [, alias, fn, source] = m;
    const field = source ?? alias!;
    const def = store.fieldDef(model, field);
    if (!def || keys.includes(alias!)) return [];
    const numeric = def.type === 'integer' || def.type === 'float' || def.type === 'monetary';
    if (!fn && !numeric) return [];
    return [{ alias: alias!, field, fn: fn ?? 'sum' }];
  });
  const ids = store.search(env, model, args.domain ?? []);
  const groups = new Map<string, { values: unknown[]; rows: Row[] }>();
  for (const row of store.browse(env, model, ids)) {
    const values = keys.map((g) => store.get(env, model, row, g));
    const k = JSON.stringify(values);
    const group = groups.get(k) ?? { values, rows: [] };
    group.rows.push(row);
    groups.set(k, group);
  }
  const domain = Array.isArray(args.domain) ? (args.domain as WireValue[]) : [];
  const result = [...groups.values()].map(({ values, rows }) => {
    const out: Record<string, WireValue> = {};
    keys.forEach((g, i) => {
      const def = store.fieldDef(model, g)!;
      const v = values[i];
      out[g] =
        def.type === 'many2one' && typeof v === 'number'
          ? [v, store.displayName(env, def.relation!, v)]
          : ((v ?? false) as WireValue);
    });
    out[lazy && keys.length > 0 ? `${keys[0]}_count` : '__count'] = rows.length;
    for (const spec of specs) {
      const nums = rows.map((r) => Number(store.get(env, model, r, spec.field)) || 0);
      const total = nums.reduce((sum, n) => sum.plus(n), new Decimal(0)).toNumber();
      out[spec.alias] =
        spec.fn === 'min'
          ? Math.min(...nums)
          : spec.fn === 'max'
            ? Math.max(...nums)
            : spec.fn === 'avg'
              ? total / nums.length
              : spec.fn === 'count'
                ? nums.length
                : total;
    }
    out.__domain = [
      ...keys.map((g, i) => [g, '=', (values[i] ?? false) as WireValue] as WireValue),
      ...domain,
    ];
    if (lazy && groupby.length > 1) out.__context = { group_by: groupby.slice(1) };
    return out;
  });
  const offset = num(args.offset, 0);
  const limit = num(args.limit, 0);
  return result.slice(offset, limit ? offset + limit : undefined);
}
