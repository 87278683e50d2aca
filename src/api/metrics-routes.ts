/**
 * Prometheus exposition of the hub's metrics registry (`GET /metrics`).
 *
 * @example
 * ```sh
 * curl -s http://127.0.0.1:8080/metrics | grep retail_hub_
 * ```
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';

export const metricsRoutes: FastifyPluginAsync<{ registry: Registry }> = async (app, { registry }) => {
  app.get('/metrics', async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
};
