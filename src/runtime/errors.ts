/**
 * How a failed step should be treated. Every handler, client and connector throws one of these
 * so the dispatcher can decide — retry, dead-letter or park — without knowing who failed.
 *
 * @example
 * ```ts
 * import { TransientError, classify } from './errors.js';
 * const err = new TransientError('woocommerce answered 429', { retryAfterMs: 2000, code: 'rate_limited' });
 * classify(err).kind; // 'transient'
 * ```
 */
export type FailureKind = 'transient' | 'permanent' | 'business';

export interface FailureOptions {
  /** Stable machine-readable code, e.g. the remote system's error code (`woocommerce_rest_product_invalid_id`). */
  code?: string;
  /** Where the failure came from, e.g. `woocommerce:eu` or `odoo`. */
  system?: string;
  cause?: unknown;
  /** Extra structured detail kept with the dead letter / parked message. Never put secrets here. */
  details?: Record<string, unknown>;
}

export abstract class HubError extends Error {
  abstract readonly kind: FailureKind;
  readonly code: string;
  readonly system: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, options: FailureOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? 'unknown';
    this.system = options.system;
    this.details = options.details;
  }
}

/** Worth retrying: timeouts, 429, 5xx, connection refused, a maintenance window, an open circuit. */
export class TransientError extends HubError {
  readonly kind = 'transient' as const;
  /** The remote system asked us to wait this long (Retry-After); the back-off never retries sooner. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: FailureOptions & { retryAfterMs?: number } = {}) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Retrying cannot help: bad request, unknown id, validation failure. Goes straight to dead letters. */
export class PermanentError extends HubError {
  readonly kind = 'permanent' as const;
}

/** A person must decide (ERP rejected the customer, payment voided after shipping): parked with the reason. */
export class BusinessError extends HubError {
  readonly kind = 'business' as const;
}

export interface Classified {
  kind: FailureKind;
  code: string;
  message: string;
  retryAfterMs: number | undefined;
}

/**
 * Unknown errors count as transient: a bug that throws a TypeError is retried a bounded number of
 * times and then dead-lettered with its stack, rather than being lost on the first attempt.
 */
export function classify(error: unknown): Classified {
  if (error instanceof TransientError) {
    return { kind: 'transient', code: error.code, message: error.message, retryAfterMs: error.retryAfterMs };
  }
  if (error instanceof HubError) {
    return { kind: error.kind, code: error.code, message: error.message, retryAfterMs: undefined };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'transient', code: 'unexpected', message, retryAfterMs: undefined };
}
