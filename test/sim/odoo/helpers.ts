/** Tiny raw clients for the emulator's three transports, so tests see exactly what goes over the wire. */
import { parseMethodCallResponse } from './xml-response.js';
import { serializeMethodCall } from '../../../sim/odoo/xmlrpc-codec.js';

export interface JsonRpcReply {
  status: number;
  body: {
    jsonrpc: string;
    id: unknown;
    result?: unknown;
    error?: { code: number; message: string; data: { name: string; message: string; arguments: unknown[] } };
  };
}

export async function jsonrpc(
  url: string,
  service: string,
  method: string,
  args: unknown[],
): Promise<JsonRpcReply> {
  const res = await fetch(`${url}/jsonrpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 7, params: { service, method, args } }),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: res.headers.get('content-type')?.includes('json')
      ? JSON.parse(text)
      : { jsonrpc: '', id: null, result: text },
  };
}

export async function executeKw(
  url: string,
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown> = {},
  password = 'admin',
) {
  return jsonrpc(url, 'object', 'execute_kw', ['demo', 2, password, model, method, args, kwargs]);
}

export async function json2(
  url: string,
  model: string,
  method: string,
  body: Record<string, unknown> = {},
  key = 'admin',
) {
  const res = await fetch(`${url}/json/2/${model}/${method}`, {
    method: 'POST',
    headers: { authorization: `bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // HTML pages (maintenance, 404) stay text.
  }
  return { status: res.status, body: parsed as Record<string, unknown> & unknown[] };
}

export async function xmlrpc(url: string, path: string, method: string, params: unknown[]) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: serializeMethodCall(method, params),
  });
  const text = await res.text();
  return { status: res.status, text, ...(res.status === 200 ? parseMethodCallResponse(text) : {}) };
}
