/**
 * The admin API for operations people: dead letters and parked messages, listed and replayed or
 * resumed one by one or by filter; and webhooks refused before the inbox (bad signature, malformed
 * body, unknown store or warehouse), listed, shown and replayed through their ingress's checks with
 * the configuration as it is now. The dashboard and `retail-hub dead-letters` use the same calls.
 * The list of refusals leaves the bodies out; `GET …/rejected/:id` has it (`body` as text when it
 * is UTF-8, else `bodyBase64`).
 *
 * @example
 * ```sh
 * curl -s 'http://127.0.0.1:8080/v1/admin/dead-letters?consumer=order-to-cash'
 * curl -s -X POST http://127.0.0.1:8080/v1/admin/dead-letters/01J.../replay
 * curl -s -X POST 'http://127.0.0.1:8080/v1/admin/dead-letters/replay' -H 'content-type: application/json' -d '{"consumer":"order-to-cash"}'
 * curl -s 'http://127.0.0.1:8080/v1/admin/rejected?ingress=wms&reason=signature_invalid' -H "authorization: Bearer $ADMIN_TOKEN"
 * curl -s -X POST http://127.0.0.1:8080/v1/admin/rejected/01J.../replay -H "authorization: Bearer $ADMIN_TOKEN"
 * # {"result":"accepted","done":true}
 * curl -s -X POST http://127.0.0.1:8080/v1/admin/rejected/replay -H 'content-type: application/json' -d '{"ingress":"wms"}'
 * # {"replayed":3,"stillRefused":1}
 * ```
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import type { DeadLetters, Parked } from '../../runtime/index.js';
import {
  NOT_REPLAYABLE,
  printableRejected,
  replayAndRecord,
  type RejectedMessages,
  type ReplayRejected,
} from '../../runtime/dead-letters/rejected-messages.js';
import { bearerTokenHook } from '../bearer-token.js';
import { sendProblem } from '../problem.js';
import { validated } from '../validated.js';

export interface AdminRoutesOptions {
  deadLetters: DeadLetters;
  parked: Parked;
  /** When set, every admin call needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Kept webhook refusals; the `/v1/admin/rejected` routes are there only with it. */
  rejected?: RejectedMessages;
  /** Replays a refusal through its ingress; without it every replay is 409 `rejected_not_replayable`. */
  replayRejected?: ReplayRejected;
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

const Ingress = Type.String({ minLength: 1, maxLength: 50 });
const Reason = Type.String({ minLength: 1, maxLength: 100 });
const RejectedQuerySchema = Type.Object(
  {
    ingress: Type.Optional(Ingress),
    reason: Type.Optional(Reason),
    includeReplayed: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
    limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$' })),
  },
  { additionalProperties: false },
);
const RejectedFilterSchema = Type.Object(
  {
    ingress: Type.Optional(Ingress),
    reason: Type.Optional(Reason),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

function toFilter(query: Static<typeof QuerySchema>): Filter {
  const { limit, ...rest } = query;
  return limit === undefined ? rest : { ...rest, limit: Number(limit) };
}

export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, options) => {
  if (options.token) {
    app.addHook(
      'onRequest',
      bearerTokenHook({
        token: options.token,
        code: 'admin_token_required',
        detail: 'Send Authorization: Bearer <server.adminToken>.',
      }),
    );
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

  const { rejected } = options;
  if (rejected) registerRejectedRoutes(app, rejected, options.replayRejected);
};

function registerRejectedRoutes(
  app: FastifyInstance,
  rejected: RejectedMessages,
  replay: ReplayRejected = async () => ({ result: NOT_REPLAYABLE, done: false }),
): void {
  app.get('/v1/admin/rejected', async (request, reply) => {
    const query = validated(RejectedQuerySchema, request.query, reply);
    if (!query) return reply;
    const { includeReplayed, limit, ...rest } = query;
    const messages = await rejected.list({
      ...rest,
      includeReplayed: includeReplayed === 'true',
      ...(limit === undefined ? {} : { limit: Number(limit) }),
    });
    // Bodies (up to 1 MiB each) only one at a time, from GET /v1/admin/rejected/:id.
    return { items: messages.map(({ body: _body, ...summary }) => summary) };
  });
  app.get<{ Params: { id: string } }>('/v1/admin/rejected/:id', async (request, reply) => {
    const message = await rejected.get(request.params.id);
    return message
      ? printableRejected(message)
      : sendProblem(reply, 404, 'rejected_message_not_found', `No refused webhook ${request.params.id}.`);
  });
  app.post<{ Params: { id: string } }>('/v1/admin/rejected/:id/replay', async (request, reply) => {
    const message = await rejected.get(request.params.id);
    if (!message)
      return sendProblem(
        reply,
        404,
        'rejected_message_not_found',
        `No refused webhook ${request.params.id}.`,
      );
    if (message.truncated)
      return sendProblem(
        reply,
        409,
        'rejected_message_truncated',
        `Only the first bytes of ${message.id}'s body were kept (${message.bodyBytes} received): it cannot be replayed.`,
      );
    const outcome = await replayAndRecord(rejected, replay, message);
    if (outcome.result === NOT_REPLAYABLE)
      return sendProblem(
        reply,
        409,
        'rejected_not_replayable',
        `Refusals of ingress "${message.ingress}" cannot be replayed here.`,
      );
    return outcome;
  });
  app.post('/v1/admin/rejected/replay', async (request, reply) => {
    const filter = validated(RejectedFilterSchema, request.body ?? {}, reply);
    if (!filter) return reply;
    let replayed = 0;
    let stillRefused = 0;
    // One at a time, oldest first: each goes through the same checks and inbox write as a delivery.
    for (const message of await rejected.list(filter)) {
      const { done } = await replayAndRecord(rejected, replay, message);
      if (done) replayed += 1;
      else stillRefused += 1;
    }
    return { replayed, stillRefused };
  });
}
