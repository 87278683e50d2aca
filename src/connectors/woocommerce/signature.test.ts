import { describe, expect, it } from 'vitest';
import {
  createWooSignatureCheck,
  decodeSecretEntities,
  signWooPayload,
  verifyWooSignature,
} from './signature.js';

// The body is exactly what PHP's wp_json_encode sends: `\/` and `\u00e9` escapes kept.
const RAW = Buffer.from('{"id":727,"name":"Caf\\u00e9","src":"https:\\/\\/example.com\\/a.jpg"}', 'utf8');
const SECRET = 'wh_s3cr3t&<x>';
// Computed independently: printf '%s' "$RAW" | openssl dgst -sha256 -hmac 'wh_s3cr3t&<x>' -binary | base64
const EXPECTED = 'dG12VZrwtpvq9rOUEybyHUiTkzqsmZruLU8lMxvWCmw=';

describe('WooCommerce webhook signature', () => {
  it('matches an independently computed vector on the raw bytes', () => {
    expect(signWooPayload(RAW, SECRET)).toBe(EXPECTED);
    expect(verifyWooSignature(RAW, EXPECTED, SECRET)).toBe(true);
  });

  it('fails on the re-serialised JSON (escapes lost)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(RAW.toString('utf8'))), 'utf8');
    expect(reserialised.equals(RAW)).toBe(false);
    expect(verifyWooSignature(reserialised, EXPECTED, SECRET)).toBe(false);
  });

  it('refuses a wrong secret, a missing or truncated header', () => {
    expect(verifyWooSignature(RAW, EXPECTED, 'other')).toBe(false);
    expect(verifyWooSignature(RAW, undefined, SECRET)).toBe(false);
    expect(verifyWooSignature(RAW, EXPECTED.slice(0, 20), SECRET)).toBe(false);
  });

  it('accepts a secret configured in its HTML-escaped form', () => {
    expect(decodeSecretEntities('wh_s3cr3t&amp;&lt;x&gt;')).toBe(SECRET);
    expect(verifyWooSignature(RAW, EXPECTED, 'wh_s3cr3t&amp;&lt;x&gt;')).toBe(true);
  });

  it('the per-secret cached check gives the same answers, secret by secret', () => {
    const check = createWooSignatureCheck();
    for (let i = 0; i < 2; i += 1) {
      expect(check(RAW, EXPECTED, SECRET)).toBe(true);
      expect(check(RAW, EXPECTED, 'wh_s3cr3t&amp;&lt;x&gt;')).toBe(true);
      expect(check(RAW, EXPECTED, 'other')).toBe(false);
      expect(check(RAW, EXPECTED, '')).toBe(false);
      expect(check(RAW, undefined, SECRET)).toBe(false);
      expect(check(RAW, ` ${EXPECTED}\n`, SECRET)).toBe(true);
    }
  });
});
