/**
 * `POST /<resource>/batch` as `WC_REST_Controller::batch_items` runs it: at most 100 items in total
 * (else 413 for the whole request), items processed one by one, failures inlined per item as
 * `{id, error}` while the response stays 200, deletes always permanent.
 */
import type { StoreContext } from './context.js';
import { WcError } from './errors.js';
import type { RouteRequest, RouteResult } from './router.js';
import { asObject } from './router.js';

export const BATCH_LIMIT = 100;

export interface BatchOps {
  create: (ctx: StoreContext, body: Record<string, unknown>) => unknown;
  update: (ctx: StoreContext, id: number, body: Record<string, unknown>) => unknown;
  delete: (ctx: StoreContext, id: number) => unknown;
}

function attempt(id: number, run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (error instanceof WcError) return { id, error: error.toBody() };
    const message = error instanceof Error ? error.message : String(error);
    return { id, error: { code: 'woocommerce_rest_batch_item_error', message, data: { status: 500 } } };
  }
}

export function runBatch(ctx: StoreContext, request: RouteRequest, ops: BatchOps): RouteResult {
  const body = asObject(request.body);
  const list = (key: string): unknown[] => (Array.isArray(body[key]) ? (body[key] as unknown[]) : []);
  const total = list('create').length + list('update').length + list('delete').length;
  if (total > BATCH_LIMIT) {
    throw new WcError(
      413,
      'woocommerce_rest_request_entity_too_large',
      `Unable to accept more than ${BATCH_LIMIT} items for this request.`,
    );
  }
  const response: Record<string, unknown[]> = {};
  if (Array.isArray(body.create))
    response.create = list('create').map((item) => attempt(0, () => ops.create(ctx, asObject(item))));
  if (Array.isArray(body.update)) {
    response.update = list('update').map((item) => {
      const fields = asObject(item);
      const id = Number(fields.id ?? 0);
      return attempt(id, () => ops.update(ctx, id, fields));
    });
  }
  if (Array.isArray(body.delete)) {
    response.delete = list('delete').map((item) => {
      const id = Number(
        typeof item === 'object' && item !== null ? (item as Record<string, unknown>).id : item,
      );
      return attempt(id, () => ops.delete(ctx, id));
    });
  }
  return { status: 200, body: response };
}
