/**
 * WooCommerce batch writes: at most 100 items across create + update + delete per request (more is
 * a 413 for the whole request), and a failed item comes back inline as `{ id, error }` under HTTP
 * 200 — so partial failure must be read per item.
 *
 * @example
 * ```ts
 * const chunks = chunkBatch({ update: items }, 100);
 * const results = mergeBatchResults(await Promise.all(chunks.map(send)));
 * results.update.filter((r) => !r.ok); // the items WooCommerce refused
 * ```
 */
import type { WooErrorBody } from './types.js';

export const BATCH_LIMIT = 100;

export interface BatchRequest<C, U> {
  create?: readonly C[];
  update?: readonly U[];
  delete?: readonly number[];
}

export type BatchItemResult<T> =
  | { ok: true; id: number; item: T }
  | { ok: false; id: number; error: { code: string; message: string; status: number | undefined } };

export interface BatchResult<T> {
  create: BatchItemResult<T>[];
  update: BatchItemResult<T>[];
  delete: BatchItemResult<T>[];
}

/** Splits one logical batch into requests of at most `limit` items, keeping each kind's order. */
export function chunkBatch<C, U>(
  request: BatchRequest<C, U>,
  limit: number = BATCH_LIMIT,
): BatchRequest<C, U>[] {
  const queue: ({ kind: 'create'; v: C } | { kind: 'update'; v: U } | { kind: 'delete'; v: number })[] = [
    ...(request.create ?? []).map((v) => ({ kind: 'create' as const, v })),
    ...(request.update ?? []).map((v) => ({ kind: 'update' as const, v })),
    ...(request.delete ?? []).map((v) => ({ kind: 'delete' as const, v })),
  ];
  const chunks: BatchRequest<C, U>[] = [];
  for (let start = 0; start < queue.length; start += limit) {
    const chunk: { create?: C[]; update?: U[]; delete?: number[] } = {};
    for (const entry of queue.slice(start, start + limit)) {
      if (entry.kind === 'create') (chunk.create ??= []).push(entry.v);
      else if (entry.kind === 'update') (chunk.update ??= []).push(entry.v);
      else (chunk.delete ??= []).push(entry.v);
    }
    chunks.push(chunk);
  }
  return chunks;
}

function isInlineError(value: unknown): value is { id?: unknown; error: WooErrorBody } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { error?: unknown }).error === 'object' &&
    (value as { error?: unknown }).error !== null
  );
}

function toItemResult<T>(value: unknown): BatchItemResult<T> {
  const rawId = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  const id = typeof rawId === 'number' ? rawId : Number(rawId ?? 0) || 0;
  if (isInlineError(value)) {
    const status = value.error.data?.status;
    return {
      ok: false,
      id,
      error: {
        code: String(value.error.code),
        message: String(value.error.message ?? ''),
        status: typeof status === 'number' ? status : undefined,
      },
    };
  }
  return { ok: true, id, item: value as T };
}

/** Reads one batch response body into per-item results. */
export function readBatchResponse<T>(body: unknown): BatchResult<T> {
  const source = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const list = (key: string): BatchItemResult<T>[] =>
    Array.isArray(source[key]) ? (source[key] as unknown[]).map((v) => toItemResult<T>(v)) : [];
  return { create: list('create'), update: list('update'), delete: list('delete') };
}

/** Concatenates the results of several chunk requests, in request order. */
export function mergeBatchResults<T>(results: readonly BatchResult<T>[]): BatchResult<T> {
  return {
    create: results.flatMap((r) => r.create),
    update: results.flatMap((r) => r.update),
    delete: results.flatMap((r) => r.delete),
  };
}
