/** The emulator's call journal: every RPC it answered, for tests that count calls (N+1 checks, retries). */
export type Transport = 'json2' | 'jsonrpc' | 'xmlrpc' | 'web';
export type CallOutcome = 'ok' | 'error' | 'injected-error' | 'lost-response' | 'maintenance';

export interface CallRecord {
  at: string;
  transport: Transport;
  service: string;
  model?: string;
  method: string;
  outcome: CallOutcome;
  /** Odoo exception name for `error` outcomes. */
  error?: string;
  durationMs: number;
}

export interface CallFilter {
  model?: string;
  method?: string;
  transport?: Transport;
  outcome?: CallOutcome;
}

const LIMIT = 50_000;

export class CallJournal {
  private records: CallRecord[] = [];

  record(entry: CallRecord): void {
    this.records.push(entry);
    if (this.records.length > LIMIT) this.records.splice(0, this.records.length - LIMIT);
  }

  count(filter: CallFilter = {}): number {
    return this.records.filter((r) => matches(r, filter)).length;
  }

  reset(): void {
    this.records = [];
  }

  log(filter: CallFilter = {}): CallRecord[] {
    return this.records.filter((r) => matches(r, filter)).map((r) => ({ ...r }));
  }
}

function matches(r: CallRecord, f: CallFilter): boolean {
  return (
    (f.model === undefined || r.model === f.model) &&
    (f.method === undefined || r.method === f.method) &&
    (f.transport === undefined || r.transport === f.transport) &&
    (f.outcome === undefined || r.outcome === f.outcome)
  );
}
