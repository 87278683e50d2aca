/**
 * Change detection by `write_date`, the only change marker every Odoo model has.
 *
 * Odoo stamps `write_date` with its transaction's START time, and a transaction may commit after
 * a poll has already read later stamps; a plain "write_date > last" cursor would skip it forever.
 * So each poll re-reads an overlap window before the cursor and drops what it already delivered,
 * remembered as `id@write_date` for every record inside the window. Pages are read by keyset
 * (`write_date`, `id`) rather than offset, so a record rewritten mid-poll cannot shift a page and
 * hide another. A change can be delivered twice (never skipped); consumers are idempotent.
 *
 * @example
 * ```ts
 * const page = await readChanges(odoo, 'stock.quant', [['location_id', 'in', [8]]], ['quantity'], cursor);
 * await publish(page.rows.map(toEvent));
 * await cursors.set('odoo:stock', page.cursor);
 * ```
 */
import type { Domain, OdooClient, OdooRecord } from '../client.js';

export interface CursorState {
  /** Highest write_date delivered (`YYYY-MM-DD HH:MM:SS`, UTC). */
  since?: string;
  /** `id@write_date` of records delivered inside the overlap window. */
  seen: string[];
}

export interface ChangeReadOptions {
  /** How far before the cursor to look again; longer than Odoo's slowest transaction. Default 30 s. */
  overlapSeconds?: number;
  pageSize?: number;
  /** Stop after this many rows (the next call continues); default 5,000. */
  maxRows?: number;
  context?: Record<string, unknown>;
}

export function parseCursor(value: string | undefined): CursorState {
  if (!value) return { seen: [] };
  try {
    const parsed = JSON.parse(value) as Partial<CursorState>;
    return {
      ...(typeof parsed.since === 'string' ? { since: parsed.since } : {}),
      seen: Array.isArray(parsed.seen) ? parsed.seen.map(String) : [],
    };
  } catch {
    return { seen: [] };
  }
}

/** `2026-03-01 10:00:30` minus 30 s → `2026-03-01 10:00:00` (Odoo datetimes are naive UTC). */
export function shiftOdooTime(value: string, seconds: number): string {
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`) - seconds * 1000;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const keyOf = (row: OdooRecord) => `${row.id}@${String(row.write_date)}`;

/**
 * Pure half: which rows are new, and the next cursor. `rows` are everything read at or after
 * `since − overlap`, in (write_date, id) order.
 */
export function advanceCursor(
  state: CursorState,
  rows: readonly OdooRecord[],
  overlapSeconds: number,
): { fresh: OdooRecord[]; next: CursorState } {
  const seen = new Set(state.seen);
  const fresh = rows.filter((row) => !seen.has(keyOf(row)));
  let since = state.since;
  for (const row of rows) {
    const w = String(row.write_date);
    if (since === undefined || w > since) since = w;
  }
  if (since === undefined) return { fresh, next: { seen: [] } };
  const floor = shiftOdooTime(since, overlapSeconds);
  const window = new Set(
    [...state.seen, ...rows.map(keyOf)].filter((key) => key.slice(key.indexOf('@') + 1) >= floor),
  );
  return { fresh, next: { since, seen: [...window] } };
}

export async function readChanges(
  client: OdooClient,
  model: string,
  domain: Domain,
  fields: string[],
  cursor: string | undefined,
  options: ChangeReadOptions = {},
): Promise<{ rows: OdooRecord[]; cursor: string }> {
  const overlap = options.overlapSeconds ?? 30;
  const pageSize = options.pageSize ?? 500;
  const maxRows = options.maxRows ?? 5_000;
  const state = parseCursor(cursor);
  const columns = fields.includes('write_date') ? fields : [...fields, 'write_date'];
  const rows: OdooRecord[] = [];
  let after: { w: string; id: number } | undefined;
  const floor = state.since === undefined ? undefined : shiftOdooTime(state.since, overlap);
  while (rows.length < maxRows) {
    const keyset: unknown[] = after
      ? ['|', ['write_date', '>', after.w], '&', ['write_date', '=', after.w], ['id', '>', after.id]]
      : floor
        ? [['write_date', '>=', floor]]
        : [];
    const page = await client.searchRead(model, [...domain, ...keyset], columns, {
      limit: pageSize,
      order: 'write_date asc, id asc',
      ...(options.context ? { context: options.context } : {}),
    });
    rows.push(...page);
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) break;
    after = { w: String(last.write_date), id: last.id };
  }
  const { fresh, next } = advanceCursor(state, rows, overlap);
  return { rows: fresh, cursor: JSON.stringify(next) };
}
