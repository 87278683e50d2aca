/**
 * Odoo failures translated into the runtime's error classes. The decision is taken on the Python
 * exception NAME (`data.name` in JSON-RPC, `name` in JSON-2), never on the envelope's `code`, which
 * Odoo itself calls arbitrary (200, or 0 on master). Transport-level trouble (refused connection,
 * timeout, 5xx, the 503 of a maintenance page, 429) is transient and keeps any Retry-After.
 *
 * @example
 * ```ts
 * import { fromOdooException } from './errors.js';
 * fromOdooException('odoo.exceptions.ValidationError', 'Missing customer').kind; // 'permanent'
 * ```
 */
import { BusinessError, HubError, PermanentError, TransientError } from '../../runtime/errors.js';

export const SYSTEM = 'odoo';

/** Exceptions that mean "the database was busy", worth another try. */
const TRANSIENT_NAMES = [
  'psycopg2.OperationalError',
  'psycopg2.errors.SerializationFailure',
  'psycopg2.errors.LockNotAvailable',
  'psycopg2.extensions.TransactionRollbackError',
  'odoo.exceptions.ConcurrencyError',
  'odoo.http.SessionExpiredException',
  'werkzeug.exceptions.ServiceUnavailable',
  'werkzeug.exceptions.TooManyRequests',
  'werkzeug.exceptions.GatewayTimeout',
  'werkzeug.exceptions.BadGateway',
];

/** `odoo.exceptions.ValidationError` → `ValidationError`: stable, short, the code we expose. */
export function shortName(name: string): string {
  const parts = name.split('.');
  return parts[parts.length - 1] || 'OdooError';
}

/** Maps an Odoo exception (by its dotted Python name) to a runtime error carrying Odoo's message. */
export function fromOdooException(
  name: string,
  message: string,
  extra: { status?: number; retryAfterMs?: number; model?: string; method?: string } = {},
): HubError {
  const code = shortName(name);
  const details: Record<string, unknown> = { odooException: name };
  if (extra.status !== undefined) details.status = extra.status;
  if (extra.model !== undefined) details.model = extra.model;
  if (extra.method !== undefined) details.method = extra.method;
  const text = message || name;
  if (TRANSIENT_NAMES.includes(name) || /SerializationFailure|OperationalError|ConcurrencyError/.test(name)) {
    return new TransientError(text, { code, system: SYSTEM, details, retryAfterMs: extra.retryAfterMs });
  }
  return new PermanentError(text, { code, system: SYSTEM, details });
}

/** For HTTP answers without a usable Odoo body (proxy error pages, maintenance HTML). */
export function fromHttpStatus(status: number, text: string, retryAfterMs: number | undefined): HubError {
  const details = { status };
  if (status === 429 || status === 408 || status >= 500) {
    const code = status === 503 ? 'unavailable' : status === 429 ? 'rate_limited' : `http_${status}`;
    return new TransientError(`Odoo answered HTTP ${status}${text ? `: ${text}` : ''}`, {
      code,
      system: SYSTEM,
      retryAfterMs,
      details,
    });
  }
  return new PermanentError(`Odoo answered HTTP ${status}${text ? `: ${text}` : ''}`, {
    code: `http_${status}`,
    system: SYSTEM,
    details,
  });
}

/** fetch() rejected: refused connection, DNS, reset, or our own abort/timeout. */
export function fromNetworkError(error: unknown): HubError {
  if (error instanceof HubError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error && error.name === 'AbortError' ? 'timeout' : 'connection_failed';
  return new TransientError(`Odoo unreachable: ${message}`, { code, system: SYSTEM, cause: error });
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds; undefined when absent or unparsable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Order creation rejected by Odoo's rules (a UserError or ValidationError) is a matter for a
 * person, not a bug: the saga parks the order with Odoo's own message.
 */
export function asBusinessRejection(error: unknown): unknown {
  if (error instanceof PermanentError && (error.code === 'ValidationError' || error.code === 'UserError')) {
    return new BusinessError(error.message, {
      code: `erp_rejected:${error.code}`,
      system: SYSTEM,
      cause: error,
      details: error.details,
    });
  }
  return error;
}
