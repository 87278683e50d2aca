/**
 * `POST /v1/checkout/validate` served straight from node:http, before Fastify (the server's
 * `FastRoute` mechanism): the answer comes from memory (or, with `hold: true`, one short
 * transaction), while Fastify's per-request objects, hooks, child logger, body parser and
 * serializer cost several times that. The answer is the same `answerCheckoutWithHold` the Fastify
 * route returns, with the same headers, status codes and problem codes (`malformed_json`,
 * `invalid_request` with every problem by path, `store_not_found`).
 *
 * Only a JSON body of an announced length within the limit is read here; anything else (chunked,
 * empty, another content type, a query string) is passed on untouched to Fastify.
 *
 * @example
 * ```ts
 * const plugin = { register, fastRoute: checkoutFastPath(answers, { log }) };
 * ```
 */
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { answerCheckoutWithHold, type AnswerDeps } from '../../flows/inventory/answer-availability.js';
import { problem } from '../problem.js';
import { correlationIdOf, type FastRoute } from '../server.js';
import { SCHEMA_MISMATCH, schemaProblems } from '../validated.js';
import { CheckoutValidateSchema } from './checkout-routes.js';
import type { Static } from 'typebox';

const PATH = '/v1/checkout/validate';
/** A basket of 200 lines is far below this; a larger body is Fastify's to refuse. */
const BODY_LIMIT = 256 * 1024;
const JSON_TYPE = /^application\/json\s*(;|$)/i;

type Answer = { status: number; body: unknown };

function reply(response: ServerResponse, answer: Answer, correlationId: string): void {
  if (response.destroyed) return;
  const payload = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': `${answer.status === 200 ? 'application/json' : 'application/problem+json'}; charset=utf-8`,
    'content-length': Buffer.byteLength(payload),
    'x-correlation-id': correlationId,
  });
  response.end(payload);
}

export function checkoutFastPath(deps: AnswerDeps, options: { log: Logger }): FastRoute {
  const stores = new Set(deps.stores.map((s) => s.id));
  const decide = async (raw: string): Promise<Answer> => {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return { status: 400, body: problem(400, 'malformed_json', 'The body is not valid JSON.') };
    }
    const errors = schemaProblems(CheckoutValidateSchema, value);
    if (errors) return { status: 400, body: problem(400, 'invalid_request', SCHEMA_MISMATCH, errors) };
    const body = value as Static<typeof CheckoutValidateSchema>;
    if (!stores.has(body.store))
      return {
        status: 404,
        body: problem(404, 'store_not_found', `No store "${body.store}" is configured.`),
      };
    return {
      status: 200,
      body: await answerCheckoutWithHold(deps, body.store, body.lines, new Date(), body.hold === true),
    };
  };
  return (request, response) => {
    if (request.method !== 'POST' || request.url !== PATH) return false;
    const length = Number(request.headers['content-length']);
    if (!(length > 0 && length <= BODY_LIMIT) || !JSON_TYPE.test(request.headers['content-type'] ?? ''))
      return false;
    const correlationId = correlationIdOf(request);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The sender went away mid-body: there is no one to answer.
    request.once('error', () => response.destroy());
    request.once('end', () => {
      decide(Buffer.concat(chunks).toString('utf8')).then(
        (answer) => reply(response, answer, correlationId),
        (error: unknown) => {
          options.log.error({ correlationId, err: error }, 'request failed');
          const detail = 'The hub could not handle this request; it has been logged.';
          reply(response, { status: 500, body: problem(500, 'internal_error', detail) }, correlationId);
        },
      );
    });
    return true;
  };
}
