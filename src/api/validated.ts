/**
 * Checks a request part against a TypeBox schema; on failure answers 400 problem+json listing
 * every problem by JSON path and returns undefined, so a route reads `if (!body) return reply;`.
 *
 * @example
 * ```ts
 * const body = validated(CheckoutSchema, request.body, reply);
 * if (!body) return reply;
 * ```
 */
import type { FastifyReply } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { sendProblem } from './problem.js';

const cache = new WeakMap<TSchema, ReturnType<typeof Compile>>();

export function validated<S extends TSchema>(
  schema: S,
  value: unknown,
  reply: FastifyReply,
): Static<S> | undefined {
  const errors = schemaProblems(schema, value);
  if (errors === undefined) return value as Static<S>;
  sendProblem(reply, 400, 'invalid_request', SCHEMA_MISMATCH, errors);
  return undefined;
}

export const SCHEMA_MISMATCH = 'The request does not match the schema.';

/** Undefined when `value` matches `schema`, else every problem by JSON path (routes outside Fastify). */
export function schemaProblems(
  schema: TSchema,
  value: unknown,
): { path: string; message: string }[] | undefined {
  let check = cache.get(schema);
  if (!check) {
    check = Compile(schema);
    cache.set(schema, check);
  }
  if (check.Check(value)) return undefined;
  return [...check.Errors(value)]
    .filter((e) => e.keyword !== 'boolean')
    .map((e) => ({ path: e.instancePath === '' ? '/' : e.instancePath, message: e.message }));
}
