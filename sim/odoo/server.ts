/**
 * The emulator's HTTP front: routes to the three RPC transports over one store, applies the fault
 * knobs the way a proxy in front of Odoo would (latency, 503 maintenance page, 504 lost response),
 * journals every call, and serves the `/__control/*` endpoints tests and the demo use.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { CallJournal, CallOutcome, Transport } from './calls.js';
import type { Faults } from './faults.js';
import { versionInfo } from './services.js';
import { handleJson2 } from './transports/json2.js';
import { handleJsonRpc } from './transports/jsonrpc.js';
import {
  html,
  json,
  type Backend,
  type HttpRequest,
  type Reply,
  type RequestContext,
} from './transports/types.js';
import { handleXmlRpc } from './transports/xmlrpc.js';

const MAX_BODY = 16 * 1024 * 1024;

export interface ServerDeps {
  backend: Backend;
  faults: Faults;
  journal: CallJournal;
  log?: Logger;
}

const problem = (status: number, code: string, detail: string): Reply => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({
    type: `https://retail-hub.dev/problems/${code}`,
    title: code.replace(/_/g, ' '),
    status,
    code,
    detail,
  }),
});

function control(req: HttpRequest, deps: ServerDeps): Reply {
  if (req.path === '/__control/faults') {
    if (req.method === 'GET') return json(200, deps.faults.get());
    if (req.method !== 'POST') return problem(405, 'method_not_allowed', 'Use GET or POST.');
    let patch: unknown;
    try {
      patch = JSON.parse(req.body || '{}');
    } catch {
      return problem(400, 'invalid_json', 'The body is not JSON.');
    }
    try {
      return json(200, deps.faults.set(patch as never));
    } catch (error) {
      return problem(400, 'invalid_fault_settings', (error as Error).message);
    }
  }
  if (req.path === '/__control/calls') {
    if (req.method === 'DELETE') {
      deps.journal.reset();
      return json(200, { reset: true });
    }
    return json(200, { count: deps.journal.count(), calls: deps.journal.log() });
  }
  return problem(404, 'not_found', `No control endpoint ${req.path}.`);
}

function route(req: HttpRequest, ctx: RequestContext): { reply: Reply; transport: Transport } | undefined {
  if (req.path === '/jsonrpc') {
    if (req.method !== 'POST')
      return {
        reply: html(405, '405 Method Not Allowed', 'The method is not allowed for the requested URL.'),
        transport: 'jsonrpc',
      };
    return { reply: handleJsonRpc(req, ctx), transport: 'jsonrpc' };
  }
  if (req.path.startsWith('/xmlrpc/')) {
    const reply = handleXmlRpc(req, ctx);
    return reply ? { reply, transport: 'xmlrpc' } : undefined;
  }
  if (req.path === '/json/2' || req.path.startsWith('/json/2/'))
    return { reply: handleJson2(req, ctx), transport: 'json2' };
  if (req.path === '/web/version') {
    ctx.journal.method = 'web.version';
    const info = versionInfo(ctx.backend.version);
    return {
      reply: json(200, { version_info: info.server_version_info, version: info.server_version }),
      transport: 'web',
    };
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const body = await readBody(req);
  if (body === undefined)
    return send(
      res,
      html(413, '413 Request Entity Too Large', 'The data value transmitted exceeds the capacity limit.'),
    );
  const request: HttpRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    headers: req.headers,
    body,
  };
  if (request.path.startsWith('/__control/')) return send(res, control(request, deps));

  const started = performance.now();
  await deps.faults.delay();
  const decision = deps.faults.decide();
  const ctx: RequestContext = {
    backend: deps.backend,
    injectError: decision === 'error',
    journal: { service: '', method: '', outcome: 'ok' },
  };
  let outcome: CallOutcome;
  let reply: Reply;
  let transport: Transport;
  if (decision === 'maintenance') {
    reply = html(503, '503 Service Unavailable', 'Odoo is under maintenance. Please come back later.');
    outcome = 'maintenance';
    transport = request.path.startsWith('/json/2')
      ? 'json2'
      : request.path.startsWith('/xmlrpc')
        ? 'xmlrpc'
        : request.path === '/jsonrpc'
          ? 'jsonrpc'
          : 'web';
    ctx.journal.method = request.path;
  } else {
    const routed = route(request, ctx);
    if (!routed)
      return send(res, html(404, '404 Not Found', 'The requested URL was not found on the server.'));
    reply = routed.reply;
    transport = routed.transport;
    outcome = ctx.journal.outcome;
    if (decision === 'lose-response') {
      reply = html(504, '504 Gateway Time-out', "The server didn't respond in time.");
      outcome = 'lost-response';
    }
  }
  deps.journal.record({
    at: new Date().toISOString(),
    transport,
    service: ctx.journal.service || transport,
    ...(ctx.journal.model ? { model: ctx.journal.model } : {}),
    method: ctx.journal.method,
    outcome,
    ...(ctx.journal.error ? { error: ctx.journal.error } : {}),
    durationMs: Math.round((performance.now() - started) * 100) / 100,
  });
  deps.log?.debug(
    { transport, model: ctx.journal.model, method: ctx.journal.method, outcome },
    'odoo emulator call',
  );
  send(res, reply);
}

export function createEmulatorServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    handle(req, res, deps).catch((error: unknown) => {
      deps.log?.error({ err: error }, 'odoo emulator failed to answer');
      if (!res.headersSent)
        send(res, html(500, '500 Internal Server Error', 'The server encountered an internal error.'));
      else res.destroy();
    });
  });
}
