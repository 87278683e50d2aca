/**
 * WooCommerce date pairs: a site-local `YYYY-MM-DDTHH:MM:SS` without offset and its UTC `_gmt`
 * twin. The site's offset is fixed per emulator (`utcOffsetMinutes`), like a WordPress timezone
 * without DST.
 */
export interface DatePair {
  local: string;
  gmt: string;
}

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

export function datePair(at: Date, utcOffsetMinutes: number): DatePair {
  return { local: iso(at.getTime() + utcOffsetMinutes * 60_000), gmt: iso(at.getTime()) };
}

/** Parses a WooCommerce date string (no offset = UTC for `_gmt` fields). */
export function parseGmt(text: string | null | undefined): number | null {
  if (!text) return null;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Wall-clock milliseconds of a date string, ignoring any offset: WordPress' date query formats the
 * bound without converting it, then compares it with the site-local or the GMT column.
 */
export function wallClock(text: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(text.trim());
  if (!match) return null;
  const ms = Date.parse(`${match[1]}T${match[2] ?? '00:00:00'}Z`);
  return Number.isNaN(ms) ? null : ms;
}
