/**
 * Request parameters the way PHP and WordPress see them: `a[]=1&a[]=2` and `a[x]=1` become arrays
 * and maps, JSON bodies merge over the query string, and collection parameters are validated with
 * WordPress' `rest_invalid_param` messages.
 */
import { invalidParams } from './errors.js';

export type PhpValue = string | PhpValue[] | { [key: string]: PhpValue };
export type PhpParams = Record<string, PhpValue>;

export function parsePhpQuery(search: string): PhpParams {
  const out: PhpParams = {};
  const text = search.startsWith('?') ? search.slice(1) : search;
  if (!text) return out;
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const decode = (s: string): string => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const rawKey = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(rawKey);
    if (!match || !match[2]) {
      out[rawKey] = value;
      continue;
    }
    const path = [...(match[2] as string).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] as string);
    let container: PhpParams | PhpValue[] = out;
    let key: string = match[1] as string;
    for (const segment of path) {
      const holder = container as Record<string, PhpValue>;
      let next = holder[key];
      if (typeof next !== 'object') {
        next = segment === '' || /^\d+$/.test(segment) ? [] : {};
        holder[key] = next;
      }
      container = next as PhpParams | PhpValue[];
      key = segment === '' ? String(Array.isArray(next) ? next.length : Object.keys(next).length) : segment;
    }
    (container as Record<string, PhpValue>)[key] = value;
  }
  return out;
}

/** `wp_parse_list`: an array, or a comma/space separated string. */
export function parseList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.flatMap((v) => parseList(v));
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>).flatMap((v) => parseList(v));
  return String(value)
    .split(/[\s,]+/)
    .filter((s) => s !== '');
}

const humanList = (values: readonly string[]): string =>
  values.length <= 2
    ? values.join(' and ')
    : `${values.slice(0, -1).join(', ')}, and ${values[values.length - 1]}`;

export interface CollectionParams {
  page: number;
  perPage: number;
  offset: number | null;
  orderby: string;
  order: 'asc' | 'desc';
}

function integer(
  input: Record<string, unknown>,
  name: string,
  problems: Record<string, string>,
): number | undefined {
  const raw = input[name];
  if (raw === undefined || raw === '') return undefined;
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (typeof raw === 'object' || !Number.isInteger(value)) {
    problems[name] = `${name} is not of type integer.`;
    return undefined;
  }
  return value;
}

export function collectionParams(
  input: Record<string, unknown>,
  orderbyValues: readonly string[],
  defaults: { orderby: string; order: 'asc' | 'desc' } = { orderby: 'date', order: 'desc' },
): CollectionParams {
  const problems: Record<string, string> = {};
  const page = integer(input, 'page', problems) ?? 1;
  if (page < 1 && !problems.page) problems.page = 'page must be greater than or equal to 1';
  const perPage = integer(input, 'per_page', problems) ?? 10;
  if ((perPage < 1 || perPage > 100) && !problems.per_page)
    problems.per_page = 'per_page must be between 1 (inclusive) and 100 (inclusive)';
  const offset = integer(input, 'offset', problems) ?? null;
  const orderby = input.orderby === undefined ? defaults.orderby : String(input.orderby);
  if (!orderbyValues.includes(orderby))
    problems.orderby = `orderby is not one of ${humanList(orderbyValues)}.`;
  const order = input.order === undefined ? defaults.order : String(input.order);
  if (order !== 'asc' && order !== 'desc') problems.order = 'order is not one of asc and desc.';
  if (Object.keys(problems).length > 0) throw invalidParams(problems);
  return { page, perPage, offset, orderby, order: order as 'asc' | 'desc' };
}

export function enumList(input: Record<string, unknown>, name: string, allowed: readonly string[]): string[] {
  const values = parseList(input[name]);
  const bad = values.filter((v) => !allowed.includes(v));
  if (bad.length > 0) throw invalidParams({ [name]: `${name}[0] is not one of ${humanList(allowed)}.` });
  return values;
}

export const bool = (value: unknown): boolean =>
  value === true || value === 'true' || value === '1' || value === 1;
