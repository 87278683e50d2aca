/**
 * `GET /v1/availability` served straight from node:http, before Fastify (the server's `FastRoute`
 * mechanism, as the WooCommerce webhook route does): the answer comes from memory in about a
 * microsecond, while Fastify's per-request objects, hooks, child logger and serializer cost several
 * times that — and storefronts ask thousands of times a second. The answer is the same
 * `answerAvailability` the Fastify route returns, with the same headers.
 *
 * Only a plain, valid query for a configured store is answered here; anything else (another key,
 * an empty or over-long value, too many SKUs, an unknown store, a body) is passed on untouched to
 * Fastify, which answers it as before (400 / 404 problem+json).
 *
 * @example
 * ```ts
 * const plugin = { register, fastRoute: availabilityFastPath(answers) };
 * ```
 */
import { parse } from 'node:querystring';
import { correlationIdOf, type FastRoute } from '../server.js';
import { answerAvailability, type AnswerDeps } from '../../flows/inventory/answer-availability.js';

const PATH = '/v1/availability';
const MAX_SKUS = 100;

const valid = (value: string, max: number) => value.length >= 1 && value.length <= max;

/** The store and SKUs of a query the route's schema accepts; undefined for anything else. */
export function plainQuery(search: string): { store: string; skus: string[] } | undefined {
  const query = parse(search);
  let store: string | undefined;
  let skus: string[] | undefined;
  for (const key in query) {
    const value = query[key];
    if (key === 'store' && typeof value === 'string') store = value;
    else if (key === 'sku' && value !== undefined) skus = typeof value === 'string' ? [value] : value;
    else return undefined;
  }
  if (store === undefined || !valid(store, 40) || skus === undefined || skus.length > MAX_SKUS)
    return undefined;
  return skus.every((sku) => valid(sku, 100)) ? { store, skus } : undefined;
}

export function availabilityFastPath(deps: AnswerDeps): FastRoute {
  const stores = new Set(deps.stores.map((s) => s.id));
  return (request, response) => {
    const url = request.url ?? '';
    if (request.method !== 'GET' || !url.startsWith(PATH) || url.charCodeAt(PATH.length) !== 63 /* ? */)
      return false;
    if (request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined)
      return false;
    const query = plainQuery(url.slice(PATH.length + 1));
    if (!query || !stores.has(query.store)) return false;
    const payload = JSON.stringify(answerAvailability(deps, query.store, query.skus));
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(payload),
      'x-correlation-id': correlationIdOf(request),
    });
    response.end(payload);
    return true;
  };
}
