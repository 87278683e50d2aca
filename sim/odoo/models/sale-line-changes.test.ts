import { afterEach, describe, expect, it } from 'vitest';
import { startOdooEmulator, type OdooEmulator } from '../index.js';

describe('changing a confirmed sale order line', () => {
  let odoo: OdooEmulator;
  afterEach(async () => {
    await odoo.close();
  });

  async function confirmedOrder(version: 16 | 19) {
    odoo = await startOdooEmulator({ version });
    const m = odoo.models;
    const product = odoo.seed.product({ sku: 'LINE', name: 'Line', listPrice: 10 });
    odoo.seed.stock({ sku: 'LINE', location: 'WH/Stock', quantity: 10 });
    const partner = odoo.seed.partner({ name: 'Line Customer', email: 'line@example.com' });
    const order = m.create('sale.order', {
      partner_id: partner,
      order_line: [[0, 0, { product_id: product, product_uom_qty: 4 }]],
    });
    m.call('sale.order', 'action_confirm', [[order]]);
    const [line] = m.search('sale.order.line', [['order_id', '=', order]]);
    const reserved = () =>
      m.searchRead(
        'stock.quant',
        [
          ['product_id', '=', product],
          ['location_id.usage', '=', 'internal'],
        ],
        ['reserved_quantity'],
      )[0]?.reserved_quantity;
    const moves = () =>
      m.searchRead('stock.move', [['sale_line_id', '=', line!]], ['product_uom_qty', 'state']);
    return { m, order, line: line!, reserved, moves };
  }

  it.each([16, 19] as const)(
    'carries a lower quantity to the delivery and its reservation (v%i)',
    async (v) => {
      const { m, order, line, reserved, moves } = await confirmedOrder(v);
      expect(reserved()).toBe(4);
      m.write('sale.order', [order], { order_line: [[1, line, { product_uom_qty: 1 }]] });
      expect(reserved()).toBe(1);
      expect(moves()).toEqual([expect.objectContaining({ product_uom_qty: 1, state: 'assigned' })]);
      m.write('sale.order.line', [line], { product_uom_qty: 0 });
      expect(reserved()).toBe(0);
      expect(moves()).toEqual([expect.objectContaining({ product_uom_qty: 0, state: 'cancel' })]);
      expect(m.read('sale.order', [order], ['amount_total'])[0]?.amount_total).toBe(0);
    },
  );

  it('reserves a raised quantity and refuses to go below what was delivered', async () => {
    const { m, order, line, reserved } = await confirmedOrder(19);
    m.write('sale.order.line', [line], { product_uom_qty: 6 });
    expect(reserved()).toBe(6);
    const [picking] = m.search('stock.picking', [['sale_id', '=', order]]);
    m.call('stock.picking', 'button_validate', [[picking]]);
    expect(() => m.write('sale.order.line', [line], { product_uom_qty: 2 })).toThrow(
      /cannot be decreased below the amount already delivered/,
    );
  });

  it('refuses to delete a confirmed line', async () => {
    const { m, order, line } = await confirmedOrder(19);
    expect(() => m.write('sale.order', [order], { order_line: [[2, line, 0]] })).toThrow(
      /Set the quantity to 0 instead/,
    );
    expect(m.search('sale.order.line', [['order_id', '=', order]])).toEqual([line]);
  });
});
