/**
 * Turns WooCommerce HTTP outcomes into the runtime's error classes, so the dispatcher can decide
 * retry / dead-letter without knowing it talked to WooCommerce.
 *
 * @example
 * ```ts
 * const err = errorFromResponse('woocommerce:eu', 429, new Headers({ 'retry-after': '2' }), '');
 * err instanceof TransientError && err.retryAfterMs; // 2000
 * ```
 */
import { PermanentError, TransientError, type HubError } from '../../runtime/errors.js';
import type { WooErrorBody } from './types.js';

/** 500s WooCommerce uses for a request that will fail the same way again (see reference §5). */
const PERMANENT_5XX_CODES = new Set([
  'woocommerce_rest_cannot_create_order_refund',
  'woocommerce_rest_trash_not_supported',
]);

/** Parses `Retry-After` (delta-seconds or HTTP-date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Reads a WooCommerce error body if the text is one; otherwise undefined. */
export function parseWooError(text: string): WooErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as { code?: unknown }).code === 'string'
    ) {
      const body = parsed as { code: string; message?: unknown; data?: unknown };
      return {
        code: body.code,
        message: typeof body.message === 'string' ? body.message : '',
        ...(typeof body.data === 'object' && body.data !== null
          ? { data: body.data as WooErrorBody['data'] }
          : {}),
      };
    }
  } catch {
    // not JSON: a proxy's HTML error page, for instance
  }
  return undefined;
}

/** True when the status is worth retrying on its own (the policy's breaker should count it). */
export function isTransientStatus(status: number, wooCode?: string): boolean {
  if (status === 429 || status === 408) return true;
  if (status >= 500) return wooCode === undefined || !PERMANENT_5XX_CODES.has(wooCode);
  return false;
}

/**
 * Maps a non-2xx response: 429/408/5xx → TransientError (with Retry-After), 401/403 →
 * PermanentError `auth_failed`, any other 4xx → PermanentError carrying WooCommerce's `code`.
 */
export function errorFromResponse(
  system: string,
  status: number,
  headers: Headers,
  bodyText: string,
): HubError {
  const woo = parseWooError(bodyText);
  const message = `${system} answered ${status}${woo ? ` ${woo.code}: ${woo.message}` : ''}`;
  const details = { status, ...(woo ? { wooCode: woo.code } : {}) };
  if (isTransientStatus(status, woo?.code)) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
    return new TransientError(message, {
      system,
      code: status === 429 ? 'rate_limited' : (woo?.code ?? `http_${status}`),
      details,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status === 401 || status === 403) {
    return new PermanentError(message, { system, code: 'auth_failed', details });
  }
  return new PermanentError(message, { system, code: woo?.code ?? `http_${status}`, details });
}

/** Maps a fetch failure (timeout, refused connection, reset) to a TransientError. */
export function errorFromTransport(system: string, error: unknown): TransientError {
  const name = error instanceof Error ? error.name : '';
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const text = error instanceof Error ? error.message : String(error);
  return new TransientError(`${system} ${timedOut ? 'timed out' : 'unreachable'} (${text}${cause})`, {
    system,
    code: timedOut ? 'timeout' : 'connection_failed',
    cause: error,
  });
}
