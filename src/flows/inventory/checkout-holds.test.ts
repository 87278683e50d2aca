import { describe, expect, it } from 'vitest';
import { createCheckoutHolds } from './checkout-holds.js';

describe('checkout holds', () => {
  it('count for every store sharing a location and lapse after their time', () => {
    const holds = createCheckoutHolds({ ttlMs: 1000 });
    const until = holds.take(['main', 'east'], [{ sku: 'MUG', quantity: 2 }], 10_000);
    expect(until).toBe(11_000);
    expect(holds.held(['main'], 'MUG', 10_500)).toBe(2);
    expect(holds.held(['east'], 'MUG', 10_500)).toBe(2);
    expect(holds.held(['acme'], 'MUG', 10_500)).toBe(0);
    expect(holds.held(['main'], 'TEE', 10_500)).toBe(0);
    expect(holds.held(['main'], 'MUG', 11_000)).toBe(0);
  });
});
