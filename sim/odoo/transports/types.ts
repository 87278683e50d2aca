/** What the HTTP server hands a transport and gets back: plain data, no sockets. */
import type { IncomingHttpHeaders } from 'node:http';
import type { CallOutcome } from '../calls.js';
import type { ModelStore } from '../orm/model-store.js';
import type { OdooVersion } from '../orm/types.js';
import type { Credentials } from '../services.js';
import { OdooException } from '../orm/errors.js';

export interface HttpRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Backend {
  store: ModelStore;
  credentials: Credentials;
  version: OdooVersion;
}

/** Per-request state: whether a fault is injected, and what the journal should record. */
export interface RequestContext {
  backend: Backend;
  injectError: boolean;
  journal: { service: string; model?: string; method: string; outcome: CallOutcome; error?: string };
}

/** Runs a call unless an error is injected for this request (the call then has no effect). */
export function execute<T>(ctx: RequestContext, fn: () => T): T {
  if (ctx.injectError) {
    ctx.journal.outcome = 'injected-error';
    throw new OdooException(
      'psycopg2.errors.SerializationFailure',
      'could not serialize access due to concurrent update',
    );
  }
  return fn();
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(value),
});

export const html = (
  status: number,
  title: string,
  text: string,
  headers: Record<string, string> = {},
): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  body: `<!doctype html>\n<html lang=en>\n<title>${title}</title>\n<h1>${title.replace(/^\d+ /, '')}</h1>\n<p>${text}</p>\n`,
});
