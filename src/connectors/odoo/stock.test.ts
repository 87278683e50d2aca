import { describe, expect, it } from 'vitest';
import { createEndpointPolicy } from '../../runtime/index.js';
import { createOdooClient } from './client.js';
import { fromOdooException } from './errors.js';
import { quantsFor } from './stock.js';
import type { OdooTransport } from './transport.js';

/** A scripted Odoo answering read_group (or refusing it) and search_read, recording the calls. */
function scriptedOdoo(readGroup: 'supported' | 'missing') {
  const calls: string[] = [];
  const transport: OdooTransport = {
    async call<R>(model: string, method: string) {
      calls.push(`${model}.${method}`);
      if (method === 'read_group') {
        if (readGroup === 'missing')
          throw fromOdooException(
            'builtins.AttributeError',
            "The method 'stock.quant.read_group' does not exist",
          );
        return [
          {
            product_id: [3, '[MUG] Mug'],
            location_id: [8, 'WH/Stock'],
            quantity: 12,
            reserved_quantity: 2,
            __count: 3,
          },
        ] as R;
      }
      return [
        {
          id: 1,
          product_id: [3, '[MUG] Mug'],
          location_id: [8, 'WH/Stock'],
          quantity: 10,
          reserved_quantity: 2,
        },
        {
          id: 2,
          product_id: [3, '[MUG] Mug'],
          location_id: [8, 'WH/Stock'],
          quantity: 2,
          reserved_quantity: 0,
        },
      ] as R;
    },
  };
  const policy = createEndpointPolicy(`stock-test-${readGroup}-${Math.random()}`, {
    ratePerSecond: 1_000,
    burst: 1_000,
  });
  return {
    calls,
    client: createOdooClient(
      { url: 'http://odoo.invalid', database: 'demo', apiKey: 'k' },
      policy,
      transport,
    ),
  };
}

describe('quantsFor', () => {
  it('sums per product and location in one read_group call where Odoo offers it', async () => {
    const { calls, client } = scriptedOdoo('supported');
    const rows = await quantsFor(client, [8]);
    expect(rows).toEqual([
      expect.objectContaining({ quantity: 12, reserved_quantity: 2, product_id: [3, '[MUG] Mug'] }),
    ]);
    expect(calls).toEqual(['stock.quant.read_group']);
  });

  it('falls back to search_read once read_group is refused, and does not ask again', async () => {
    const { calls, client } = scriptedOdoo('missing');
    expect(await quantsFor(client, [8])).toHaveLength(2);
    await quantsFor(client, [8]);
    expect(calls).toEqual(['stock.quant.read_group', 'stock.quant.search_read', 'stock.quant.search_read']);
  });
});
