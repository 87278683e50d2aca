/**
 * Compares a published JSON Schema with its successor and lists each change, classified as
 * breaking (a reader or writer of the published version could fail) or additive.
 *
 * Breaking: removed property, changed/narrowed type, new required property (or an optional one
 * becoming required, or a required one becoming optional), narrowed enum/const/union, tightened
 * constraint (min/max raised/lowered, pattern/format changed or added, `additionalProperties: false`).
 * Additive: new optional property, widened enum or union, loosened constraint. Titles,
 * descriptions, examples and `$id` are documentation and never count.
 *
 * @example
 * ```ts
 * const changes = compareSchemas(publishedJson, Type.Object({ a: Type.String() }));
 * changes.filter((c) => c.breaking); // [{ kind: 'removed_property', path: '/properties/b', breaking: true, message }]
 * ```
 */
export type BreakingKind =
  | 'removed_property'
  | 'changed_type'
  | 'new_required_property'
  | 'required_became_optional'
  | 'narrowed_enum'
  | 'narrowed_union'
  | 'tightened_constraint';

export type AdditiveKind =
  'added_optional_property' | 'widened_enum' | 'widened_union' | 'loosened_constraint';

export interface SchemaChange {
  kind: BreakingKind | AdditiveKind;
  breaking: boolean;
  /** JSON Pointer into the schema. */
  path: string;
  message: string;
}

type Json = Record<string, unknown>;

const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;
const EXACT_CONSTRAINTS = ['pattern', 'format', 'multipleOf'] as const;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const pointer = (path: string, ...segments: (string | number)[]) =>
  `${path}/${segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

function breaking(kind: BreakingKind, path: string, message: string): SchemaChange {
  return { kind, breaking: true, path, message };
}
function additive(kind: AdditiveKind, path: string, message: string): SchemaChange {
  return { kind, breaking: false, path, message };
}

/** The closed set of values a schema admits (`enum`, `const`, or a union of consts), if any. */
function valuesOf(schema: Json): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if ('const' in schema) return [schema.const];
  if (Array.isArray(schema.anyOf) && schema.anyOf.every((b) => isObject(b) && 'const' in b)) {
    return schema.anyOf.map((b) => (b as Json).const);
  }
  return undefined;
}

function typesOf(schema: Json): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.map(String);
  return undefined;
}

function compareTypes(before: Json, after: Json, path: string): SchemaChange[] {
  const oldTypes = typesOf(before);
  const newTypes = typesOf(after);
  if (newTypes === undefined) return [];
  if (oldTypes === undefined) {
    if (valuesOf(before) !== undefined || Array.isArray(before.anyOf)) return [];
    return [breaking('changed_type', path, `type restricted to ${newTypes.join('|')}`)];
  }
  const lost = oldTypes.filter(
    (t) => !newTypes.includes(t) && !(t === 'integer' && newTypes.includes('number')),
  );
  return lost.length > 0
    ? [breaking('changed_type', path, `type ${oldTypes.join('|')} became ${newTypes.join('|')}`)]
    : [];
}

function compareValues(before: Json, after: Json, path: string): SchemaChange[] {
  const oldValues = valuesOf(before);
  const newValues = valuesOf(after);
  if (newValues === undefined) {
    return oldValues === undefined ? [] : [additive('widened_enum', path, 'closed value set removed')];
  }
  if (oldValues === undefined)
    return [breaking('narrowed_enum', path, `values restricted to ${JSON.stringify(newValues)}`)];
  const removed = oldValues.filter((v) => !newValues.some((n) => same(n, v)));
  const added = newValues.filter((v) => !oldValues.some((o) => same(o, v)));
  const changes: SchemaChange[] = [];
  if (removed.length > 0)
    changes.push(breaking('narrowed_enum', path, `values removed: ${JSON.stringify(removed)}`));
  if (added.length > 0)
    changes.push(additive('widened_enum', path, `values added: ${JSON.stringify(added)}`));
  return changes;
}

function compareConstraints(before: Json, after: Json, path: string): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const bound = (key: string, tighter: (o: number, n: number) => boolean) => {
    const o = before[key];
    const n = after[key];
    if (typeof n === 'number' && (typeof o !== 'number' || tighter(o, n))) {
      changes.push(
        breaking('tightened_constraint', pointer(path, key), `${key} ${String(o ?? 'none')} → ${n}`),
      );
    } else if (typeof o === 'number' && (typeof n !== 'number' || tighter(n, o))) {
      changes.push(
        additive('loosened_constraint', pointer(path, key), `${key} ${o} → ${String(n ?? 'none')}`),
      );
    }
  };
  for (const key of LOWER_BOUNDS) bound(key, (o, n) => n > o);
  for (const key of UPPER_BOUNDS) bound(key, (o, n) => n < o);
  for (const key of EXACT_CONSTRAINTS) {
    if (after[key] !== undefined && !same(before[key], after[key])) {
      changes.push(
        breaking(
          'tightened_constraint',
          pointer(path, key),
          `${key} ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`,
        ),
      );
    } else if (before[key] !== undefined && after[key] === undefined) {
      changes.push(additive('loosened_constraint', pointer(path, key), `${key} removed`));
    }
  }
  if (after.additionalProperties === false && before.additionalProperties !== false) {
    changes.push(
      breaking(
        'tightened_constraint',
        pointer(path, 'additionalProperties'),
        'additional properties forbidden',
      ),
    );
  }
  return changes;
}

function compareProperties(before: Json, after: Json, path: string): SchemaChange[] {
  const oldProps = isObject(before.properties) ? before.properties : {};
  const newProps = isObject(after.properties) ? after.properties : {};
  const oldRequired = Array.isArray(before.required) ? before.required.map(String) : [];
  const newRequired = Array.isArray(after.required) ? after.required.map(String) : [];
  const changes: SchemaChange[] = [];
  for (const [name, schema] of Object.entries(oldProps)) {
    const at = pointer(path, 'properties', name);
    const successor = newProps[name];
    if (successor === undefined) {
      changes.push(breaking('removed_property', at, `property ${name} removed`));
      continue;
    }
    if (!oldRequired.includes(name) && newRequired.includes(name)) {
      changes.push(breaking('new_required_property', at, `property ${name} became required`));
    } else if (oldRequired.includes(name) && !newRequired.includes(name)) {
      changes.push(breaking('required_became_optional', at, `property ${name} became optional`));
    }
    changes.push(...compareSchemas(schema, successor, at));
  }
  for (const name of Object.keys(newProps)) {
    if (name in oldProps) continue;
    const at = pointer(path, 'properties', name);
    changes.push(
      newRequired.includes(name)
        ? breaking('new_required_property', at, `new required property ${name}`)
        : additive('added_optional_property', at, `new optional property ${name}`),
    );
  }
  return changes;
}

function compareUnion(before: Json, after: Json, path: string): SchemaChange[] {
  const oldBranches = Array.isArray(before.anyOf) ? before.anyOf : [before];
  const newBranches = Array.isArray(after.anyOf) ? after.anyOf : [after];
  const changes: SchemaChange[] = [];
  const used = new Set<number>();
  for (const [i, branch] of oldBranches.entries()) {
    const at = Array.isArray(before.anyOf) ? pointer(path, 'anyOf', i) : path;
    const candidates = newBranches.map((candidate, j) => ({
      j,
      diff: compareSchemas(branch, candidate, at),
    }));
    const match = candidates.find((c) => !c.diff.some((d) => d.breaking));
    if (match) {
      used.add(match.j);
      changes.push(...match.diff);
    } else {
      changes.push(breaking('narrowed_union', at, 'no compatible alternative left for this branch'));
    }
  }
  if (newBranches.some((_, j) => !used.has(j)))
    changes.push(additive('widened_union', path, 'alternatives added'));
  return changes;
}

export function compareSchemas(before: unknown, after: unknown, path = ''): SchemaChange[] {
  if (same(before, after)) return [];
  if (!isObject(before) || !isObject(after)) {
    return [breaking('changed_type', path, 'schema replaced')];
  }
  const isUnion = (s: Json) => Array.isArray(s.anyOf) && valuesOf(s) === undefined;
  if (isUnion(before) || isUnion(after)) return compareUnion(before, after, path);

  const changes = [
    ...compareTypes(before, after, path),
    ...compareValues(before, after, path),
    ...compareConstraints(before, after, path),
  ];
  if (isObject(before.properties) || isObject(after.properties))
    changes.push(...compareProperties(before, after, path));
  if (before.items !== undefined || after.items !== undefined) {
    if (before.items === undefined)
      changes.push(breaking('changed_type', pointer(path, 'items'), 'item schema added'));
    else if (after.items !== undefined)
      changes.push(...compareSchemas(before.items, after.items, pointer(path, 'items')));
  }
  if (Array.isArray(before.allOf) || Array.isArray(after.allOf)) {
    const oldAll = Array.isArray(before.allOf) ? before.allOf : [];
    const newAll = Array.isArray(after.allOf) ? after.allOf : [];
    if (newAll.length > oldAll.length)
      changes.push(breaking('tightened_constraint', pointer(path, 'allOf'), 'allOf grew'));
    oldAll.forEach((s, i) => {
      if (i < newAll.length) changes.push(...compareSchemas(s, newAll[i], pointer(path, 'allOf', i)));
    });
  }
  return changes;
}
