/**
 * Collection filters shared by every list endpoint: `include`/`exclude`, and the exclusive date
 * bounds `after`/`before`/`modified_after`/`modified_before` against the site-local column, or
 * the GMT column when `dates_are_gmt=true`.
 */
import { wallClock } from './dates.js';
import { invalidParams } from './errors.js';
import { bool, parseList } from './params.js';

interface Dated {
  id: number;
  date_created: string;
  date_created_gmt: string;
  date_modified?: string;
  date_modified_gmt?: string;
}

export function commonFilter<T extends Dated>(input: Record<string, unknown>): (item: T) => boolean {
  const include = parseList(input.include).map(Number);
  const exclude = parseList(input.exclude).map(Number);
  const gmt = bool(input.dates_are_gmt);
  const bounds: { field: 'date_created' | 'date_modified'; after: boolean; at: number }[] = [];
  const problems: Record<string, string> = {};
  for (const [name, field, after] of [
    ['after', 'date_created', true],
    ['before', 'date_created', false],
    ['modified_after', 'date_modified', true],
    ['modified_before', 'date_modified', false],
  ] as const) {
    const raw = input[name];
    if (raw === undefined || raw === '') continue;
    const at = typeof raw === 'string' ? wallClock(raw) : null;
    if (at === null) problems[name] = `Invalid date.`;
    else bounds.push({ field, after, at });
  }
  if (Object.keys(problems).length > 0) throw invalidParams(problems);
  return (item) => {
    if (include.length > 0 && !include.includes(item.id)) return false;
    if (exclude.includes(item.id)) return false;
    for (const bound of bounds) {
      const column = gmt ? item[`${bound.field}_gmt`] : item[bound.field];
      const value = column ? wallClock(column) : null;
      if (value === null) return false;
      if (bound.after ? !(value > bound.at) : !(value < bound.at)) return false;
    }
    return true;
  };
}
