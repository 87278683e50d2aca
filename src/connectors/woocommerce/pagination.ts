/**
 * Page-by-page iteration over a WooCommerce collection: `per_page` is capped at 100 (101 is a 400
 * `rest_invalid_param`), and the end is known from `X-WP-TotalPages` — an empty page also ends it,
 * because a page past the end is `[]` with correct totals.
 *
 * @example
 * ```ts
 * for await (const page of paginate((n) => client.getPage('orders', { page: n, per_page: 100 }))) {
 *   console.log(page.page, '/', page.totalPages, page.items.length);
 * }
 * ```
 */
export const MAX_PER_PAGE = 100;

export interface WooPage<T> {
  items: T[];
  /** 1-based. */
  page: number;
  totalPages: number;
  total: number;
}

export interface RawPage<T> {
  items: T[];
  headers: Headers;
}

/** Reads `X-WP-Total` / `X-WP-TotalPages`; missing headers count as "just this page". */
export function pageInfo(
  headers: Headers,
  page: number,
  itemCount: number,
): { total: number; totalPages: number } {
  const total = Number.parseInt(headers.get('x-wp-total') ?? '', 10);
  const totalPages = Number.parseInt(headers.get('x-wp-totalpages') ?? '', 10);
  return {
    total: Number.isFinite(total) ? total : itemCount,
    totalPages: Number.isFinite(totalPages) ? totalPages : page,
  };
}

/** Clamps a requested page size into WooCommerce's accepted range 1..100. */
export function clampPerPage(perPage: number | undefined): number {
  if (perPage === undefined || !Number.isFinite(perPage)) return MAX_PER_PAGE;
  return Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(perPage)));
}

/** Yields pages from `startPage` until `X-WP-TotalPages` is reached or a page comes back empty. */
export async function* paginate<T>(
  fetchPage: (page: number) => Promise<RawPage<T>>,
  startPage = 1,
): AsyncGenerator<WooPage<T>> {
  for (let page = Math.max(1, startPage); ; page += 1) {
    const { items, headers } = await fetchPage(page);
    const info = pageInfo(headers, page, items.length);
    if (items.length === 0) return;
    yield { items, page, ...info };
    if (page >= info.totalPages) return;
  }
}
