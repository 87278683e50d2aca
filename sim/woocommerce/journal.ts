/** The request journal: what reached the REST API, so tests can count e.g. batch calls. */
export interface JournalEntry {
  seq: number;
  at: string;
  method: string;
  /** Raw path, e.g. `/wp-json/wc/v3/products/batch` (or `/` for `?rest_route=`). */
  path: string;
  /** REST route, e.g. `/wc/v3/products/batch`. */
  route: string;
  query: string;
  status: number;
  durationMs: number;
  auth: 'none' | 'query' | 'basic' | 'oauth1' | 'open';
  /** create + update + delete items of a batch request. */
  batchItems?: number;
  fault?: '429' | '5xx';
}

export interface JournalFilter {
  method?: string;
  /** Matches the REST route (`/wc/v3/products/batch`) or the raw path (`/wp-json/wc/v3/...`). */
  pathPrefix?: string;
}

const MAX_ENTRIES = 200_000;

export class RequestJournal {
  private entries: JournalEntry[] = [];
  private seq = 0;

  add(entry: Omit<JournalEntry, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ seq: this.seq, ...entry });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  private matches(entry: JournalEntry, filter: JournalFilter): boolean {
    if (filter.method && entry.method !== filter.method.toUpperCase()) return false;
    if (
      filter.pathPrefix &&
      !entry.route.startsWith(filter.pathPrefix) &&
      !entry.path.startsWith(filter.pathPrefix)
    )
      return false;
    return true;
  }

  count(filter: JournalFilter = {}): number {
    let n = 0;
    for (const entry of this.entries) if (this.matches(entry, filter)) n += 1;
    return n;
  }

  log(filter: JournalFilter = {}): JournalEntry[] {
    return this.entries.filter((e) => this.matches(e, filter));
  }

  reset(): void {
    this.entries = [];
  }
}
