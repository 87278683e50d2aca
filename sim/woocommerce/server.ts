/**
 * The HTTP front of the emulator (node:http/https): resolves `/wp-json/<route>` and
 * `?rest_route=<route>`, applies fault knobs, parses PHP-style parameters and JSON/form bodies,
 * authenticates, dispatches to the router, and answers like WordPress (PHP-encoded JSON,
 * `{code,message,data}` errors, WP headers). `/__control/*` goes to the control handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from './auth/authenticate.js';
import type { StoreContext } from './context.js';
import { WcError, noRoute } from './errors.js';
import type { FaultState } from './faults.js';
import type { JournalEntry, RequestJournal } from './journal.js';
import { parseList, parsePhpQuery, type PhpParams } from './params.js';
import type { Capability, Router, RouteResult } from './router.js';
import { phpJsonEncode } from './webhooks/php-json.js';

const MAX_BODY = 32 * 1024 * 1024;

export interface ServerDeps {
  ctx: StoreContext;
  router: Router;
  faults: FaultState;
  journal: RequestJournal;
  auth: Authenticator | null;
  secure: boolean;
  control: (request: IncomingMessage, body: Buffer, url: URL) => Promise<RouteResult>;
}

const CANNOT: Record<Exclude<Capability, 'public'>, [string, string]> = {
  list: ['woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.'],
  view: ['woocommerce_rest_cannot_view', 'Sorry, you cannot view this resource.'],
  create: ['woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.'],
  edit: ['woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.'],
  delete: ['woocommerce_rest_cannot_delete', 'Sorry, you are not allowed to delete this resource.'],
  batch: ['woocommerce_rest_cannot_batch', 'Sorry, you are not allowed to batch manipulate this resource.'],
};

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new WcError(413, 'rest_request_too_large', 'Request body too large.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function send(response: ServerResponse, method: string, result: RouteResult, json = true): void {
  const text = json ? phpJsonEncode(result.body) : String(result.body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': json ? 'application/json; charset=UTF-8' : 'text/html; charset=UTF-8',
    'X-Robots-Tag': 'noindex',
    'X-Content-Type-Options': 'nosniff',
    'Access-Control-Expose-Headers': 'X-WP-Total, X-WP-TotalPages, Link',
    'Access-Control-Allow-Headers':
      'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
    ...(result.headers ?? {}),
  };
  headers['Content-Length'] = String(Buffer.byteLength(text));
  response.writeHead(result.status, headers);
  response.end(method === 'HEAD' ? undefined : text);
}

/** `_fields=a,b`: WordPress trims each returned object to those keys (WooCommerce always keeps `id`). */
function applyFields(result: RouteResult, fields: string[]): RouteResult {
  if (fields.length === 0 || result.status >= 300) return result;
  const keep = new Set([...fields.map((f) => f.split('.')[0] as string), 'id']);
  const pick = (value: unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter(([key]) => keep.has(key)))
      : value;
  return { ...result, body: Array.isArray(result.body) ? result.body.map(pick) : pick(result.body) };
}

const errorResult = (error: WcError, headers: Record<string, string> = {}): RouteResult => ({
  status: error.status,
  body: error.toBody(),
  headers,
});

/** Where the REST route is: `/wp-json/wc/v3/...` or `/?rest_route=/wc/v3/...`. */
function restRoute(url: URL): string | null {
  if (url.pathname === '/wp-json' || url.pathname.startsWith('/wp-json/'))
    return url.pathname.slice('/wp-json'.length) || '/';
  const viaQuery = url.searchParams.get('rest_route');
  return viaQuery === null ? null : viaQuery || '/';
}

function parseBody(request: IncomingMessage, raw: Buffer): { body: unknown; form: PhpParams } {
  if (raw.length === 0) return { body: null, form: {} };
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) {
    const form = parsePhpQuery(raw.toString('utf8'));
    return { body: form, form };
  }
  if (type.includes('json') || type === '') {
    try {
      return { body: JSON.parse(raw.toString('utf8')) as unknown, form: {} };
    } catch (error) {
      throw new WcError(400, 'rest_invalid_json', 'Invalid JSON body passed.', {
        json_error_code: 4,
        json_error_message: error instanceof Error ? error.message : 'Syntax error',
      });
    }
  }
  return { body: null, form: {} };
}

export function createListener(
  deps: ServerDeps,
): (request: IncomingMessage, response: ServerResponse) => void {
  const { ctx } = deps;
  return (request, response) => {
    void handle(deps, ctx, request, response).catch((error: unknown) => {
      ctx.log.error({ err: error }, 'emulator request failed');
      if (!response.headersSent)
        send(response, 'GET', {
          status: 500,
          body: {
            code: 'internal_server_error',
            message: 'There has been a critical error on this website.',
            data: { status: 500 },
          },
        });
      else response.destroy();
    });
  };
}

async function handle(
  deps: ServerDeps,
  ctx: StoreContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = Date.now();
  const url = new URL(request.url ?? '/', 'http://emulator.local');
  const method = (request.method ?? 'GET').toUpperCase();
  const raw = await readBody(request);
  if (url.pathname.startsWith('/__control/')) {
    let result: RouteResult;
    try {
      result = await deps.control(request, raw, url);
    } catch (error) {
      result =
        error instanceof WcError
          ? errorResult(error)
          : { status: 500, body: { code: 'internal_error', message: String(error), data: { status: 500 } } };
    }
    response.writeHead(result.status, { 'Content-Type': 'application/json', ...(result.headers ?? {}) });
    response.end(JSON.stringify(result.body));
    return;
  }
  const route = restRoute(url);
  if (route === null) {
    send(
      response,
      method,
      {
        status: 200,
        body: '<!doctype html><title>Retail Hub WooCommerce emulator</title><p>Store ' + ctx.storeId + '</p>',
      },
      false,
    );
    return;
  }
  const rawQuery = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  const entry: Omit<JournalEntry, 'seq' | 'status' | 'durationMs'> = {
    at: new Date(started).toISOString(),
    method,
    path: url.pathname,
    route,
    query: rawQuery,
    auth: deps.auth ? 'none' : 'open',
  };
  const finish = (result: RouteResult, extra: Partial<JournalEntry> = {}): void => {
    deps.journal.add({ ...entry, ...extra, status: result.status, durationMs: Date.now() - started });
    send(response, method, result);
  };

  const faults = deps.faults.get();
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  const decision = deps.faults.decide();
  if (decision.kind === '429') {
    finish(
      {
        status: 429,
        body: { code: 'too_many_requests', message: 'Too Many Requests', data: { status: 429 } },
        headers: { 'Retry-After': String(decision.retryAfter) },
      },
      { fault: '429' },
    );
    return;
  }
  if (decision.kind === '5xx') {
    deps.journal.add({ ...entry, status: 503, durationMs: Date.now() - started, fault: '5xx' });
    const html =
      '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>';
    response.writeHead(503, {
      'Content-Type': 'text/html',
      'Content-Length': String(Buffer.byteLength(html)),
    });
    response.end(html);
    return;
  }

  try {
    const query = parsePhpQuery(rawQuery);
    delete query.rest_route;
    const { body, form } = parseBody(request, raw);
    let effective = method;
    const override =
      (typeof query._method === 'string' ? query._method : undefined) ??
      request.headers['x-http-method-override'];
    if (method === 'POST' && typeof override === 'string' && override) effective = override.toUpperCase();

    let authenticated = deps.auth === null;
    if (deps.auth) {
      const result = deps.auth.authenticate({
        method,
        baseUri: `${ctx.siteUrl}${url.pathname}`,
        secure: deps.secure,
        query,
        form,
        authorization: request.headers.authorization,
      });
      if (result.kind === 'error') {
        finish(errorResult(result.error, result.headers));
        return;
      }
      if (result.kind === 'authenticated') {
        authenticated = true;
        entry.auth = result.via;
      }
    }
    const matched = deps.router.match(effective, route.replace(/\/+$/, '') || '/');
    if (!matched) throw noRoute();
    if (!authenticated && matched.capability !== 'public') {
      const [code, message] = CANNOT[matched.capability];
      throw new WcError(401, code, message);
    }
    const bodyObject =
      body !== null && typeof body === 'object' && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : {};
    const input: Record<string, unknown> = { ...query, ...bodyObject };
    const result = await matched.handler(ctx, {
      method: effective,
      route,
      params: matched.params,
      input,
      query,
      body,
      rawQuery,
    });
    const batchItems = route.endsWith('/batch')
      ? (['create', 'update', 'delete'] as const).reduce(
          (n, key) => n + (Array.isArray(bodyObject[key]) ? (bodyObject[key] as unknown[]).length : 0),
          0,
        )
      : undefined;
    finish(applyFields(result, parseList(query._fields)), batchItems === undefined ? {} : { batchItems });
  } catch (error) {
    if (error instanceof WcError) {
      finish(errorResult(error));
      return;
    }
    throw error;
  }
}
