/**
 * `/__control/*`: the emulator's own endpoints (never authenticated, never faulted, not journaled)
 * for tests, the demo and benchmarks: fault knobs, state summary, request journal, simulated
 * checkouts, stock changes and waiting for webhook deliveries.
 */
import type { IncomingMessage } from 'node:http';
import { WcError } from './errors.js';
import type { Faults } from './types.js';
import type { RouteResult } from './router.js';
import type { JournalFilter } from './journal.js';

export interface ControlApi {
  faultsGet(): Faults;
  faultsSet(patch: unknown): Faults;
  summary(): unknown;
  journalLog(filter: JournalFilter): unknown[];
  journalCount(filter: JournalFilter): number;
  journalReset(): void;
  checkout(input: unknown): unknown;
  setStock(sku: string, quantity: number): unknown;
  deliveries(): unknown[];
  flush(): Promise<void>;
}

function json(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new WcError(400, 'invalid_json', 'Body is not valid JSON.');
  }
}

export async function handleControl(
  api: ControlApi,
  request: IncomingMessage,
  raw: Buffer,
  url: URL,
): Promise<RouteResult> {
  const method = (request.method ?? 'GET').toUpperCase();
  const path = url.pathname.replace(/\/+$/, '');
  const filter: JournalFilter = {
    ...(url.searchParams.get('method') ? { method: url.searchParams.get('method') as string } : {}),
    ...(url.searchParams.get('pathPrefix')
      ? { pathPrefix: url.searchParams.get('pathPrefix') as string }
      : {}),
  };
  switch (`${method} ${path}`) {
    case 'GET /__control/faults':
      return { status: 200, body: api.faultsGet() };
    case 'POST /__control/faults':
    case 'PUT /__control/faults':
      return { status: 200, body: api.faultsSet(json(raw)) };
    case 'GET /__control/state':
      return { status: 200, body: api.summary() };
    case 'GET /__control/requests':
      return { status: 200, body: { count: api.journalCount(filter), requests: api.journalLog(filter) } };
    case 'DELETE /__control/requests':
      api.journalReset();
      return { status: 204, body: null };
    case 'POST /__control/orders':
      return { status: 201, body: api.checkout(json(raw)) };
    case 'POST /__control/stock': {
      const body = json(raw) as { sku?: unknown; quantity?: unknown };
      if (typeof body.sku !== 'string' || !Number.isInteger(body.quantity))
        throw new WcError(400, 'invalid_stock', 'Body must be {"sku": string, "quantity": integer}.');
      return { status: 200, body: api.setStock(body.sku, body.quantity as number) };
    }
    case 'GET /__control/deliveries':
      return { status: 200, body: api.deliveries() };
    case 'POST /__control/webhooks/flush':
      await api.flush();
      return { status: 200, body: { flushed: true } };
    default:
      throw new WcError(404, 'control_not_found', `No control endpoint ${method} ${path}.`);
  }
}
