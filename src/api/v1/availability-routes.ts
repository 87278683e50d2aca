/**
 * `GET /v1/availability?store=eu&sku=A&sku=B`: available-to-sell per SKU for one store, answered
 * from the hub's in-memory projection, with the stock feed's staleness. Unknown store → 404.
 *
 * @example
 * ```sh
 * curl -s 'http://127.0.0.1:8080/v1/availability?store=eu&sku=MUG-ENAMEL&sku=TOTE-NAT'
 * # {"store":"eu","stale":false,"ageSeconds":1.2,"items":[{"sku":"MUG-ENAMEL","available":63,…}]}
 * ```
 */
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { answerAvailability, type AnswerDeps } from '../../flows/inventory/answer-availability.js';
import { sendProblem } from '../problem.js';
import { validated } from '../validated.js';

const Sku = Type.String({ minLength: 1, maxLength: 100 });
export const AvailabilityQuerySchema = Type.Object(
  {
    store: Type.String({ minLength: 1, maxLength: 40 }),
    sku: Type.Union([Sku, Type.Array(Sku, { minItems: 1, maxItems: 100 })]),
  },
  { additionalProperties: false },
);

const Item = Type.Object({
  sku: Type.String(),
  available: Type.Integer(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  safetyStock: Type.Integer(),
  asOf: Type.Union([Type.String(), Type.Null()]),
});
/** The answer's shape; also lets Fastify serialize it with a compiled stringifier (hot path). */
export const AvailabilityAnswerSchema = Type.Object({
  store: Type.String(),
  stale: Type.Boolean(),
  ageSeconds: Type.Union([Type.Number(), Type.Null()]),
  items: Type.Array(Item),
});

export const availabilityRoutes: FastifyPluginAsync<AnswerDeps> = async (app, deps) => {
  app.get(
    '/v1/availability',
    { schema: { response: { 200: AvailabilityAnswerSchema } } },
    async (request, reply) => {
      const query = validated(AvailabilityQuerySchema, request.query, reply);
      if (!query) return reply;
      if (!deps.stores.some((s) => s.id === query.store))
        return sendProblem(reply, 404, 'store_not_found', `No store "${query.store}" is configured.`);
      const skus = typeof query.sku === 'string' ? [query.sku] : query.sku;
      return answerAvailability(deps, query.store, skus);
    },
  );
};
