/**
 * Idempotency-Key handling for the emulator's create endpoints, following the IETF
 * "Idempotency-Key HTTP header" draft: the same key and body replays the first answer (200,
 * `Idempotent-Replayed: true`), the same key with another body is 422, and a key whose first request
 * is still running is 409.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendWmsProblem } from './problem.js';
import type { WarehouseBooks } from './store.js';

export interface Created {
  status: number;
  body: unknown;
}

export async function withIdempotency(
  books: WarehouseBooks,
  scope: string,
  request: FastifyRequest,
  reply: FastifyReply,
  rawBody: string,
  create: () => Promise<Created> | Created,
): Promise<FastifyReply> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
    return sendWmsProblem(
      reply,
      400,
      'idempotency_key_required',
      'Send an Idempotency-Key header (1–255 characters).',
    );
  }
  const fingerprint = createHash('sha256').update(rawBody).digest('hex');
  const seen = books.idempotencyRecord(scope, key);
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      return sendWmsProblem(
        reply,
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was used with a different request body.',
      );
    }
    if (seen.response === undefined) {
      return sendWmsProblem(
        reply,
        409,
        'idempotency_request_in_progress',
        'The first request with this key is still being processed.',
      );
    }
    return reply.code(200).header('idempotent-replayed', 'true').send(seen.response.body);
  }
  books.rememberIdempotency(scope, key, { fingerprint });
  try {
    const result = await create();
    // Only successful creations are remembered; a refused request may be corrected and retried.
    if (result.status >= 200 && result.status < 300) {
      books.rememberIdempotency(scope, key, { fingerprint, response: result });
    } else {
      books.forgetIdempotency(scope, key);
    }
    if (result.status >= 400) reply.type('application/problem+json');
    return reply.code(result.status).send(result.body);
  } catch (error) {
    books.forgetIdempotency(scope, key);
    throw error;
  }
}
