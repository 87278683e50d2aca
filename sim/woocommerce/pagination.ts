/**
 * Collection responses as the CRUD controller sends them: `X-WP-Total`, `X-WP-TotalPages`, and
 * `Link` with only `prev`/`next`, built from the request's own query string with `page` replaced.
 * A page past the end is `[]` with the right totals.
 */
import type { CollectionParams } from './params.js';
import type { RouteResult } from './router.js';

export interface PageRequest {
  /** `rest_url(route)`, e.g. `http://host/wp-json/wc/v3/orders` */
  baseUrl: string;
  /** The raw query string of the request, without `?`. */
  rawQuery: string;
}

function withPage(request: PageRequest, page: number): string {
  const params = new URLSearchParams(request.rawQuery);
  params.delete('rest_route');
  params.set('page', String(page));
  const joiner = request.baseUrl.includes('?') ? '&' : '?';
  return `${request.baseUrl}${joiner}${params.toString()}`;
}

export function paginate<T>(
  items: T[],
  params: CollectionParams,
  request: PageRequest,
  render: (item: T) => unknown,
): RouteResult {
  const total = items.length;
  const start = params.offset ?? (params.page - 1) * params.perPage;
  const page = items.slice(start, start + params.perPage);
  const maxPages = Math.ceil(total / params.perPage);
  const links: string[] = [];
  if (params.page > 1)
    links.push(`<${withPage(request, Math.min(params.page - 1, Math.max(maxPages, 1)))}>; rel="prev"`);
  if (maxPages > params.page) links.push(`<${withPage(request, params.page + 1)}>; rel="next"`);
  const headers: Record<string, string | string[]> = {
    'X-WP-Total': String(total),
    'X-WP-TotalPages': String(maxPages),
  };
  if (links.length > 0) headers.Link = links;
  return { status: 200, body: page.map(render), headers };
}

/** Sort helper: WordPress appends ` ID` to date/modified orderings so pages are stable. */
export function sortBy<T extends { id: number }>(
  items: T[],
  key: (item: T) => string | number,
  order: 'asc' | 'desc',
): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return items.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x < y) return -sign;
    if (x > y) return sign;
    return (a.id - b.id) * sign;
  });
}
