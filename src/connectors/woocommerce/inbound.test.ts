import { describe, expect, it } from 'vitest';
import { contentHash, inboundFor, polledInbound, stampOf, VIA_HEADER } from './inbound.js';

const STATE = {
  id: 7,
  date_modified_gmt: '2026-01-01T10:00:00',
  status: 'on-hold',
  note: 'Café a/b',
  refunds: [],
};
// What WooCommerce's wp_json_encode sends for the same state: `/` and non-ASCII escaped.
const PHP_BODY =
  '{"id":7,"date_modified_gmt":"2026-01-01T10:00:00","status":"on-hold","note":"Caf\\u00e9 a\\/b","refunds":[]}';

describe('WooCommerce inbound messages', () => {
  it('tags the version with the content hash, the same for a webhook body and a polled record of one state', () => {
    const webhook = inboundFor('eu', 'order', PHP_BODY, { dedupeKey: 'd1' });
    const polled = polledInbound(
      'eu',
      'order',
      STATE,
      stampOf(STATE) ?? { id: 0, modifiedGmt: undefined, refundCount: 0 },
    );
    expect(webhook.version).toEqual({
      key: 'woocommerce:eu:order:7',
      value: '2026-01-01T10:00:00|r0000',
      tag: contentHash(STATE).slice(0, 16),
    });
    expect(polled.version).toEqual(webhook.version);
    expect(polled.dedupeKey).toBe(`poll:7:2026-01-01T10:00:00:${contentHash(STATE).slice(0, 16)}`);
    expect(polled.headers).toEqual({ [VIA_HEADER]: 'poll' });
  });

  it('gives another state in the same second another tag and another poll key', () => {
    const later = { ...STATE, status: 'completed' };
    const stamp = stampOf(later) ?? { id: 0, modifiedGmt: undefined, refundCount: 0 };
    const a = polledInbound('eu', 'order', STATE, stamp);
    const b = polledInbound('eu', 'order', later, stamp);
    expect(b.version?.value).toBe(a.version?.value);
    expect(b.version?.tag).not.toBe(a.version?.tag);
    expect(b.dedupeKey).not.toBe(a.dedupeKey);
  });
});
