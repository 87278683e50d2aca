/**
 * Bearer-token protection for a route group: the Fastify routes answer 401 problem+json without
 * the token, and the group's node:http fast path (if any) serves only requests that carry it — the
 * others fall through to Fastify, so there is one place that refuses. Tokens are compared in
 * constant time (as digests, so their lengths do not leak either).
 *
 * @example
 * ```ts
 * const guarded = requireBearerToken(availabilityPlugin, {
 *   token: config.server.storefrontToken,
 *   code: 'storefront_token_required',
 *   detail: 'Send Authorization: Bearer <server.storefrontToken>.',
 * });
 * ```
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.js';
import type { RoutePlugin } from './server.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether an `Authorization` header value is `Bearer <token>`. */
export function bearerMatcher(token: string): (header: string | undefined) => boolean {
  const expected = digest(`Bearer ${token}`);
  return (header) => header !== undefined && timingSafeEqual(digest(header), expected);
}

export interface BearerTokenOptions {
  token: string;
  /** The problem `code` of the 401. */
  code: string;
  detail: string;
}

/** A Fastify `onRequest` hook answering 401 to requests without the token. */
export function bearerTokenHook(
  options: BearerTokenOptions,
): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined> {
  const matches = bearerMatcher(options.token);
  return async (request, reply) =>
    matches(request.headers.authorization)
      ? undefined
      : sendProblem(reply, 401, options.code, options.detail);
}

export function requireBearerToken(plugin: RoutePlugin, options: BearerTokenOptions): RoutePlugin {
  const matches = bearerMatcher(options.token);
  const hook = bearerTokenHook(options);
  const { fastRoute } = plugin;
  return {
    register: async (app) => {
      // A scope of its own: the hook guards this group's routes and no other.
      await app.register(async (scope) => {
        scope.addHook('onRequest', hook);
        await plugin.register(scope);
      });
    },
    ...(fastRoute
      ? {
          fastRoute: (request, response) =>
            matches(request.headers.authorization) && fastRoute(request, response),
        }
      : {}),
  };
}
