import { describe, expect, it } from 'vitest';
import { chunkBatch, mergeBatchResults, readBatchResponse } from './batch.js';

describe('batch chunking and results', () => {
  it('never puts more than the limit in one request, across kinds, keeping order', () => {
    const update = Array.from({ length: 150 }, (_, i) => ({ id: i + 1 }));
    const chunks = chunkBatch({ create: [{ name: 'a' }], update, delete: [900, 901] }, 100);
    expect(chunks).toHaveLength(2);
    const size = (c: (typeof chunks)[number]) =>
      (c.create?.length ?? 0) + (c.update?.length ?? 0) + (c.delete?.length ?? 0);
    expect(chunks.map(size)).toEqual([100, 53]);
    expect(chunks[0]?.create).toEqual([{ name: 'a' }]);
    expect(chunks.flatMap((c) => c.update ?? []).map((u) => u.id)).toEqual(update.map((u) => u.id));
    expect(chunks[1]?.delete).toEqual([900, 901]);
  });

  it('reads inline item errors as failures under HTTP 200', () => {
    const result = readBatchResponse<{ id: number }>({
      update: [
        { id: 1, stock_quantity: 5 },
        {
          id: 2,
          error: {
            code: 'woocommerce_rest_product_invalid_id',
            message: 'Invalid ID.',
            data: { status: 400 },
          },
        },
      ],
      create: [{ id: 0, error: { code: 'product_invalid_sku', message: 'dup', data: { status: 400 } } }],
    });
    expect(result.update.map((r) => r.ok)).toEqual([true, false]);
    expect(result.update[1]).toMatchObject({
      id: 2,
      error: { code: 'woocommerce_rest_product_invalid_id', status: 400 },
    });
    expect(result.create[0]).toMatchObject({ ok: false, id: 0 });
    expect(result.delete).toEqual([]);
    expect(mergeBatchResults([result, result]).update).toHaveLength(4);
  });
});
