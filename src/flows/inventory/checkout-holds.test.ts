import { describe, expect, it } from 'vitest';
import { heldAt } from './checkout-holds.js';

describe('checkout holds', () => {
  it('count for every store sharing a location; the own part is the store’s shoppers’', () => {
    const holds = [
      { storeId: 'eu', locations: ['main', 'east'], quantity: 2 },
      { storeId: 'uk', locations: ['main'], quantity: 1 },
      { storeId: 'us', locations: ['west'], quantity: 7 },
    ];
    expect(heldAt(holds, ['main'], 'uk')).toEqual({ all: 3, own: 1 });
    expect(heldAt(holds, ['east'], 'us')).toEqual({ all: 2, own: 0 });
    expect(heldAt(holds, ['main', 'east'], 'eu')).toEqual({ all: 3, own: 2 });
    expect(heldAt(holds, ['acme'], 'eu')).toEqual({ all: 0, own: 0 });
  });
});
