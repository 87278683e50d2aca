/**
 * RFC 9457 problem details: every error the hub's HTTP API returns has this body, with a stable
 * `code` that clients can branch on (the `title` and `detail` are for people).
 *
 * @example
 * ```ts
 * import { sendProblem } from './problem.js';
 * app.get('/x', async (_req, reply) => sendProblem(reply, 404, 'store_not_found', 'No store "xx" is configured.'));
 * ```
 */
import type { FastifyReply } from 'fastify';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  /** Per-field validation problems, `{ path: '/lines/0/quantity', message: 'must be >= 1' }`. */
  errors?: { path: string; message: string }[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(
  status: number,
  code: string,
  detail?: string,
  errors?: { path: string; message: string }[],
): Problem {
  return {
    type: `https://retail-hub.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined ? {} : { errors }),
  };
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail?: string,
  errors?: { path: string; message: string }[],
): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send(problem(status, code, detail, errors));
}
