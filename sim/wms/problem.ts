/**
 * The emulator's error bodies: RFC 9457 problem+json with a stable `code`, as the WMS documents.
 */
import type { FastifyReply } from 'fastify';
import type { FieldProblem } from './schemas.js';

export function wmsProblem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  return {
    type: `https://wms.example.com/problems/${code}`,
    title: code.replaceAll('_', ' '),
    status,
    code,
    detail,
    ...extra,
  };
}

export function sendWmsProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldProblem[]; [key: string]: unknown } = {},
): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send(wmsProblem(status, code, detail, extra));
}
