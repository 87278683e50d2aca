/**
 * The body handling of a signed-webhook route group: every body arrives as the raw bytes received
 * (signatures are over them), whatever its content type, so the route's own checks decide and
 * keep what they refuse — no parser refuses anything unseen (415). A body over `bodyLimit` is
 * never read; `tooLarge` answers it (and counts, logs and keeps the refusal, without the body)
 * instead of the server's generic 413. Call it inside the route group's own plugin: it changes
 * that encapsulated scope only.
 *
 * @example
 * ```ts
 * takeRawBodies(app, {
 *   bodyLimit: 1024 * 1024,
 *   tooLarge: (request, detail) => ingest.refuse(deliveryOf(request), 413, 'payload_too_large', detail),
 * });
 * ```
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface RawBodyAnswer {
  status: number;
  contentType: string;
  body: unknown;
}

export function takeRawBodies(
  app: FastifyInstance,
  options: {
    bodyLimit: number;
    tooLarge?: (request: FastifyRequest, detail: string) => RawBodyAnswer;
  },
): void {
  const { bodyLimit, tooLarge } = options;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    done(null, body);
  });
  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
    if (error.statusCode !== 413 || tooLarge === undefined) throw error;
    const answer = tooLarge(request, `The body is over ${bodyLimit} bytes; it was not read.`);
    return reply.code(answer.status).type(answer.contentType).send(answer.body);
  });
}

/** The raw body a route of such a group received (empty when there was none). */
export const rawBody = (request: FastifyRequest): Buffer =>
  Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
