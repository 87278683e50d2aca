/**
 * One webhook route group served over real HTTP on a fresh SQLite store, with the runtime's inbox
 * and a store of kept refusals: what the refused-webhook tests of each ingress start from.
 *
 * @example
 * ```ts
 * const world = await startWebhookRoute(({ inbox, rejected }) => route(wmsWebhookRoutes, { warehouses, inbox, log, rejected }));
 * await fetch(`${world.url}/webhooks/wms/main`, { method: 'POST', body: '{}' });
 * await world.closeServer(); // writes the refusals still queued
 * ```
 */
import type { AddressInfo } from 'node:net';
import { buildServer, type RoutePlugin } from '../../src/api/server.js';
import { createRuntime, type Runtime } from '../../src/runtime/create-runtime.js';
import type { Inbox } from '../../src/runtime/contracts.js';
import {
  createRejectedMessages,
  type RejectedMessages,
} from '../../src/runtime/dead-letters/rejected-messages.js';
import { silentLogger } from '../../src/ops/logger.js';
import { openTestDatabase, type TestDatabase } from '../runtime/helpers.js';

export interface WebhookRouteWorld {
  store: TestDatabase;
  runtime: Runtime;
  rejected: RejectedMessages;
  /** The server's base URL, no trailing slash. */
  url: string;
  closeServer(): Promise<void>;
}

export async function startWebhookRoute(
  plugin: (deps: { inbox: Inbox; rejected: RejectedMessages }) => RoutePlugin,
): Promise<WebhookRouteWorld> {
  const store = await openTestDatabase('sqlite');
  const runtime = createRuntime({ db: store.db, dialect: store.dialect, log: silentLogger() });
  const rejected = createRejectedMessages(store.db);
  const server = await buildServer({
    log: silentLogger(),
    plugins: [plugin({ inbox: runtime.inbox, rejected })],
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    store,
    runtime,
    rejected,
    url: `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    closeServer: () => server.close(),
  };
}
