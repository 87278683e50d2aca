import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseMethodCall,
  serializeFault,
  serializeMethodCall,
  serializeResponse,
  XmlRpcParseError,
  type XmlRpcValue,
} from './xmlrpc-codec.js';

describe('xmlrpc codec', () => {
  it('parses what Python xmlrpc.client sends, including untyped strings, CDATA, nil and dateTime', () => {
    const xml = `<?xml version='1.0'?>
<methodCall>
<methodName>execute_kw</methodName>
<params>
<param><value><string>demo</string></value></param>
<param><value><int>2</int></value></param>
<param><value>plain &amp; untyped</value></param>
<param><value><array><data>
<value><struct><member><name>name</name><value><![CDATA[a <b> c]]></value></member>
<member><name>when</name><value><dateTime.iso8601>20260301T10:00:00</dateTime.iso8601></value></member>
<member><name>none</name><value><nil/></value></member>
<member><name>flag</name><value><boolean>1</boolean></value></member>
<member><name>price</name><value><double>19.99</double></value></member>
<member><name>empty</name><value><string/></value></member>
</struct></value>
</data></array></value></param>
</params>
</methodCall>`;
    expect(parseMethodCall(xml)).toEqual({
      methodName: 'execute_kw',
      params: [
        'demo',
        2,
        'plain & untyped',
        [{ name: 'a <b> c', when: '2026-03-01 10:00:00', none: null, flag: true, price: 19.99, empty: '' }],
      ],
    });
  });

  it('refuses DOCTYPEs, unknown entities and bad scalars', () => {
    expect(() => parseMethodCall('<!DOCTYPE x><methodCall/>')).toThrow(XmlRpcParseError);
    expect(() => parseMethodCall('<methodCall><methodName>&xxe;</methodName></methodCall>')).toThrow(
      XmlRpcParseError,
    );
    expect(() =>
      parseMethodCall(
        '<methodCall><methodName>m</methodName><params><param><value><int>x</int></value></param></params></methodCall>',
      ),
    ).toThrow(XmlRpcParseError);
  });

  it('writes responses and faults in Python layout', () => {
    expect(serializeResponse([1, false, null])).toContain(
      '<array><data>\n<value><int>1</int></value>\n<value><boolean>0</boolean></value>\n<value><nil/></value>\n</data></array>',
    );
    const fault = serializeFault(3, 'Access Denied');
    expect(fault).toContain('<fault>');
    expect(fault).toContain('<name>faultCode</name>\n<value><int>3</int></value>');
  });

  it('round-trips any JSON-like value through a methodCall', () => {
    const key = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('\r'));
    const scalar = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -2147483648, max: 2147483647 }),
      fc.string().filter((s) => !s.includes('\r')),
    );
    const value: fc.Arbitrary<XmlRpcValue> = fc.letrec<{ v: XmlRpcValue }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(key, tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), (params) => {
        expect(parseMethodCall(serializeMethodCall('m', params)).params).toEqual(params);
      }),
    );
  });
});
