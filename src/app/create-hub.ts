/**
 * The composition root: builds the whole hub from a validated config — store, runtime, connectors,
 * flows and the HTTP server — and nothing else. Every other module receives what it needs from
 * here as arguments; nothing reaches for a global.
 *
 * @example
 * ```ts
 * import { createHub } from './create-hub.js';
 * const hub = await createHub({ config: await loadConfig('retail-hub.yaml'), log: createLogger() });
 * await hub.start();
 * // … later
 * await hub.stop();
 * ```
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { HubConfig } from '../config/schema.js';
import { createDatabase, type DatabaseHandle } from '../store/create-database.js';
import { migrateToLatest } from '../store/migrate.js';
import { databaseConfigFrom } from '../store/database-config-from.js';
import { createRuntime, type Runtime } from '../runtime/index.js';
import { buildServer, route, type RoutePlugin } from '../api/server.js';
import { adminRoutes } from '../api/admin/admin-routes.js';
import { metricsRoutes } from '../api/metrics-routes.js';
import { wooWebhookRoute } from '../connectors/woocommerce/webhooks.js';
import { createRejectedMessages } from '../runtime/dead-letters/rejected-messages.js';
import { wmsWebhookRoutes } from '../connectors/wms/webhooks.js';
import { createRejectedReplay, wmsWebhookWarehouses } from './rejected-replay.js';
import { buildConnectors, type Connectors } from './build-connectors.js';
import { registerFlows, type Pollers } from './register-flows.js';
import { createOdooErp, type OdooErp } from '../connectors/odoo/index.js';
import { timelineRoutes } from '../ops/timeline/index.js';
import { createInventory } from '../flows/inventory/create-inventory.js';

export type HubRole = 'api' | 'worker' | 'all';

export interface HubOptions {
  config: HubConfig;
  log: Logger;
  /** api: HTTP only; worker: handlers and pollers only; all (default): both. */
  role?: HubRole;
  /** Overrides `server.port` (0 picks a free port; tests and the demo use it). */
  port?: number;
}

export interface Hub {
  config: HubConfig;
  store: DatabaseHandle;
  runtime: Runtime;
  connectors: Connectors;
  erp: OdooErp;
  /** ERP change feeds and store pollers; started by `start()` on workers. */
  pollers: Pollers | undefined;
  metrics: Registry;
  server: FastifyInstance;
  /** The base URL the server listens on, known after `start()`. */
  url: string;
  start(): Promise<void>;
  /** Stops accepting, drains in-flight work, closes the store. Safe to call twice. */
  stop(): Promise<void>;
}

export async function createHub(options: HubOptions): Promise<Hub> {
  const { config, log } = options;
  const role = options.role ?? 'all';
  const store = await createDatabase(databaseConfigFrom(config.database));
  await migrateToLatest(store.db);

  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics, prefix: 'retail_hub_process_' });
  const runtime = createRuntime({
    db: store.db,
    dialect: store.dialect,
    log: log.child({ component: 'runtime' }),
    metrics,
    ...(config.runtime?.concurrency ? { concurrency: config.runtime.concurrency } : {}),
    retry: {
      ...(config.runtime?.maxAttempts ? { maxAttempts: config.runtime.maxAttempts } : {}),
      ...(config.runtime?.retryBaseMs ? { baseMs: config.runtime.retryBaseMs } : {}),
      ...(config.runtime?.retryMaxMs ? { maxMs: config.runtime.retryMaxMs } : {}),
    },
  });
  const connectors = buildConnectors({ config, runtime, log });
  const erp = createOdooErp({
    config: {
      url: config.erp.url,
      database: config.erp.database,
      username: config.erp.username,
      apiKey: config.erp.apiKey,
      ...(config.erp.version ? { version: config.erp.version } : {}),
      ...(config.erp.transport ? { transport: config.erp.transport } : {}),
      ...(config.erp.taxMode ? { taxMode: config.erp.taxMode } : {}),
      ...(config.erp.taxMap ? { taxMap: config.erp.taxMap } : {}),
    },
    policy: runtime.policy('odoo', {
      ratePerSecond: config.erp.rateLimit?.perSecond ?? 50,
      burst: config.erp.rateLimit?.burst ?? 100,
      failureThreshold: 10,
      halfOpenAfterMs: 5_000,
      timeoutMs: 30_000,
    }),
    locations: Object.fromEntries(config.warehouses.map((w) => [w.id, w.erpLocation])),
  });
  const pollers =
    role === 'api'
      ? undefined
      : registerFlows({ config, runtime, connectors, erp, stockReturns: erp, db: store.db, log });
  const inventory = createInventory({
    config,
    ...(config.server.storefrontToken ? { storefrontToken: config.server.storefrontToken } : {}),
    db: store.db,
    runtime,
    woo: (id) => connectors.woo(id),
    metrics,
    log,
    worker: role !== 'api',
  });

  const rejected = createRejectedMessages(store.db, {
    onError: (err) => log.error({ err }, 'refused webhooks not kept'),
  });
  const warehouses = wmsWebhookWarehouses(config);
  const plugins: RoutePlugin[] = [
    route(metricsRoutes, { registry: metrics }),
    wooWebhookRoute({ stores: config.stores, inbox: runtime.inbox, log, metrics, rejected }),
    route(wmsWebhookRoutes, { warehouses, inbox: runtime.inbox, log, metrics, rejected }),
    route(timelineRoutes, { db: store.db }),
    ...inventory.routes,
    route(adminRoutes, {
      deadLetters: runtime.deadLetters,
      parked: runtime.parked,
      rejected,
      replayRejected: createRejectedReplay({ stores: config.stores, warehouses, inbox: runtime.inbox, log }),
      ...(config.server.adminToken ? { token: config.server.adminToken } : {}),
    }),
  ];
  const server = await buildServer({
    log,
    plugins,
    readiness: async () => {
      try {
        await runtime.cursors.get('health');
        return { ready: true, checks: { store: 'ok' } };
      } catch (error) {
        return { ready: false, checks: { store: (error as Error).message } };
      }
    },
  });

  let url = '';
  let stopped = false;
  const hub: Hub = {
    config,
    store,
    runtime,
    connectors,
    erp,
    pollers,
    metrics,
    server,
    get url() {
      return url;
    },
    async start() {
      if (role !== 'api') {
        await runtime.start();
        pollers?.start();
      }
      if (role !== 'worker') {
        const port = options.port ?? config.server.port;
        await server.listen({ port, host: config.server.host ?? '127.0.0.1' });
        const address = server.server.address();
        url =
          typeof address === 'object' && address
            ? `http://127.0.0.1:${address.port}`
            : config.server.publicUrl;
      }
      log.info({ role, url: url || undefined }, 'retail hub started');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // Stop taking new work first, then drain what was accepted, then close the store.
      await server.close();
      await pollers?.stop();
      await runtime.stop();
      await store.close();
      log.info('retail hub stopped');
    },
  };
  return hub;
}
