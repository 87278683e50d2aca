import { describe, expect, it } from 'vitest';
import { signWmsBody, verifyWmsSignature } from './signature.js';

// Vector computed independently: python3 hmac.new(b'whsec_test', b'1700000000.<body>', sha256).hexdigest()
const BODY = '{"id":"evt_1","type":"fulfilment.packed"}';
const VECTOR = 'sha256=e8f7ba1db0abec066916ec15fe54aaefd242073d3aa6b03d079275ba5142503c';
const NOW = 1_700_000_000_000;

describe('WMS webhook signatures', () => {
  it('matches the known vector', () => {
    expect(signWmsBody('whsec_test', '1700000000', BODY)).toBe(VECTOR);
    expect(signWmsBody('whsec_test', '1700000000', Buffer.from(BODY))).toBe(VECTOR);
  });

  it('accepts a valid signature within tolerance', () => {
    expect(
      verifyWmsSignature({
        secret: 'whsec_test',
        timestamp: '1700000000',
        signature: VECTOR,
        rawBody: BODY,
        now: NOW + 299_000,
      }),
    ).toEqual({ ok: true });
  });

  it.each([
    ['a changed body', { rawBody: `${BODY} ` }, 'signature_invalid'],
    ['another secret', { secret: 'other' }, 'signature_invalid'],
    ['a truncated signature', { signature: VECTOR.slice(0, -2) }, 'signature_invalid'],
    ['no signature', { signature: undefined }, 'signature_missing'],
    ['a non-numeric timestamp', { timestamp: '17e8' }, 'timestamp_invalid'],
    ['an old timestamp', { now: NOW + 301_000 }, 'timestamp_out_of_tolerance'],
    ['a future timestamp', { now: NOW - 301_000 }, 'timestamp_out_of_tolerance'],
  ])('refuses %s', (_name, patch, code) => {
    const input = {
      secret: 'whsec_test',
      timestamp: '1700000000',
      signature: VECTOR,
      rawBody: BODY,
      now: NOW,
      ...patch,
    };
    expect(verifyWmsSignature(input)).toEqual({ ok: false, code });
  });

  it('a re-signed timestamp does not verify with the old signature', () => {
    expect(
      verifyWmsSignature({
        secret: 'whsec_test',
        timestamp: '1700000001',
        signature: VECTOR,
        rawBody: BODY,
        now: NOW,
      }).ok,
    ).toBe(false);
  });
});
