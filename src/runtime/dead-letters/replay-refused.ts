import type { RejectedMessage } from './rejected-messages.js';

/** A kept refusal handed back to its ingress: what the ingress needs to decide it again. */
export interface RefusedDelivery {
  /** The store or warehouse id the request was addressed to. */
  target: string;
  headers: Record<string, string>;
  body: Buffer;
  correlationId: string;
}

/**
 * Runs a kept refusal through its ingress again (with the configuration as it is now, e.g. a
 * fixed secret). `done` when it was answered 2xx (stored, or a duplicate/stale/ignored/ping), the
 * result then being the answer's `status`; else the result is the problem's `code`. A truncated
 * body cannot be verified, so it is not sent.
 *
 * @example
 * ```ts
 * const { result, done } = await replayRefused(({ target, ...d }) => ingest({ storeId: target, ...d }), message);
 * ```
 */
export async function replayRefused(
  ingest: (delivery: RefusedDelivery) => Promise<{ status: number; body: unknown }>,
  message: Pick<RejectedMessage, 'target' | 'headers' | 'body' | 'truncated' | 'correlationId'>,
): Promise<{ result: string; done: boolean }> {
  if (message.truncated) return { result: 'truncated', done: false };
  const answer = await ingest({
    target: message.target,
    headers: message.headers,
    body: message.body,
    correlationId: message.correlationId,
  });
  const { status, code } = (answer.body ?? {}) as { status?: unknown; code?: unknown };
  const done = answer.status < 300;
  return { result: String(done ? status : code), done };
}
