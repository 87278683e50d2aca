import { describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../runtime/errors.js';
import { errorFromResponse, errorFromTransport, parseRetryAfter } from './errors.js';

const body = (code: string, status: number): string =>
  JSON.stringify({ code, message: 'x', data: { status } });

describe('WooCommerce error mapping', () => {
  it('429 with Retry-After seconds is transient with retryAfterMs', () => {
    const err = errorFromResponse('woocommerce:eu', 429, new Headers({ 'retry-after': '3' }), '');
    expect(err).toBeInstanceOf(TransientError);
    expect((err as TransientError).retryAfterMs).toBe(3000);
    expect(err.code).toBe('rate_limited');
    expect(err.system).toBe('woocommerce:eu');
  });

  it('Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('5xx is transient, except WooCommerce refund failures which repeat', () => {
    expect(errorFromResponse('s', 503, new Headers(), '<html>')).toBeInstanceOf(TransientError);
    const refund = errorFromResponse(
      's',
      500,
      new Headers(),
      body('woocommerce_rest_cannot_create_order_refund', 500),
    );
    expect(refund).toBeInstanceOf(PermanentError);
    expect(refund.code).toBe('woocommerce_rest_cannot_create_order_refund');
  });

  it('400/404/413 are permanent with the WooCommerce code', () => {
    for (const [status, code] of [
      [400, 'rest_invalid_param'],
      [404, 'woocommerce_rest_shop_order_invalid_id'],
      [413, 'woocommerce_rest_request_entity_too_large'],
    ] as const) {
      const err = errorFromResponse('s', status, new Headers(), body(code, status));
      expect(err).toBeInstanceOf(PermanentError);
      expect(err.code).toBe(code);
    }
  });

  it('401/403 are permanent auth_failed', () => {
    const err = errorFromResponse(
      's',
      401,
      new Headers(),
      body('woocommerce_rest_authentication_error', 401),
    );
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('auth_failed');
    expect(err.details).toMatchObject({ wooCode: 'woocommerce_rest_authentication_error' });
    expect(errorFromResponse('s', 403, new Headers(), '').code).toBe('auth_failed');
  });

  it('timeouts and refused connections are transient', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(errorFromTransport('s', timeout).code).toBe('timeout');
    expect(
      errorFromTransport('s', new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') })).code,
    ).toBe('connection_failed');
  });
});
