/**
 * PHP `json_encode` as WordPress' `wp_json_encode` produces it: compact, `/` escaped as `\/`, every
 * non-ASCII code unit as a lowercase `\uXXXX`. Consumers must verify signatures against these exact
 * bytes, which is why the emulator never sends `JSON.stringify` output.
 *
 * @example
 * ```ts
 * phpJsonEncode({ url: 'https://x/y', name: 'João' }); // '{"url":"https:\/\/x\/y","name":"Jo\u00e3o"}'
 * ```
 */
export function phpJsonEncode(value: unknown): string {
  // `/` and non-ASCII characters can only occur inside JSON strings, so a global replace is safe.
  return JSON.stringify(value).replace(/[/\u0080-\uffff]/g, (ch) =>
    ch === '/' ? '\\/' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
