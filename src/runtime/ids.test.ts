import { describe, expect, it } from 'vitest';
import { bufferedRandom, createIdFactory } from './ids.js';

describe('ids', () => {
  it('draws random values in [0, 1) across refills', () => {
    const random = bufferedRandom(8);
    const values = Array.from({ length: 100 }, () => random());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(20);
  });

  it('mints distinct ulids that sort in creation order, within one millisecond too', () => {
    const next = createIdFactory();
    const ids = Array.from({ length: 5_000 }, () => next(1_700_000_000_000));
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
