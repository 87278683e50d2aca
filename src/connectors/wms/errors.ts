/**
 * Turns WMS HTTP outcomes into the runtime's error classes: 429, 408 and 5xx are transient (with
 * the WMS's Retry-After), 401/403 permanent `auth_failed`, other 4xx permanent with the WMS's
 * problem `code`; timeouts and refused connections transient.
 *
 * @example
 * ```ts
 * const err = wmsErrorFromResponse('wms:main', 429, new Headers({ 'retry-after': '2' }), '');
 * err instanceof TransientError && err.retryAfterMs; // 2000
 * ```
 */
import { PermanentError, TransientError, type HubError } from '../../runtime/errors.js';

/** `Retry-After` as delta-seconds or an HTTP-date, in milliseconds from `now`. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function problemCode(bodyText: string): { code?: string; detail?: string } {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body !== 'object' || body === null) return {};
    const { code, detail } = body as { code?: unknown; detail?: unknown };
    return {
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof detail === 'string' ? { detail } : {}),
    };
  } catch {
    return {};
  }
}

export function wmsErrorFromResponse(
  system: string,
  status: number,
  headers: Headers,
  bodyText: string,
): HubError {
  const { code, detail } = problemCode(bodyText);
  const message = `${system} answered ${status}${code ? ` ${code}` : ''}${detail ? `: ${detail}` : ''}`;
  const details = { status, ...(code ? { wmsCode: code } : {}) };
  if (status === 429 || status === 408 || status >= 500) {
    const wait = retryAfterMs(headers.get('retry-after'));
    return new TransientError(message, {
      system,
      code: status === 429 ? 'rate_limited' : (code ?? `http_${status}`),
      details,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    });
  }
  if (status === 401 || status === 403)
    return new PermanentError(message, { system, code: 'auth_failed', details });
  return new PermanentError(message, { system, code: code ?? `http_${status}`, details });
}

export function wmsErrorFromTransport(system: string, error: unknown): TransientError {
  const name = error instanceof Error ? error.name : '';
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  const text = error instanceof Error ? error.message : String(error);
  return new TransientError(`${system} ${timedOut ? 'timed out' : `unreachable: ${text}`}`, {
    system,
    code: timedOut ? 'timeout' : 'connection_failed',
    cause: error,
  });
}
