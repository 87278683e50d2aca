/**
 * WMS webhook signatures: `X-WMS-Signature: sha256=<hex HMAC-SHA256(secret, "<X-WMS-Timestamp>.<raw body>")>`.
 * The timestamp is Unix seconds and is signed with the body, so a captured delivery cannot be
 * replayed outside the tolerance window.
 *
 * @example
 * ```ts
 * import { signWmsBody, verifyWmsSignature } from './signature.js';
 * const timestamp = String(Math.floor(Date.now() / 1000));
 * const signature = signWmsBody('s3cret', timestamp, '{"id":"evt_1"}');
 * verifyWmsSignature({ secret: 's3cret', timestamp, signature, rawBody: '{"id":"evt_1"}' }); // { ok: true }
 * ```
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signWmsBody(secret: string, timestamp: string, rawBody: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `sha256=${mac}`;
}

export type SignatureCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'signature_missing' | 'timestamp_invalid' | 'timestamp_out_of_tolerance' | 'signature_invalid';
    };

export interface SignatureInput {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string | Buffer;
  toleranceSeconds?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: number;
}

export function verifyWmsSignature(input: SignatureInput): SignatureCheck {
  if (input.signature === undefined || input.signature === '')
    return { ok: false, code: 'signature_missing' };
  if (input.timestamp === undefined || !/^\d{1,12}$/.test(input.timestamp))
    return { ok: false, code: 'timestamp_invalid' };
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const skew = Math.abs((input.now ?? Date.now()) / 1000 - Number(input.timestamp));
  if (skew > tolerance) return { ok: false, code: 'timestamp_out_of_tolerance' };
  const expected = Buffer.from(signWmsBody(input.secret, input.timestamp, input.rawBody), 'utf8');
  const given = Buffer.from(input.signature, 'utf8');
  // Length first: timingSafeEqual throws on unequal lengths, and the length of a hex MAC is public.
  const ok = given.length === expected.length && timingSafeEqual(given, expected);
  return ok ? { ok: true } : { ok: false, code: 'signature_invalid' };
}
