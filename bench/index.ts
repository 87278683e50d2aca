/**
 * Every benchmark `bench/run.ts` runs, in order. Each module exports `name` and
 * `run(): Promise<BenchResult>`; add one line per bench.
 */
import * as inboxWrites from './inbox-writes.bench.js';
import * as dispatch from './dispatch.bench.js';
import * as odooOrders from './odoo-orders.bench.js';
import * as wooWebhookIngest from './woo-webhook-ingest.bench.js';
import * as saga from './saga.bench.js';
import * as availability from './availability.bench.js';
import * as stockPropagation from './stock-propagation.bench.js';

export interface BenchResult {
  title: string;
  rows: Record<string, string | number>[];
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult>;
}

export const benches: Bench[] = [
  inboxWrites,
  dispatch,
  odooOrders,
  wooWebhookIngest,
  saga,
  availability,
  stockPropagation,
];
