/**
 * A small XML-RPC codec: parses `<methodCall>` documents and writes `<methodResponse>` results and
 * faults in the layout Python's `xmlrpc.client` (and so Odoo) produces. Supports int/i4/i8,
 * boolean, string (also untyped values and CDATA), double, nil, array, struct, dateTime.iso8601 and
 * base64. DOCTYPEs are refused, so no entity expansion can be smuggled in.
 *
 * @example
 * ```ts
 * const call = parseMethodCall('<methodCall><methodName>version</methodName><params/></methodCall>');
 * serializeResponse({ server_version: '19.0' });
 * ```
 */
export type XmlRpcValue = null | boolean | number | string | XmlRpcValue[] | { [key: string]: XmlRpcValue };

export class XmlRpcParseError extends Error {}

type Token =
  | { kind: 'open'; name: string; empty: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; value: string };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const known = ENTITIES[body];
    if (known === undefined) throw new XmlRpcParseError(`undefined entity ${whole}`);
    return known;
  });
}

function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      tokens.push({ kind: 'text', value: decodeEntities(xml.slice(i)) });
      break;
    }
    if (lt > i) tokens.push({ kind: 'text', value: decodeEntities(xml.slice(i, lt)) });
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end === -1) throw new XmlRpcParseError('unterminated CDATA section');
      tokens.push({ kind: 'text', value: xml.slice(lt + 9, end) });
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) throw new XmlRpcParseError('unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) throw new XmlRpcParseError('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      throw new XmlRpcParseError('DOCTYPE declarations are not accepted');
    } else {
      const gt = xml.indexOf('>', lt);
      if (gt === -1) throw new XmlRpcParseError('unterminated tag');
      const raw = xml.slice(lt + 1, gt).trim();
      if (raw.startsWith('/')) tokens.push({ kind: 'close', name: raw.slice(1).trim() });
      else {
        const empty = raw.endsWith('/');
        const name = (empty ? raw.slice(0, -1) : raw).trim().split(/\s+/)[0] ?? '';
        tokens.push({ kind: 'open', name, empty });
      }
      i = gt + 1;
    }
  }
  return tokens;
}

class Reader {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  /** Next token that is not ignorable whitespace. */
  private peekSignificant(): Token | undefined {
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos]!;
      if (t.kind === 'text' && t.value.trim() === '') this.pos += 1;
      else return t;
    }
    return undefined;
  }

  open(name: string): boolean {
    const t = this.peekSignificant();
    if (!t || t.kind !== 'open' || t.name !== name) throw new XmlRpcParseError(`expected <${name}>`);
    this.pos += 1;
    return t.empty;
  }

  close(name: string): void {
    const t = this.peekSignificant();
    if (!t || t.kind !== 'close' || t.name !== name) throw new XmlRpcParseError(`expected </${name}>`);
    this.pos += 1;
  }

  isOpen(name: string): boolean {
    const t = this.peekSignificant();
    return t?.kind === 'open' && t.name === name;
  }

  /** Raw text up to the closing tag (keeps whitespace: strings are significant). */
  text(name: string): string {
    let out = '';
    while (this.pos < this.tokens.length && this.tokens[this.pos]!.kind === 'text') {
      out += (this.tokens[this.pos] as { value: string }).value;
      this.pos += 1;
    }
    this.close(name);
    return out;
  }

  value(): XmlRpcValue {
    if (++this.depth > 64) throw new XmlRpcParseError('values nested too deeply');
    try {
      if (this.open('value')) return '';
      const next = this.tokens[this.pos];
      // An untyped value is a string, whitespace included.
      if (!next || next.kind === 'text' || next.kind === 'close') {
        const t = this.peekSignificant();
        if (t?.kind === 'open') return this.typed();
        return this.text('value');
      }
      return this.typed();
    } finally {
      this.depth -= 1;
    }
  }

  private typed(): XmlRpcValue {
    const t = this.peekSignificant() as { kind: 'open'; name: string; empty: boolean };
    const name = t.name;
    const empty = this.open(name);
    let result: XmlRpcValue;
    switch (name) {
      case 'int':
      case 'i4':
      case 'i8': {
        const raw = empty ? '' : this.text(name).trim();
        if (!/^[+-]?\d+$/.test(raw)) throw new XmlRpcParseError(`bad integer ${raw}`);
        result = Number(raw);
        break;
      }
      case 'boolean': {
        const raw = empty ? '' : this.text(name).trim();
        if (raw !== '0' && raw !== '1') throw new XmlRpcParseError(`bad boolean ${raw}`);
        result = raw === '1';
        break;
      }
      case 'double': {
        const raw = empty ? '' : this.text(name).trim();
        const n = Number(raw);
        if (raw === '' || Number.isNaN(n)) throw new XmlRpcParseError(`bad double ${raw}`);
        result = n;
        break;
      }
      case 'string':
      case 'base64':
        result = empty ? '' : this.text(name);
        break;
      case 'dateTime.iso8601': {
        const raw = empty ? '' : this.text(name).trim();
        const m = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(raw);
        if (!m) throw new XmlRpcParseError(`bad dateTime ${raw}`);
        result = `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`;
        break;
      }
      case 'nil':
        if (!empty) this.close('nil');
        result = null;
        break;
      case 'array': {
        const items: XmlRpcValue[] = [];
        if (!empty) {
          if (!this.open('data')) {
            while (this.isOpen('value')) items.push(this.value());
            this.close('data');
          }
          this.close('array');
        }
        result = items;
        break;
      }
      case 'struct': {
        const obj: Record<string, XmlRpcValue> = {};
        if (!empty) {
          while (this.isOpen('member')) {
            this.open('member');
            this.open('name');
            const key = this.text('name');
            obj[key] = this.value();
            this.close('member');
          }
          this.close('struct');
        }
        result = obj;
        break;
      }
      default:
        throw new XmlRpcParseError(`unknown type <${name}>`);
    }
    this.close('value');
    return result;
  }
}

export interface MethodCall {
  methodName: string;
  params: XmlRpcValue[];
}

export function parseMethodCall(xml: string): MethodCall {
  const reader = new Reader(tokenize(xml));
  reader.open('methodCall');
  reader.open('methodName');
  const methodName = reader.text('methodName').trim();
  const params: XmlRpcValue[] = [];
  if (reader.isOpen('params')) {
    if (!reader.open('params')) {
      while (reader.isOpen('param')) {
        reader.open('param');
        params.push(reader.value());
        reader.close('param');
      }
      reader.close('params');
    }
  }
  reader.close('methodCall');
  return { methodName, params };
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function serializeValue(value: unknown, out: string[]): void {
  out.push('<value>');
  if (value === null || value === undefined) out.push('<nil/>');
  else if (typeof value === 'boolean') out.push(`<boolean>${value ? 1 : 0}</boolean>`);
  else if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) <= 2147483647) out.push(`<int>${value}</int>`);
    else out.push(`<double>${Number.isFinite(value) ? String(value) : '0'}</double>`);
  } else if (typeof value === 'string') out.push(`<string>${escape(value)}</string>`);
  else if (Array.isArray(value)) {
    out.push('<array><data>\n');
    for (const item of value) {
      serializeValue(item, out);
      out.push('\n');
    }
    out.push('</data></array>');
  } else if (typeof value === 'object') {
    out.push('<struct>\n');
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      out.push(`<member>\n<name>${escape(key)}</name>\n`);
      serializeValue(item, out);
      out.push('\n</member>\n');
    }
    out.push('</struct>');
  } else out.push(`<string>${escape(String(value))}</string>`);
  out.push('</value>');
}

export function serializeResponse(value: unknown): string {
  const out = ["<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n"];
  serializeValue(value, out);
  out.push('\n</param>\n</params>\n</methodResponse>\n');
  return out.join('');
}

export function serializeFault(faultCode: number | string, faultString: string): string {
  const out = ["<?xml version='1.0'?>\n<methodResponse>\n<fault>\n"];
  serializeValue({ faultCode, faultString }, out);
  out.push('\n</fault>\n</methodResponse>\n');
  return out.join('');
}

/** Builds a methodCall document (for tests and small clients). */
export function serializeMethodCall(methodName: string, params: unknown[]): string {
  const out = [
    `<?xml version='1.0'?>\n<methodCall>\n<methodName>${escape(methodName)}</methodName>\n<params>\n`,
  ];
  for (const p of params) {
    out.push('<param>\n');
    serializeValue(p, out);
    out.push('\n</param>\n');
  }
  out.push('</params>\n</methodCall>\n');
  return out.join('');
}
