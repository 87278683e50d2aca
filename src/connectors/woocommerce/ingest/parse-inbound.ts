/**
 * Reads an inbound WooCommerce message as the runtime hands it over (`data = { body, headers }`)
 * and validates the payload. Anything malformed is a PermanentError: it goes to dead letters with
 * the reason, instead of being retried forever or dropped.
 *
 * @example
 * ```ts
 * const { body, headers } = inboundData(ctx.message);
 * const order = validate(ctx.message, orderCheck, parseJson(ctx.message, body), 'woocommerce order');
 * ```
 */
import type { Envelope } from '../../../runtime/contracts.js';
import { PermanentError } from '../../../runtime/errors.js';

export interface InboundData {
  body: string;
  headers: Record<string, string>;
}

export interface Checker {
  Check(value: unknown): boolean;
  Errors(value: unknown): { instancePath: string; message: string }[];
}

export function inboundData(message: Envelope): InboundData {
  const data = message.data as { body?: unknown; headers?: unknown } | null;
  if (data === null || typeof data !== 'object' || typeof data.body !== 'string') {
    throw new PermanentError(`inbound message ${message.id} has no raw body`, {
      code: 'invalid_inbound',
      system: message.source,
    });
  }
  const headers =
    typeof data.headers === 'object' && data.headers !== null ? (data.headers as Record<string, string>) : {};
  return { body: data.body, headers };
}

export function parseJson(message: Envelope, body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new PermanentError(`inbound message ${message.id} is not JSON`, {
      code: 'malformed_json',
      system: message.source,
    });
  }
}

/** Validates, naming up to five failing paths so the dead letter says why. */
export function validate<S>(message: Envelope, check: Checker, value: unknown, what: string): S {
  if (check.Check(value)) return value as S;
  const errors = check
    .Errors(value)
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message}`);
  throw new PermanentError(`${what} in message ${message.id} is invalid: ${errors.join('; ')}`, {
    code: `invalid_${what.replace(/\W+/g, '_')}`,
    system: message.source,
    details: { errors },
  });
}

export function storeIdOf(message: Envelope): string {
  const match = /^woocommerce:([a-z0-9-]+)$/.exec(message.source);
  if (!match?.[1])
    throw new PermanentError(`message ${message.id} is not from a WooCommerce store (${message.source})`, {
      code: 'invalid_source',
    });
  return match[1];
}
