import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

describe('GroupCommit', () => {
  it('commits concurrent submissions together and answers each after the commit', async () => {
    const batches: number[][] = [];
    const writer = new GroupCommit<number, string>(async (items) => {
      batches.push(items);
      return items.map((i) => `ok-${i}`);
    }, 3);
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => writer.submit(i)));
    expect(results).toEqual(['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5']);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('never strands a submission made by a caller its last batch just answered', async () => {
    const writer = new GroupCommit<number, number>(async (items) => items);
    for (let i = 0; i < 50; i++) expect(await writer.submit(i)).toBe(i);
    await writer.flushed();
    expect(writer.pending).toBe(0);
  });

  it('rejects every caller of a failed batch and carries on with the next', async () => {
    const writer = new GroupCommit<string, string>(async (items) => {
      if (items.includes('bad')) throw new Error('disk full');
      return items;
    }, 2);
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((i) => writer.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });

  it('keeps at most `writers` commits open at once', async () => {
    let open = 0;
    let maxOpen = 0;
    const writer = new GroupCommit<number, number>(
      async (items) => {
        open++;
        maxOpen = Math.max(maxOpen, open);
        await new Promise((resolve) => setTimeout(resolve, 5));
        open--;
        return items;
      },
      1,
      3,
    );
    await Promise.all(Array.from({ length: 12 }, (_, i) => writer.submit(i)));
    expect(maxOpen).toBeGreaterThan(1);
    expect(maxOpen).toBeLessThanOrEqual(3);
  });
});
