/**
 * The admin API for operations people: dead letters and parked messages, listed and replayed or
 * resumed one by one or by filter. The dashboard and `retail-hub dead-letters` use the same calls.
 *
 * @example
 * ```sh
 * curl -s 'http://127.0.0.1:8080/v1/admin/dead-letters?consumer=order-to-cash'
 * curl -s -X POST http://127.0.0.1:8080/v1/admin/dead-letters/01J.../replay
 * curl -s -X POST 'http://127.0.0.1:8080/v1/admin/dead-letters/replay' -H 'content-type: application/json' -d '{"consumer":"order-to-cash"}'
 * ```
 */
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import type { DeadLetters, Parked } from '../../runtime/index.js';
import { sendProblem } from '../problem.js';
import { validated } from '../validated.js';

export interface AdminRoutesOptions {
  deadLetters: DeadLetters;
  parked: Parked;
  /** When set, every admin call needs `Authorization: Bearer <token>`. */
  token?: string;
}

const FilterSchema = Type.Object(
  {
    consumer: Type.Optional(Type.String({ minLength: 1 })),
    type: Type.Optional(Type.String({ minLength: 1 })),
    partitionKey: Type.Optional(Type.String({ minLength: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
type Filter = Static<typeof FilterSchema>;
const QuerySchema = Type.Object(
  {
    consumer: Type.Optional(Type.String({ minLength: 1 })),
    type: Type.Optional(Type.String({ minLength: 1 })),
    partitionKey: Type.Optional(Type.String({ minLength: 1 })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  },
  { additionalProperties: false },
);

function toFilter(query: Static<typeof QuerySchema>): Filter {
  const { limit, ...rest } = query;
  return limit === undefined ? rest : { ...rest, limit: Number(limit) };
}

export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, options) => {
  if (options.token) {
    const expected = `Bearer ${options.token}`;
    app.addHook('onRequest', async (request, reply) => {
      if (request.headers.authorization !== expected)
        return sendProblem(
          reply,
          401,
          'admin_token_required',
          'Send Authorization: Bearer <server.adminToken>.',
        );
    });
  }

  app.get('/v1/admin/dead-letters', async (request, reply) => {
    const query = validated(QuerySchema, request.query, reply);
    if (!query) return reply;
    return { items: await options.deadLetters.list(toFilter(query)) };
  });
  app.get<{ Params: { id: string } }>('/v1/admin/dead-letters/:id', async (request, reply) => {
    const found = await options.deadLetters.get(request.params.id);
    return found ?? sendProblem(reply, 404, 'dead_letter_not_found', `No dead letter ${request.params.id}.`);
  });
  app.post<{ Params: { id: string } }>('/v1/admin/dead-letters/:id/replay', async (request, reply) => {
    const replayed = await options.deadLetters.replay(request.params.id);
    return replayed > 0
      ? { replayed }
      : sendProblem(reply, 404, 'dead_letter_not_found', `No unreplayed dead letter ${request.params.id}.`);
  });
  app.post('/v1/admin/dead-letters/replay', async (request, reply) => {
    const filter = validated(FilterSchema, request.body ?? {}, reply);
    if (!filter) return reply;
    return { replayed: await options.deadLetters.replay(filter) };
  });

  app.get('/v1/admin/parked', async (request, reply) => {
    const query = validated(QuerySchema, request.query, reply);
    if (!query) return reply;
    return { items: await options.parked.list(toFilter(query)) };
  });
  app.post<{ Params: { id: string } }>('/v1/admin/parked/:id/resume', async (request, reply) => {
    const resumed = await options.parked.resume(request.params.id);
    return resumed > 0
      ? { resumed }
      : sendProblem(reply, 404, 'parked_message_not_found', `No parked message ${request.params.id}.`);
  });
};
