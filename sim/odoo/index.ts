/**
 * A faithful Odoo emulator for tests, the demo and benchmarks: JSON-2 (19+), legacy JSON-RPC and
 * XML-RPC over one in-memory model store with Odoo's ORM semantics, per-version field names and
 * states, Odoo-shaped errors, fault knobs and a call journal.
 *
 * @example
 * ```ts
 * import { startOdooEmulator } from './sim/odoo/index.js';
 * const odoo = await startOdooEmulator({ version: 19 });
 * odoo.seed.product({ sku: 'MUG', name: 'Mug', listPrice: 12.5 });
 * odoo.seed.stock({ sku: 'MUG', location: 'WH/Stock', quantity: 10 });
 * const res = await fetch(`${odoo.url}/json/2/product.product/search_read`, {
 *   method: 'POST',
 *   headers: { authorization: 'bearer admin', 'content-type': 'application/json' },
 *   body: JSON.stringify({ domain: [['default_code', '=', 'MUG']], fields: ['qty_available'] }),
 * });
 * await odoo.close();
 * ```
 */
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { CallJournal, type CallFilter, type CallRecord } from './calls.js';
import { Faults, type FaultPatch, type FaultSettings } from './faults.js';
import { buildModels } from './models/index.js';
import { callMethod } from './orm/call.js';
import { ModelStore } from './orm/model-store.js';
import type { OdooVersion, WireValue } from './orm/types.js';
import { createSeeder, loadDefaults, type Seeder } from './seed.js';
import { createEmulatorServer } from './server.js';

export type { OdooVersion, WireValue } from './orm/types.js';
export type { CallRecord, CallFilter } from './calls.js';
export type { FaultPatch, FaultSettings } from './faults.js';
export type { Seeder, SeedProduct, SeedPartner, DefaultIds } from './seed.js';
export { OdooException } from './orm/errors.js';

export interface OdooEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  db?: string;
  version?: OdooVersion;
  login?: string;
  password?: string;
  apiKey?: string;
  latencyMs?: number;
  errorRate?: number;
  lostResponseRate?: number;
  maintenance?: boolean;
  /** Source of randomness for the error rates (inject a seeded one for reproducible runs). */
  random?: () => number;
  /** Clock for create_date/write_date (tests that need to control time). */
  now?: () => Date;
  log?: Logger;
}

export interface SearchOpts {
  offset?: number;
  limit?: number;
  order?: string;
  context?: Record<string, unknown>;
}

/** Direct access to the emulator's data with Odoo's semantics (same code path as RPC, no HTTP). */
export interface ModelAccess {
  search(model: string, domain?: unknown[], opts?: SearchOpts): number[];
  read(model: string, ids: number[], fields?: string[]): Record<string, WireValue>[];
  searchRead(
    model: string,
    domain?: unknown[],
    fields?: string[],
    opts?: SearchOpts,
  ): Record<string, WireValue>[];
  searchCount(model: string, domain?: unknown[]): number;
  create(model: string, vals: Record<string, unknown>, context?: Record<string, unknown>): number;
  write(model: string, ids: number[], vals: Record<string, unknown>): true;
  unlink(model: string, ids: number[]): true;
  /** Any public method, as execute_kw would call it (ids first for record methods). */
  call(model: string, method: string, args?: unknown[], kwargs?: Record<string, unknown>): WireValue;
}

export interface OdooEmulator {
  url: string;
  db: string;
  version: OdooVersion;
  login: string;
  apiKey: string;
  uid: number;
  models: ModelAccess;
  seed: Seeder;
  faults: { set(patch: FaultPatch): FaultSettings; get(): FaultSettings };
  calls: { count(filter?: CallFilter): number; reset(): void; log(filter?: CallFilter): CallRecord[] };
  close(): Promise<void>;
}

export async function startOdooEmulator(options: OdooEmulatorOptions = {}): Promise<OdooEmulator> {
  const version = options.version ?? 19;
  if (![16, 17, 18, 19].includes(version))
    throw new RangeError(`unsupported Odoo version ${String(version)} (16, 17, 18 or 19)`);
  const login = options.login ?? 'admin';
  const credentials = {
    db: options.db ?? 'demo',
    login,
    password: options.password ?? 'admin',
    apiKey: options.apiKey ?? 'admin',
    uid: 2,
  };
  const store = new ModelStore(version, buildModels(version), options.now);
  const ids = loadDefaults(store, login);
  credentials.uid = ids.admin;
  const faults = new Faults(
    {
      latencyMs: options.latencyMs ?? 0,
      errorRate: options.errorRate ?? 0,
      lostResponseRate: options.lostResponseRate ?? 0,
      maintenance: options.maintenance ?? false,
    },
    options.random,
  );
  const journal = new CallJournal();
  const server = createEmulatorServer({
    backend: { store, credentials, version },
    faults,
    journal,
    log: options.log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const call = (
    model: string,
    method: string,
    args: unknown[] = [],
    kwargs: Record<string, unknown> = {},
  ): WireValue => callMethod(store, { model, method, args, kwargs, uid: credentials.uid, style: 'rpc' });
  const models: ModelAccess = {
    search: (model, domain = [], opts = {}) =>
      call(model, 'search', [domain], searchKwargs(opts)) as number[],
    read: (model, recordIds, fields) =>
      call(model, 'read', [recordIds], fields ? { fields } : {}) as Record<string, WireValue>[],
    searchRead: (model, domain = [], fields, opts = {}) =>
      call(model, 'search_read', [domain], {
        ...searchKwargs(opts),
        ...(fields ? { fields } : {}),
      }) as Record<string, WireValue>[],
    searchCount: (model, domain = []) => call(model, 'search_count', [domain]) as number,
    create: (model, vals, context) => call(model, 'create', [vals], context ? { context } : {}) as number,
    write: (model, recordIds, vals) => call(model, 'write', [recordIds, vals]) as true,
    unlink: (model, recordIds) => call(model, 'unlink', [recordIds]) as true,
    call,
  };

  return {
    url: `http://${host}:${address.port}`,
    db: credentials.db,
    version,
    login,
    apiKey: credentials.apiKey,
    uid: credentials.uid,
    models,
    seed: createSeeder(store, ids),
    faults: { set: (patch) => faults.set(patch), get: () => faults.get() },
    calls: { count: (f) => journal.count(f), reset: () => journal.reset(), log: (f) => journal.log(f) },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function searchKwargs(opts: SearchOpts): Record<string, unknown> {
  return {
    ...(opts.offset !== undefined ? { offset: opts.offset } : {}),
    ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
    ...(opts.order !== undefined ? { order: opts.order } : {}),
    ...(opts.context !== undefined ? { context: opts.context } : {}),
  };
}
