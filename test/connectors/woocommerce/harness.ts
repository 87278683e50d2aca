/**
 * A real runtime on a migrated store of its own (SQLite temp file, or a PostgreSQL schema), with a consumer that records the
 * canonical events the WooCommerce connector publishes. For the connector's integration tests.
 *
 * @example
 * ```ts
 * const hub = await openHub({ stores: [{ id: 'eu', currency: 'USD' }] });
 * await hub.runtime.inbox.accept(message);
 * await hub.runtime.idle();
 * hub.events.map((e) => e.type); // ['order.received']
 * await hub.close();
 * ```
 */
import type { Envelope } from '../../../src/runtime/contracts.js';
import { createRuntime, type Runtime } from '../../../src/runtime/create-runtime.js';
import type { DatabaseHandle } from '../../../src/store/create-database.js';
import { openTestDatabase, type TestDialect } from '../../runtime/helpers.js';
import { silentLogger } from '../../../src/ops/logger.js';
import {
  registerWooIngest,
  type WooIngestOptions,
} from '../../../src/connectors/woocommerce/ingest-handler.js';

export const CANONICAL_TYPES = [
  'order.received',
  'order.updated',
  'order.cancelled',
  'refund.requested',
  'product.changed',
  'price.changed',
  'customer.changed',
];

export interface Hub {
  store: DatabaseHandle;
  runtime: Runtime;
  events: Envelope[];
  close(): Promise<void>;
}

/** A migrated store of its own (SQLite temp file by default, or a PostgreSQL schema). */
export async function openHub(options: WooIngestOptions, dialect: TestDialect = 'sqlite'): Promise<Hub> {
  const store = await openTestDatabase(dialect);
  const runtime = createRuntime({
    db: store.db,
    dialect: store.dialect,
    log: silentLogger(),
    pollIntervalMs: 20,
    retry: { maxAttempts: 3, baseMs: 10, maxMs: 50 },
  });
  const events: Envelope[] = [];
  registerWooIngest(runtime, options);
  runtime.subscribe('test-recorder', CANONICAL_TYPES, async (ctx) => {
    events.push(ctx.message);
  });
  await runtime.start();
  return {
    store,
    runtime,
    events,
    close: async () => {
      await runtime.stop();
      await store.close();
    },
  };
}
