/**
 * Shared pieces of the WMS emulator tests: a webhook receiver that checks every delivery with the
 * connector's verifier and schema, request builders, and waiting on a condition with a deadline.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseWmsEvent, type WmsEvent } from '../../../src/connectors/wms/event-schema.js';
import { verifyWmsSignature } from '../../../src/connectors/wms/signature.js';
import type { WmsEmulator } from '../../../sim/wms/index.js';

export interface Received {
  event: WmsEvent;
  headers: Record<string, string | string[] | undefined>;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Deliveries refused because the signature or body did not verify. */
  refused: string[];
  /** Status to answer for the n-th delivery (1-based); default 202. */
  respond: (n: number) => number;
  close(): Promise<void>;
}

export async function startReceiver(secret: string): Promise<Receiver> {
  let count = 0;
  const receiver: Receiver = {
    url: '',
    received: [],
    refused: [],
    respond: () => 202,
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      count += 1;
      const raw = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const check = verifyWmsSignature({
        secret,
        timestamp: header('x-wms-timestamp'),
        signature: header('x-wms-signature'),
        rawBody: raw,
      });
      const parsed = parseWmsEvent(raw);
      if (!check.ok || !parsed.ok) {
        receiver.refused.push(check.ok ? 'invalid_event' : check.code);
        res.statusCode = check.ok ? 400 : 401;
        res.end();
        return;
      }
      const status = receiver.respond(count);
      if (status >= 200 && status < 300)
        receiver.received.push({ event: parsed.event, headers: req.headers });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/wms/main`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

export function fulfilmentBody(
  reference = 'orders.eu.1001/ff-1',
  lines = [{ lineRef: '1', sku: 'TEE-M', quantity: 2 }],
) {
  return {
    reference,
    warehouse: 'main',
    lines,
    shipTo: {
      name: 'Ada Lovelace',
      address1: '1 Main Street',
      city: 'Dublin',
      postcode: 'D01 F5P2',
      country: 'IE',
    },
  };
}

export async function call(
  wms: WmsEmulator,
  method: string,
  path: string,
  options: { body?: unknown; key?: string; apiKey?: string | null } = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (options.apiKey !== null) headers.authorization = `Bearer ${options.apiKey ?? wms.apiKey}`;
  if (options.key) headers['idempotency-key'] = options.key;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${wms.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** Polls `condition` until it holds or the deadline passes (then throws with `what`). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const FAST_CLOCK = { pickMs: 5, packMs: 5, shipMs: 5 };

/**
 * Requests a fulfilment of one pickable line (SKU `OK`) and one the `unpickableSkus: ['BROKEN']`
 * fault refuses (SKU `BROKEN`), and waits until the WMS has nothing left to do.
 */
export async function requestWithUnpickableLine(
  wms: WmsEmulator,
  reference: string,
  ok: { lineRef: string; quantity: number } = { lineRef: '1', quantity: 1 },
  broken: { lineRef: string; quantity: number } = { lineRef: '2', quantity: 1 },
): Promise<void> {
  const lines = [
    { lineRef: ok.lineRef, sku: 'OK', quantity: ok.quantity },
    { lineRef: broken.lineRef, sku: 'BROKEN', quantity: broken.quantity },
  ];
  const created = await call(wms, 'POST', '/v1/fulfilment-orders', {
    body: fulfilmentBody(reference, lines),
    key: reference,
  });
  if (created.status !== 201) throw new Error(`fulfilment not created: ${created.status}`);
  await wms.flush();
}
