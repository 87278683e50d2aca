/**
 * The HTTP plumbing both transports share: POST a JSON body, turn every way fetch or the server
 * can fail into a runtime error, hand back the parsed JSON.
 *
 * @example
 * ```ts
 * const answer = await postJson(`${url}/jsonrpc`, payload, { fetch, headers: {}, signal: undefined });
 * if (answer.status >= 400) throw errorFromJson2(answer, 'sale.order', 'create');
 * ```
 */
import { fromHttpStatus, fromNetworkError, fromOdooException, parseRetryAfter } from '../errors.js';

export interface PostJsonOptions {
  fetch: typeof fetch;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}

export interface JsonAnswer {
  status: number;
  body: unknown;
  retryAfterMs: number | undefined;
  text: string;
}

export async function postJson(url: string, payload: unknown, options: PostJsonOptions): Promise<JsonAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'retail-hub', ...options.headers },
      body: JSON.stringify(payload),
      signal: options.signal,
    });
    text = await response.text();
  } catch (error) {
    throw fromNetworkError(error);
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // A maintenance page or a proxy's HTML error: the status decides.
    throw fromHttpStatus(response.status >= 400 ? response.status : 502, text.slice(0, 200), retryAfterMs);
  }
  return { status: response.status, body, retryAfterMs, text };
}

/** Reads Odoo's `{ name, message }` error object (or JSON-2's bare message string) out of a body. */
export function odooErrorOf(body: unknown): { name: string; message: string } | undefined {
  if (typeof body === 'string') return { name: '', message: body };
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const name = typeof record.name === 'string' ? record.name : '';
  const message = typeof record.message === 'string' ? record.message : '';
  if (!name && !message) return undefined;
  return { name, message };
}

/** A non-2xx JSON-2 answer: the exception name wins when present, else the HTTP status. */
export function errorFromJson2(answer: JsonAnswer, model: string, method: string): Error {
  const err = odooErrorOf(answer.body);
  const context = { status: answer.status, retryAfterMs: answer.retryAfterMs, model, method };
  if (answer.status >= 500 || answer.status === 429 || answer.status === 408) {
    if (err?.name && !err.name.startsWith('werkzeug.')) {
      const mapped = fromOdooException(err.name, err.message, context);
      if (mapped.kind === 'transient') return mapped;
      // A 500 with a Python exception that is not a known transient one: a server-side bug.
      if (answer.status === 500) return mapped;
    }
    return fromHttpStatus(answer.status, err?.message ?? '', answer.retryAfterMs);
  }
  if (err?.name) return fromOdooException(err.name, err.message, context);
  return fromHttpStatus(answer.status, err?.message ?? answer.text.slice(0, 200), answer.retryAfterMs);
}
