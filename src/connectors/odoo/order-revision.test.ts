import { describe, expect, it } from 'vitest';
import { fieldsFor } from './fields.js';
import { dec } from './mapping/decimal.js';
import type { PlannedLine } from './mapping/order-lines.js';
import { revisionCommands } from './order-revision.js';

const planned = (productId: number, name: string, quantity: number, priceUnit: string): PlannedLine => ({
  kind: 'product',
  productId,
  name,
  quantity: dec(quantity),
  priceUnit: dec(priceUnit),
  discount: dec(0),
  taxes: [],
});
const existing = (id: number, productId: number, name: string, quantity: number, priceUnit: number) => ({
  id,
  key: `${productId}|${name}`,
  quantity,
  priceUnit,
  discount: 0,
  taxIds: [],
});

describe('revisionCommands (a confirmed order brought to a new plan)', () => {
  const fields = fieldsFor(19);

  it('writes changed lines, zeroes lines no longer sold and leaves unchanged lines alone', () => {
    const commands = revisionCommands(
      [existing(11, 1, 'Tee', 2, 10), existing(12, 2, 'Mug', 1, 5), existing(13, 9, 'Tax VAT', 1, 5)],
      [planned(1, 'Tee', 1, '10'), planned(9, 'Tax VAT', 1, '2')],
      fields,
    );
    expect(commands).toEqual([
      [1, 11, { product_uom_qty: 1, price_unit: 10, discount: 0, tax_ids: [[6, 0, []]] }],
      [1, 13, { product_uom_qty: 1, price_unit: 2, discount: 0, tax_ids: [[6, 0, []]] }],
      [1, 12, { product_uom_qty: 0 }],
    ]);
    expect(
      revisionCommands([existing(11, 1, 'Tee', 1, 10)], [planned(1, 'Tee', 1, '10.00')], fields),
    ).toEqual([]);
  });

  it('adds a planned line that has no match', () => {
    const [command] = revisionCommands([], [planned(3, 'Cap', 2, '7.5')], fields);
    expect(command).toEqual([
      0,
      0,
      expect.objectContaining({ product_id: 3, product_uom_qty: 2, price_unit: 7.5 }),
    ]);
  });
});
