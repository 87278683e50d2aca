/**
 * Odoo search domains — prefix `&`, `|`, `!` over `[path, operator, value]` leaves, implicit AND
 * between consecutive terms — compiled to a row predicate. Paths may cross many2one/x2many fields
 * (`location_id.usage`); an x2many step matches when any related row does. SQL's NULL rules are
 * copied where clients notice them: `!=` and `not in` also match empty values, ordering comparisons
 * never do.
 */
import { valueError } from './errors.js';
import type { Env, Row } from './types.js';

export type Predicate = (row: Row) => boolean;

const OPERATORS = new Set([
  '=',
  '!=',
  '<>',
  '<',
  '>',
  '<=',
  '>=',
  '=?',
  'like',
  'not like',
  'ilike',
  'not ilike',
  '=like',
  '=ilike',
  'in',
  'not in',
  'child_of',
  'parent_of',
]);
const NEGATIVE = new Set(['!=', '<>', 'not like', 'not ilike', 'not in']);

const pyLeaf = (leaf: unknown[]): string =>
  `(${leaf.map((v) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v))).join(', ')})`;

/** Compiles a domain for `model`; throws Odoo's ValueError on unknown fields or operators. */
export function compileDomain(env: Env, model: string, domain: unknown): Predicate {
  if (domain === undefined || domain === null || domain === false) return () => true;
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${JSON.stringify(domain)}`);
  const stack: Predicate[] = [];
  for (let i = domain.length - 1; i >= 0; i -= 1) {
    const term: unknown = domain[i];
    if (term === '!') {
      const a = pop(stack, domain);
      stack.push((row) => !a(row));
    } else if (term === '&' || term === '|') {
      const a = pop(stack, domain);
      const b = pop(stack, domain);
      stack.push(term === '&' ? (row) => a(row) && b(row) : (row) => a(row) || b(row));
    } else if (Array.isArray(term) && term.length === 3) {
      stack.push(compileLeaf(env, model, term));
    } else if (term === true || term === false) {
      const constant = term;
      stack.push(() => constant);
    } else {
      throw valueError(`Invalid leaf ${JSON.stringify(term)}`);
    }
  }
  return (row) => stack.every((p) => p(row));
}

function pop(stack: Predicate[], domain: unknown[]): Predicate {
  const p = stack.pop();
  if (!p) throw valueError(`Invalid domain: ${JSON.stringify(domain)}`);
  return p;
}

function compileLeaf(env: Env, model: string, leaf: unknown[]): Predicate {
  const [rawPath, rawOp, operand] = leaf;
  // Odoo's constant leaves TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1).
  if (typeof rawPath === 'number') return () => rawPath === operand;
  const op = typeof rawOp === 'string' ? rawOp.toLowerCase() : '';
  if (typeof rawPath !== 'string' || !OPERATORS.has(op)) {
    throw valueError(`Invalid leaf ${pyLeaf(leaf)}`);
  }
  const store = env.store;
  const parts = rawPath.split('.');
  // Validate the whole path up front, as Odoo does when it builds the query.
  let current = model;
  const steps: { model: string; field: string }[] = [];
  for (const [index, name] of parts.entries()) {
    const def = store.fieldDef(current, name);
    if (!def) throw valueError(`Invalid field ${current}.${name} in leaf ${pyLeaf(leaf)}`);
    steps.push({ model: current, field: name });
    if (index < parts.length - 1) {
      if (!def.relation) throw valueError(`Invalid field ${current}.${name} in leaf ${pyLeaf(leaf)}`);
      current = def.relation;
    }
  }
  const last = steps[steps.length - 1]!;
  const test = compareLeaf(env, last.model, last.field, op, operand);
  const walk = (row: Row, depth: number): boolean => {
    const step = steps[depth]!;
    if (depth === steps.length - 1) return test(store.get(env, step.model, row, step.field));
    const def = store.fieldDef(step.model, step.field)!;
    const value = store.get(env, step.model, row, step.field);
    const ids = Array.isArray(value) ? (value as number[]) : typeof value === 'number' ? [value] : [];
    const next = ids.map((id) => store.row(def.relation!, id)).filter((r): r is Row => r !== undefined);
    if (next.length === 0) return NEGATIVE.has(op);
    if (NEGATIVE.has(op) && def.type !== 'many2one') return next.every((r) => walk(r, depth + 1));
    return next.some((r) => walk(r, depth + 1));
  };
  return (row) => walk(row, 0);
}

const isEmpty = (v: unknown): boolean =>
  v === false || v === null || v === undefined || (Array.isArray(v) && v.length === 0);

function likeRegex(pattern: string, anchored: boolean, insensitive: boolean): RegExp {
  let body = '';
  for (const ch of pattern) {
    if (ch === '%') body += '.*';
    else if (ch === '_') body += '.';
    else body += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(anchored ? `^${body}$` : body, insensitive ? 'is' : 's');
}

/** Builds the test for the final field of a path, given its stored value. */
function compareLeaf(
  env: Env,
  model: string,
  field: string,
  op: string,
  operand: unknown,
): (value: unknown) => boolean {
  const store = env.store;
  const def = store.fieldDef(model, field)!;
  const relational = def.type === 'many2one' || def.type === 'one2many' || def.type === 'many2many';
  const target = def.relation ?? model;

  // Relational fields compared with names go through the comodel's display names, like name_search.
  const resolveIds = (value: unknown, nameOp: string): number[] | undefined => {
    const list = Array.isArray(value) ? value : [value];
    if (list.every((v) => typeof v === 'number')) return list as number[];
    const ids: number[] = [];
    for (const v of list) {
      if (typeof v === 'number') ids.push(v);
      else if (typeof v === 'string') ids.push(...store.nameMatch(env, target, v, nameOp));
    }
    return ids;
  };

  if (op === 'child_of' || op === 'parent_of') {
    const roots = resolveIds(operand, '=') ?? [];
    const family =
      op === 'child_of' ? store.descendants(env, target, roots) : store.ancestors(env, target, roots);
    return (value) => {
      const ids = field === 'id' ? [value as number] : Array.isArray(value) ? (value as number[]) : [value];
      return ids.some((id) => typeof id === 'number' && family.has(id));
    };
  }
  if (op === '=?') {
    if (isEmpty(operand)) return () => true;
    return compareLeaf(env, model, field, '=', operand);
  }

  if (relational || field === 'id') {
    const asIds = (value: unknown): number[] =>
      Array.isArray(value) ? (value as number[]) : typeof value === 'number' ? [value] : [];
    if (
      ['like', 'ilike', 'not like', 'not ilike', '=like', '=ilike'].includes(op) &&
      typeof operand === 'string'
    ) {
      const matching = new Set(store.nameMatch(env, target, operand, op.replace('not ', '')));
      const positive = (value: unknown) => asIds(value).some((id) => matching.has(id));
      return op.startsWith('not') ? (v) => !positive(v) : positive;
    }
    if (op === '=' || op === '!=' || op === '<>' || op === 'in' || op === 'not in') {
      const negative = op !== '=' && op !== 'in';
      const values = Array.isArray(operand) && (op === 'in' || op === 'not in') ? operand : [operand];
      const wantsEmpty = values.some((v) => v === false || v === null);
      const ids = new Set(
        resolveIds(
          values.filter((v) => v !== false && v !== null),
          '=',
        ) ?? [],
      );
      const positive = (value: unknown) => {
        const current = asIds(value);
        if (current.length === 0) return wantsEmpty;
        return current.some((id) => ids.has(id));
      };
      return negative ? (v) => !positive(v) : positive;
    }
    // Ordering comparisons on ids (e.g. `id > 10` paging).
    return (value) => asIds(value).some((id) => ordered(op, id, operand));
  }

  switch (op) {
    case '=':
      return (value) => (isEmpty(operand) ? isEmpty(value) || value === '' : equal(value, operand));
    case '!=':
    case '<>':
      return (value) => (isEmpty(operand) ? !isEmpty(value) && value !== '' : !equal(value, operand));
    case 'in':
    case 'not in': {
      const values = Array.isArray(operand) ? operand : [operand];
      const positive = (value: unknown) =>
        values.some((v) => (isEmpty(v) ? isEmpty(value) : equal(value, v)));
      return op === 'in' ? positive : (v) => !positive(v);
    }
    case 'like':
    case 'ilike':
    case 'not like':
    case 'not ilike':
    case '=like':
    case '=ilike': {
      if (operand === false) return (value) => (op.startsWith('not') ? !isEmpty(value) : isEmpty(value));
      const pattern = String(operand);
      const anchored = op.startsWith('=');
      const re = likeRegex(anchored ? pattern : `%${pattern}%`, true, op.includes('ilike'));
      const positive = (value: unknown) => !isEmpty(value) && re.test(String(value));
      return op.startsWith('not') ? (v) => !positive(v) : positive;
    }
    default:
      return (value) => !isEmpty(value) && ordered(op, value, operand);
  }
}

function equal(value: unknown, operand: unknown): boolean {
  if (typeof value === 'boolean' || typeof operand === 'boolean') return Boolean(value) === Boolean(operand);
  if (typeof value === 'number' && typeof operand === 'string') return value === Number(operand);
  return value === operand;
}

function ordered(op: string, value: unknown, operand: unknown): boolean {
  if (operand === false || operand === null || operand === undefined) return false;
  const a = value as number | string;
  const b = (typeof value === 'number' && typeof operand === 'string' ? Number(operand) : operand) as
    number | string;
  switch (op) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}
