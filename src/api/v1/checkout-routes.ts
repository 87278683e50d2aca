/**
 * `POST /v1/checkout/validate`: can this basket be sold now, at the price the shopper saw? Per line
 * `ok`, `short` (with what is available), `price_changed` (with the current price), `unknown_sku`,
 * or `stock_unknown` when the stock feed is stale and the fallback is `refuse`. Answered from the
 * in-memory projections. With `hold: true` an all-ok answer also holds the units briefly
 * (`heldUntil`), checked and recorded in the database, so concurrent shoppers of any store sharing
 * a location — through any api process — are not promised them too. The answer's `holdId`
 * names the basket's holds: the storefront sends it with the order (meta `_retail_hub_hold_id`),
 * whose reservation gives them back, see flows/inventory/checkout-holds.ts.
 * Unknown store → 404; bad input → 400.
 *
 * `DELETE /v1/checkout/holds/:holdId`: the basket was abandoned; its units are available again
 * at once. 204; 404 `hold_not_found` for an unknown, already given back or lapsed hold.
 *
 * @example
 * ```sh
 * curl -s -X POST http://127.0.0.1:8080/v1/checkout/validate -H 'content-type: application/json' \
 *   -d '{"store":"eu","lines":[{"sku":"MUG-ENAMEL","quantity":2,"expectedPrice":"12.00"}]}'
 * # {"store":"eu","ok":true,"stale":false,"ageSeconds":0.8,"lines":[{"sku":"MUG-ENAMEL","quantity":2,"status":"ok"}]}
 * curl -s -X DELETE http://127.0.0.1:8080/v1/checkout/holds/7d3f0c1e-8f4b-4a51-9c2e-2b8e5f1a0c77 -o /dev/null -w '%{http_code}'
 * # 204
 * ```
 */
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { answerCheckoutWithHold, type AnswerDeps } from '../../flows/inventory/answer-availability.js';
import { sendProblem } from '../problem.js';
import { validated } from '../validated.js';

export const CheckoutValidateSchema = Type.Object(
  {
    store: Type.String({ minLength: 1, maxLength: 40 }),
    lines: Type.Array(
      Type.Object(
        {
          sku: Type.String({ minLength: 1, maxLength: 100 }),
          quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
          expectedPrice: Type.Optional(Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,6})?$' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
    /** Hold the units for a short while when every line is ok (flash sales): see checkout-holds.ts. */
    hold: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const Line = Type.Object({
  sku: Type.String(),
  quantity: Type.Integer(),
  status: Type.String(),
  available: Type.Optional(Type.Integer()),
  price: Type.Optional(Type.Object({ amount: Type.String(), currency: Type.String() })),
});
/** The answer's shape; also lets Fastify serialize it with a compiled stringifier (hot path). */
export const CheckoutAnswerSchema = Type.Object({
  store: Type.String(),
  ok: Type.Boolean(),
  stale: Type.Boolean(),
  ageSeconds: Type.Union([Type.Number(), Type.Null()]),
  lines: Type.Array(Line),
  heldUntil: Type.Optional(Type.String()),
  holdId: Type.Optional(Type.String()),
});

export const HoldParamsSchema = Type.Object(
  { holdId: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

export const checkoutRoutes: FastifyPluginAsync<AnswerDeps> = async (app, deps) => {
  const options = { schema: { response: { 200: CheckoutAnswerSchema } } };
  app.post('/v1/checkout/validate', options, async (request, reply) => {
    const body = validated(CheckoutValidateSchema, request.body, reply);
    if (!body) return reply;
    if (!deps.stores.some((s) => s.id === body.store))
      return sendProblem(reply, 404, 'store_not_found', `No store "${body.store}" is configured.`);
    return answerCheckoutWithHold(deps, body.store, body.lines, new Date(), body.hold === true);
  });
  app.delete('/v1/checkout/holds/:holdId', async (request, reply) => {
    const params = validated(HoldParamsSchema, request.params, reply);
    if (!params) return reply;
    const released = (await deps.releaseHolds?.(params.holdId, new Date())) ?? false;
    if (!released)
      return sendProblem(reply, 404, 'hold_not_found', `No live checkout hold "${params.holdId}".`);
    return reply.code(204).send();
  });
};
