/**
 * `GET /v1/orders/:storeId/:orderId/timeline` — the order's timeline as JSON; an unknown order is
 * a 404 problem+json with code `order_not_found`, a malformed id a 400 `invalid_request`.
 *
 * @example
 * ```ts
 * await buildServer({ log, plugins: [{ plugin: timelineRoutes, options: { db } }] });
 * // curl http://127.0.0.1:8080/v1/orders/eu/727/timeline
 * ```
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { sendProblem } from '../../api/problem.js';
import type { Database } from '../../store/schema.js';
import { readOrderTimeline } from './order-timeline.js';

export interface TimelineRoutesOptions {
  db: Kysely<Database>;
}

const Params = Compile(
  Type.Object({
    storeId: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }),
    orderId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
  }),
);

export const timelineRoutes: FastifyPluginAsync<TimelineRoutesOptions> = async (app, options) => {
  app.get('/v1/orders/:storeId/:orderId/timeline', async (request, reply) => {
    if (!Params.Check(request.params)) {
      const errors = [...Params.Errors(request.params)].map((e) => ({
        path: e.instancePath || '/',
        message: e.message,
      }));
      return sendProblem(
        reply,
        400,
        'invalid_request',
        'storeId must be a configured store id and orderId an order id.',
        errors,
      );
    }
    const { storeId, orderId } = request.params;
    const view = await readOrderTimeline(options.db, storeId, orderId);
    if (view === undefined)
      return sendProblem(
        reply,
        404,
        'order_not_found',
        `The hub has no order ${orderId} from store "${storeId}".`,
      );
    return reply.send(view);
  });
};
