/** A tiny route table for the `/wc/v3` namespace: method + path pattern → handler and capability. */
import type { StoreContext } from './context.js';
import type { PhpParams } from './params.js';

export interface RouteRequest {
  method: string;
  /** The REST route, e.g. `/wc/v3/orders/42` (from `/wp-json/...` or `?rest_route=`). */
  route: string;
  params: Record<string, string>;
  /** Query string merged with the body (body wins), as `WP_REST_Request::get_param` sees it. */
  input: Record<string, unknown>;
  query: PhpParams;
  body: unknown;
  rawQuery: string;
}

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string | string[]>;
}

/** Which `woocommerce_rest_cannot_*` error an unauthenticated caller gets. */
export type Capability = 'list' | 'view' | 'create' | 'edit' | 'delete' | 'batch' | 'public';

export type Handler = (ctx: StoreContext, request: RouteRequest) => RouteResult | Promise<RouteResult>;

interface Route {
  methods: string[];
  pattern: RegExp;
  capability: Capability;
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(methods: string | string[], path: string, capability: Capability, handler: Handler): this {
    this.routes.push({
      methods: Array.isArray(methods) ? methods : [methods],
      pattern: new RegExp(`^${path}/?$`),
      capability,
      handler,
    });
    return this;
  }

  match(
    method: string,
    route: string,
  ): { handler: Handler; capability: Capability; params: Record<string, string> } | null {
    const effective = method === 'HEAD' ? 'GET' : method;
    for (const candidate of this.routes) {
      const found = candidate.pattern.exec(route);
      if (found && candidate.methods.includes(effective))
        return {
          handler: candidate.handler,
          capability: candidate.capability,
          params: { ...(found.groups ?? {}) },
        };
    }
    return null;
  }
}

export const ok = (body: unknown, headers?: Record<string, string>): RouteResult => ({
  status: 200,
  body,
  ...(headers ? { headers } : {}),
});
export const created = (body: unknown, location: string): RouteResult => ({
  status: 201,
  body,
  headers: { Location: location },
});
export const asObject = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
