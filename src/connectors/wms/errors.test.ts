import { describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../runtime/errors.js';
import { retryAfterMs, wmsErrorFromResponse, wmsErrorFromTransport } from './errors.js';

const problem = (code: string) =>
  JSON.stringify({ type: 'x', title: 'x', status: 0, code, detail: 'because' });

describe('WMS error mapping', () => {
  it('429 is transient with Retry-After', () => {
    const error = wmsErrorFromResponse(
      'wms:main',
      429,
      new Headers({ 'retry-after': '3' }),
      problem('rate_limited'),
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 3000, system: 'wms:main' });
  });

  it('5xx is transient with the WMS code', () => {
    const error = wmsErrorFromResponse('wms:main', 503, new Headers(), problem('service_unavailable'));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.code).toBe('service_unavailable');
  });

  it('a 5xx without a problem body still gets a code', () => {
    expect(wmsErrorFromResponse('wms:main', 502, new Headers(), '<html>bad gateway</html>').code).toBe(
      'http_502',
    );
  });

  it('4xx is permanent with the WMS code; auth failures are auth_failed', () => {
    const conflict = wmsErrorFromResponse('wms:main', 409, new Headers(), problem('already_shipped'));
    expect(conflict).toBeInstanceOf(PermanentError);
    expect(conflict.code).toBe('already_shipped');
    expect(conflict.message).toContain('because');
    expect(wmsErrorFromResponse('wms:main', 401, new Headers(), problem('unauthorized')).code).toBe(
      'auth_failed',
    );
  });

  it('transport failures are transient; timeouts say so', () => {
    const timeout = Object.assign(new Error('aborted'), { name: 'TimeoutError' });
    expect(wmsErrorFromTransport('wms:main', timeout)).toMatchObject({ code: 'timeout', kind: 'transient' });
    expect(wmsErrorFromTransport('wms:main', new TypeError('fetch failed')).code).toBe('connection_failed');
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('1.5')).toBe(1500);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(
      10_000,
    );
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
