/**
 * The hub's HTTP server: health, webhooks, the /v1 sync and admin APIs. Route groups are Fastify
 * plugins owned by their modules; this file only composes them and makes every error a problem+json
 * body with a stable code.
 *
 * @example
 * ```ts
 * import { buildServer } from './server.js';
 * const app = await buildServer({ log, plugins: [] });
 * await app.listen({ port: 8080, host: '127.0.0.1' });
 * ```
 */
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
} from 'fastify';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { problem } from './problem.js';

/**
 * A lean node:http handler for one hot route, tried before Fastify (whose per-request machinery
 * costs as much CPU as a small handler). It returns false, having touched nothing, for any request
 * it does not fully handle, and Fastify then answers it. It must keep the route's behaviour: the
 * `x-correlation-id` answer header (`correlationIdOf`) and problem+json errors.
 */
export type FastRoute = (request: IncomingMessage, response: ServerResponse) => boolean;

/** A route group with its options bound; build one with `route(plugin, options)`. */
export interface RoutePlugin {
  register(app: FastifyInstance): Promise<void>;
  fastRoute?: FastRoute;
}

export function route<O extends Record<string, unknown>>(
  plugin: FastifyPluginAsync<O>,
  options: O,
): RoutePlugin {
  return {
    register: async (app) => {
      await app.register(plugin, options);
    },
  };
}

export interface ServerOptions {
  log: Logger;
  plugins?: RoutePlugin[];
  /** Answers GET /health/ready; the hub is ready when its store is reachable and the runtime runs. */
  readiness?: () => Promise<{ ready: boolean; checks: Record<string, string> }>;
  bodyLimit?: number;
}

/** The caller's `x-correlation-id` when it is a plausible id, else a new one. */
export function correlationIdOf(request: IncomingMessage): string {
  const header = request.headers['x-correlation-id'];
  return typeof header === 'string' && /^[\w-]{1,80}$/.test(header) ? header : crypto.randomUUID();
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const fastRoutes = (options.plugins ?? []).flatMap((p) => (p.fastRoute ? [p.fastRoute] : []));
  const app = Fastify({
    ...(fastRoutes.length === 0
      ? {}
      : {
          serverFactory: (
            handler: (request: IncomingMessage, response: ServerResponse) => void,
            opts: { keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number },
          ) => {
            const server = createServer((request, response) => {
              for (const fast of fastRoutes) if (fast(request, response)) return;
              handler(request, response);
            });
            // What Fastify sets on a server it creates itself (it does not on a factory's).
            if (opts.keepAliveTimeout !== undefined) server.keepAliveTimeout = opts.keepAliveTimeout;
            if (opts.requestTimeout !== undefined) server.requestTimeout = opts.requestTimeout;
            if (opts.connectionTimeout !== undefined) server.setTimeout(opts.connectionTimeout);
            return server;
          },
        }),
    loggerInstance: options.log.child({ component: 'http' }) as FastifyBaseLogger,
    // Webhook bursts would flood the log; failures are logged by the error handler instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
    genReqId: correlationIdOf,
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', request.id);
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .type('application/problem+json')
      .send(problem(404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });

  app.setErrorHandler(
    (error: Error & { statusCode?: number; code?: string; validation?: unknown[] }, request, reply) => {
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      const code =
        error.validation !== undefined
          ? 'invalid_request'
          : status === 413
            ? 'payload_too_large'
            : status === 415
              ? 'unsupported_media_type'
              : status === 400 && error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
                ? 'malformed_json'
                : status >= 500
                  ? 'internal_error'
                  : (error.code?.toLowerCase() ?? 'bad_request');
      const detail =
        status >= 500 ? 'The hub could not handle this request; it has been logged.' : error.message;
      reply
        .code(status)
        .type('application/problem+json')
        .send(problem(status, code, detail));
    },
  );

  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_request, reply) => {
    const result = options.readiness ? await options.readiness() : { ready: true, checks: {} };
    return reply
      .code(result.ready ? 200 : 503)
      .send({ status: result.ready ? 'ready' : 'not_ready', checks: result.checks });
  });

  for (const plugin of options.plugins ?? []) await plugin.register(app);
  return app;
}
