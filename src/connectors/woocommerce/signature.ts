/**
 * WooCommerce webhook signatures: `X-WC-Webhook-Signature` = base64(HMAC-SHA256(secret, raw body
 * bytes)). Verify against the bytes as received — re-serialising the JSON loses PHP's `\/` and
 * `\uXXXX` escapes and breaks the match. WooCommerce signs with the HTML-entity-decoded secret
 * (`wp_specialchars_decode`), so a secret pasted in its escaped form (`a&amp;b`) still verifies.
 *
 * @example
 * ```ts
 * const header = signWooPayload(Buffer.from('{"id":1}'), 'secret');
 * verifyWooSignature(Buffer.from('{"id":1}'), header, 'secret'); // true
 * ```
 */
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

export function signWooPayload(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#039;': "'",
  '&#39;': "'",
};

/** PHP `wp_specialchars_decode($s, ENT_QUOTES)` for the entities it handles. */
export function decodeSecretEntities(secret: string): string {
  return secret.replace(/&(amp|lt|gt|quot|#0?39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Constant-time check of one signature header against the raw body; false when absent. */
export function verifyWooSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  return matchesAny(rawBody, header, secretCandidates(secret));
}

/**
 * `verifyWooSignature` for the webhook endpoint: the secret's candidate keys are derived once per
 * secret (not per request), which matters at thousands of deliveries a second.
 */
export function createWooSignatureCheck(): (
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
) => boolean {
  const keys = new Map<string, KeyObject[]>();
  return (rawBody, header, secret) => {
    let candidates = keys.get(secret);
    if (candidates === undefined) {
      // Bounded by the configured stores; a store lookup returning ever-new secrets resets it.
      if (keys.size >= 64) keys.clear();
      candidates = secretCandidates(secret).map((candidate) =>
        createSecretKey(Buffer.from(candidate, 'utf8')),
      );
      keys.set(secret, candidates);
    }
    return matchesAny(rawBody, header, candidates);
  };
}

function secretCandidates(secret: string): string[] {
  return secret.length === 0 ? [] : [...new Set([secret, decodeSecretEntities(secret)])];
}

function matchesAny(
  rawBody: Buffer,
  header: string | undefined,
  candidates: readonly (string | KeyObject)[],
): boolean {
  if (header === undefined || header.length === 0 || candidates.length === 0) return false;
  const provided = Buffer.from(header.trim(), 'utf8');
  let match = false;
  for (const candidate of candidates) {
    const expected = Buffer.from(createHmac('sha256', candidate).update(rawBody).digest('base64'), 'utf8');
    // Compare every candidate (no early exit) so timing does not reveal which one matched.
    if (expected.length === provided.length && timingSafeEqual(expected, provided)) match = true;
  }
  return match;
}
