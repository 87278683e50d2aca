import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { phpJsonEncode } from './php-json.js';
import { signBody } from './deliver.js';

describe('phpJsonEncode (wp_json_encode)', () => {
  it('escapes slashes and non-ASCII like PHP', () => {
    expect(
      phpJsonEncode({
        href: 'https://example.com/wp-json/wc/v3/orders/1',
        city: 'São Paulo',
        sym: '€',
        emoji: '😀',
      }),
    ).toBe(
      '{"href":"https:\\/\\/example.com\\/wp-json\\/wc\\/v3\\/orders\\/1","city":"S\\u00e3o Paulo","sym":"\\u20ac","emoji":"\\ud83d\\ude00"}',
    );
  });

  it('round-trips through JSON.parse unchanged', () => {
    const value = { a: ['x/y', 'Ünïcødé', 1.5, null, true], b: { 'k/ey': '"quoted" \\ back' } };
    expect(JSON.parse(phpJsonEncode(value))).toEqual(value);
  });

  it('signature is over the exact bytes: re-serialising with JSON.stringify breaks it', () => {
    const body = phpJsonEncode({ url: 'https://shop/x', name: 'João' });
    const signature = signBody(body, 'whsec');
    expect(signature).toBe(createHmac('sha256', 'whsec').update(body).digest('base64'));
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(createHmac('sha256', 'whsec').update(reserialised).digest('base64')).not.toBe(signature);
  });
});
