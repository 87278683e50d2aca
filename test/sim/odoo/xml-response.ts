/**
 * Reads a methodResponse in the tests with a different method from the emulator's own parser (a
 * regex walk), so a bug in the codec cannot hide itself.
 */
export interface ParsedResponse {
  value?: unknown;
  fault?: { faultCode: unknown; faultString: unknown };
}

export function parseMethodCallResponse(xml: string): ParsedResponse {
  const tokens = xml.match(/<[^>]+>|[^<]+/g) ?? [];
  let i = 0;
  const skipWs = () => {
    while (i < tokens.length && !tokens[i]!.startsWith('<') && tokens[i]!.trim() === '') i += 1;
  };
  const expect = (tag: string) => {
    skipWs();
    if (tokens[i] !== tag) throw new Error(`expected ${tag} at ${i}, got ${tokens[i]}`);
    i += 1;
  };
  const text = (close: string): string => {
    let out = '';
    while (tokens[i] !== close) out += tokens[i++]!;
    i += 1;
    return out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  };
  const value = (): unknown => {
    expect('<value>');
    const tag = tokens[i++]!;
    let v: unknown;
    if (tag === '<nil/>') v = null;
    else if (tag === '<int>') v = Number(text('</int>'));
    else if (tag === '<double>') v = Number(text('</double>'));
    else if (tag === '<boolean>') v = text('</boolean>') === '1';
    else if (tag === '<string>') v = text('</string>');
    else if (tag === '<array>') {
      expect('<data>');
      const items: unknown[] = [];
      skipWs();
      while (tokens[i] === '<value>') {
        items.push(value());
        skipWs();
      }
      expect('</data>');
      expect('</array>');
      v = items;
    } else if (tag === '<struct>') {
      const obj: Record<string, unknown> = {};
      skipWs();
      while (tokens[i] === '<member>') {
        i += 1;
        expect('<name>');
        const key = text('</name>');
        obj[key] = value();
        expect('</member>');
        skipWs();
      }
      expect('</struct>');
      v = obj;
    } else throw new Error(`unexpected ${tag}`);
    expect('</value>');
    return v;
  };
  i = tokens.findIndex((t) => t === '<methodResponse>') + 1;
  skipWs();
  if (tokens[i] === '<fault>') {
    i += 1;
    return { fault: value() as ParsedResponse['fault'] };
  }
  expect('<params>');
  expect('<param>');
  return { value: value() };
}
