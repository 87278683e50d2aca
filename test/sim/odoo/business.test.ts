/**
 * ORM and business semantics the connector relies on: domains, x2many commands, totals with
 * included taxes and discounts, per-version fields and states, external ids, the delivery and
 * invoicing flow, write_date for change feeds, and one-transaction-per-call rollback.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startOdooEmulator, type OdooEmulator, type OdooVersion } from '../../../sim/odoo/index.js';
import { json2, executeKw } from './helpers.js';

const running: OdooEmulator[] = [];
async function emulator(version: OdooVersion, now?: () => Date): Promise<OdooEmulator> {
  const odoo = await startOdooEmulator({ version, ...(now ? { now } : {}) });
  running.push(odoo);
  return odoo;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((o) => o.close()));
});

const taxField = (v: OdooVersion) => (v >= 19 ? 'tax_ids' : 'tax_id');

describe('domains', () => {
  it('supports prefix operators, dotted paths, child_of, like variants and archived records', async () => {
    const odoo = await emulator(19);
    const { seed } = odoo;
    const a = seed.product({ sku: 'DOM-A', name: 'Alpha Shirt', listPrice: 10 });
    const b = seed.product({ sku: 'DOM-B', name: 'Beta Shirt', listPrice: 20 });
    const c = seed.product({ sku: 'DOM-C', name: 'Gamma Mug', listPrice: 30 });
    seed.stock({ sku: 'DOM-A', location: 'WH/Stock', quantity: 5 });
    seed.stock({ sku: 'DOM-B', location: 'WH2/Stock', quantity: 3 });
    const m = odoo.models;
    expect(
      m.search('product.product', ['|', ['list_price', '<', 15], ['list_price', '>=', 30]], { order: 'id' }),
    ).toEqual([a, c]);
    expect(
      m.search('product.product', ['&', ['name', 'ilike', 'shirt'], '!', ['default_code', '=', 'DOM-A']]),
    ).toEqual([b]);
    expect(
      m.search('product.product', [['default_code', '=like', 'DOM-_']], { order: 'default_code desc' }),
    ).toEqual([c, b, a]);
    expect(
      m.search('product.product', [['default_code', 'in', ['DOM-A', 'DOM-C']]], { order: 'id' }),
    ).toEqual([a, c]);
    expect(
      m.search('product.product', [
        ['default_code', 'not in', ['DOM-A', 'DOM-C']],
        ['default_code', 'like', 'DOM'],
      ]),
    ).toEqual([b]);
    const internal = m.searchRead(
      'stock.quant',
      [
        ['location_id.usage', '=', 'internal'],
        ['product_id.default_code', 'like', 'DOM-'],
      ],
      ['product_id', 'location_id', 'quantity'],
      { order: 'id' },
    );
    expect(internal.map((q) => [q.location_id, q.quantity])).toEqual([
      [[expect.any(Number), 'WH/Stock'], 5],
      [[expect.any(Number), 'WH2/Stock'], 3],
    ]);
    const wh = m.search('stock.quant', [
      ['location_id', 'child_of', 'WH'],
      ['product_id', 'in', [a, b]],
    ]);
    expect(wh).toHaveLength(1);
    m.write('product.product', [c], { active: false });
    expect(m.search('product.product', [['default_code', 'like', 'DOM-']])).not.toContain(c);
    expect(
      m.search('product.product', [
        ['default_code', 'like', 'DOM-'],
        ['active', '=', false],
      ]),
    ).toEqual([c]);
    expect(() => m.search('product.product', [['no_such_field', '=', 1]])).toThrow(
      /Invalid field product.product.no_such_field/,
    );
    expect(
      m.search('res.partner', [
        ['email', '=', false],
        ['is_company', '=', true],
      ]),
    ).toHaveLength(1);
  });
});

describe('x2many commands', () => {
  it('applies create, update, delete, unlink, link, clear and set', async () => {
    const odoo = await emulator(17);
    const m = odoo.models;
    const parent = m.create('res.partner', {
      name: 'Parent Co',
      is_company: true,
      child_ids: [
        [0, 0, { name: 'Invoice', type: 'invoice' }],
        [0, 0, { name: 'Ship', type: 'delivery' }],
      ],
    });
    const [invoice, ship] = m.read('res.partner', [parent], ['child_ids'])[0]!.child_ids as number[];
    const loose = m.create('res.partner', { name: 'Loose' });
    m.write('res.partner', [parent], {
      child_ids: [
        [1, invoice!, { email: 'billing@example.com' }],
        [4, loose, 0],
        [3, ship!, 0],
      ],
    });
    expect(m.read('res.partner', [parent], ['child_ids'])[0]!.child_ids).toEqual(
      expect.arrayContaining([invoice, loose]),
    );
    expect(m.read('res.partner', [ship!], ['parent_id'])[0]!.parent_id).toBe(false);
    expect(m.read('res.partner', [invoice!], ['email', 'display_name'])[0]).toMatchObject({
      email: 'billing@example.com',
      display_name: 'Parent Co, Invoice',
    });
    m.write('res.partner', [parent], { child_ids: [[2, loose, 0]] });
    expect(m.search('res.partner', [['id', '=', loose]])).toEqual([]);
    m.write('res.partner', [parent], { child_ids: [[6, 0, [ship!]]] });
    expect(m.read('res.partner', [parent], ['child_ids'])[0]!.child_ids).toEqual([ship]);
    m.write('res.partner', [parent], { child_ids: [[5, 0, 0]] });
    expect(m.read('res.partner', [parent], ['child_ids'])[0]!.child_ids).toEqual([]);

    const product = odoo.seed.product({ sku: 'CMD', name: 'Cmd', listPrice: 1 });
    const [t19, t7] = [odoo.seed.ids.taxes.de19, odoo.seed.ids.taxes.de7];
    const order = m.create('sale.order', {
      partner_id: parent,
      order_line: [[0, 0, { product_id: product, tax_id: [[6, 0, [t19, t7]]] }]],
    });
    const [line] = m.read('sale.order', [order], ['order_line'])[0]!.order_line as number[];
    m.write('sale.order.line', [line!], { tax_id: [[3, t7, 0]] });
    expect(m.read('sale.order.line', [line!], ['tax_id'])[0]!.tax_id).toEqual([t19]);
    m.write('sale.order.line', [line!], {
      tax_id: [
        [5, 0, 0],
        [4, t7, 0],
      ],
    });
    expect(m.read('sale.order.line', [line!], ['tax_id'])[0]!.tax_id).toEqual([t7]);
  });
});

describe('sale order totals', () => {
  it.each([16, 19] as const)(
    'rounds per line with included taxes, excluded taxes and discounts (v%i)',
    async (version) => {
      const odoo = await emulator(version);
      const { taxes } = odoo.seed.ids;
      const product = odoo.seed.product({ sku: 'TOT', name: 'Totals', listPrice: 10 });
      const partner = odoo.seed.partner({ name: 'Totals Customer', email: 't@example.com' });
      const order = odoo.models.create('sale.order', {
        partner_id: partner,
        order_line: [
          [
            0,
            0,
            {
              product_id: product,
              product_uom_qty: 3,
              price_unit: 10,
              discount: 10,
              [taxField(version)]: [[6, 0, [taxes.de19Included]]],
            },
          ],
          [
            0,
            0,
            {
              product_id: product,
              product_uom_qty: 1,
              price_unit: 100,
              [taxField(version)]: [[6, 0, [taxes.de19]]],
            },
          ],
          [
            0,
            0,
            {
              product_id: product,
              product_uom_qty: 7,
              price_unit: 0.99,
              [taxField(version)]: [[6, 0, [taxes.de7]]],
            },
          ],
          [0, 0, { display_type: 'line_section', name: 'Shipping' }],
        ],
      });
      const [so] = odoo.models.read(
        'sale.order',
        [order],
        ['amount_untaxed', 'amount_tax', 'amount_total', 'currency_id'],
      );
      // 27.00 incl. 19% → 22.69 + 4.31; 100 + 19; 6.93 + 0.49 (7% of 6.93 = 0.4851).
      expect(so).toMatchObject({
        amount_untaxed: 129.62,
        amount_tax: 23.8,
        amount_total: 153.42,
        currency_id: [expect.any(Number), 'EUR'],
      });
      const lines = odoo.models.searchRead(
        'sale.order.line',
        [
          ['order_id', '=', order],
          ['display_type', '=', false],
        ],
        ['price_subtotal', 'price_total'],
        { order: 'id' },
      );
      expect(lines.map((l) => [l.price_subtotal, l.price_total])).toEqual([
        [22.69, 27],
        [100, 119],
        [6.93, 7.42],
      ]);
    },
  );

  it('prices lines from the pricelist (fixed price within dates) when no price is given', async () => {
    const odoo = await emulator(18);
    odoo.seed.product({ sku: 'PL', name: 'Priced', listPrice: 50, taxIds: [] });
    odoo.seed.pricelistItem({
      pricelist: 'Default EUR pricelist',
      sku: 'PL',
      fixedPrice: 42,
      dateStart: '2000-01-01 00:00:00',
      dateEnd: '2999-12-31 23:59:59',
    });
    odoo.seed.pricelistItem({
      pricelist: 'Default EUR pricelist',
      sku: 'PL',
      fixedPrice: 1,
      dateStart: '2000-01-01 00:00:00',
      dateEnd: '2000-12-31 23:59:59',
    });
    const partner = odoo.seed.partner({ name: 'Pl Customer' });
    const [product] = odoo.models.search('product.product', [['default_code', '=', 'PL']]);
    const order = odoo.models.create('sale.order', {
      partner_id: partner,
      order_line: [[0, 0, { product_id: product }]],
    });
    expect(odoo.models.read('sale.order', [order], ['amount_total'])[0]!.amount_total).toBe(42);
  });
});

describe('version differences', () => {
  it('knows tax_id/product_uom up to 18 and tax_ids/product_uom_id in 19, refusing the other with Invalid field', async () => {
    const v18 = await emulator(18);
    const v19 = await emulator(19);
    for (const [odoo, good, bad] of [
      [v18, 'tax_id', 'tax_ids'],
      [v19, 'tax_ids', 'tax_id'],
    ] as const) {
      const product = odoo.seed.product({ sku: 'V', name: 'V', listPrice: 5 });
      const partner = odoo.seed.partner({ name: 'V' });
      const order = odoo.models.create('sale.order', {
        partner_id: partner,
        order_line: [[0, 0, { product_id: product, [good]: [[6, 0, []]] }]],
      });
      expect(odoo.models.read('sale.order', [order], ['amount_total'])[0]!.amount_total).toBe(5);
      expect(() =>
        odoo.models.create('sale.order', {
          partner_id: partner,
          order_line: [[0, 0, { product_id: product, [bad]: [[6, 0, []]] }]],
        }),
      ).toThrow(`Invalid field '${bad}' on model 'sale.order.line'`);
    }
    const res = await json2(v19.url, 'sale.order.line', 'search_read', {
      domain: [['tax_id', '=', false]],
      fields: ['name'],
    });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ name: 'builtins.ValueError' });
  });

  it('has the done state in 16 only; 17+ lock with a flag', async () => {
    const v16 = await emulator(16);
    const v17 = await emulator(17);
    for (const odoo of [v16, v17]) {
      const partner = odoo.seed.partner({ name: 'State' });
      const order = odoo.models.create('sale.order', { partner_id: partner });
      odoo.models.call('sale.order', 'action_confirm', [[order]]);
      if (odoo.version === 16) {
        odoo.models.call('sale.order', 'action_done', [[order]]);
        expect(odoo.models.read('sale.order', [order], ['state'])[0]!.state).toBe('done');
      } else {
        expect(() => odoo.models.write('sale.order', [order], { state: 'done' })).toThrow(
          /Wrong value for sale.order.state/,
        );
        odoo.models.call('sale.order', 'action_lock', [[order]]);
        expect(odoo.models.read('sale.order', [order], ['state', 'locked'])[0]).toMatchObject({
          state: 'sale',
          locked: true,
        });
        expect(() => odoo.models.call('sale.order', 'action_cancel', [[order]])).toThrow(/locked/);
      }
    }
  });

  it('describes storable products with type=product in 16/17 and is_storable in 18+', async () => {
    const v16 = await emulator(16);
    const v18 = await emulator(18);
    v16.seed.product({ sku: 'S', name: 'S', listPrice: 1 });
    v18.seed.product({ sku: 'S', name: 'S', listPrice: 1 });
    expect(
      v16.models.searchRead('product.product', [['default_code', '=', 'S']], ['type', 'detailed_type'])[0],
    ).toMatchObject({ type: 'product', detailed_type: 'product' });
    expect(
      v18.models.searchRead('product.product', [['default_code', '=', 'S']], ['type', 'is_storable'])[0],
    ).toMatchObject({ type: 'consu', is_storable: true });
    expect(() => v18.models.create('product.product', { name: 'x', detailed_type: 'product' })).toThrow(
      /Invalid field 'detailed_type'/,
    );
    expect(() => v18.models.create('product.product', { name: 'x', type: 'product' })).toThrow(/Wrong value/);
  });
});

describe('ir.model.data', () => {
  it('enforces unique (module, name) with an Odoo-shaped error on every transport', async () => {
    const odoo = await emulator(19);
    const partner = odoo.seed.partner({ name: 'Xmlid' });
    odoo.seed.xmlid({ module: 'retail_hub', name: 'order_eu_1', model: 'res.partner', resId: partner });
    const again = await json2(odoo.url, 'ir.model.data', 'create', {
      vals_list: [{ module: 'retail_hub', name: 'order_eu_1', model: 'res.partner', res_id: partner }],
    });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message:
        'The operation cannot be completed: You cannot have multiple records with the same external ID in the same module!',
    });
    const viaRpc = await executeKw(odoo.url, 'ir.model.data', 'create', [
      { module: 'retail_hub', name: 'order_eu_1', model: 'res.partner', res_id: partner },
    ]);
    expect(viaRpc.body.error?.data.name).toBe('odoo.exceptions.ValidationError');
    // Same name in another module is fine.
    expect(
      odoo.models.create('ir.model.data', {
        module: 'other',
        name: 'order_eu_1',
        model: 'res.partner',
        res_id: partner,
      }),
    ).toEqual(expect.any(Number));
    expect(
      odoo.models.searchRead(
        'ir.model.data',
        [
          ['module', '=', 'retail_hub'],
          ['name', '=', 'order_eu_1'],
        ],
        ['res_id', 'complete_name'],
      ),
    ).toEqual([{ id: expect.any(Number), res_id: partner, complete_name: 'retail_hub.order_eu_1' }]);
  });
});

describe('order to cash', () => {
  it('reserves on confirm, moves stock on validation, invoices through the wizard and registers payment', async () => {
    const odoo = await emulator(19);
    const m = odoo.models;
    const product = odoo.seed.product({
      sku: 'FLOW',
      name: 'Flow',
      listPrice: 20,
      taxIds: [odoo.seed.ids.taxes.de19],
    });
    odoo.seed.stock({ sku: 'FLOW', location: 'WH/Stock', quantity: 10 });
    const partner = odoo.seed.partner({ name: 'Flow Customer', email: 'flow@example.com' });
    const order = m.create('sale.order', {
      partner_id: partner,
      client_order_ref: 'WC-eu-42',
      order_line: [[0, 0, { product_id: product, product_uom_qty: 4 }]],
    });
    m.call('sale.order', 'action_confirm', [[order]]);
    const quant = () =>
      m.searchRead(
        'stock.quant',
        [
          ['product_id', '=', product],
          ['location_id.usage', '=', 'internal'],
        ],
        ['quantity', 'reserved_quantity', 'available_quantity'],
      )[0];
    expect(quant()).toMatchObject({ quantity: 10, reserved_quantity: 4, available_quantity: 6 });
    expect(
      m.read('product.product', [product], ['qty_available', 'free_qty', 'virtual_available'])[0],
    ).toMatchObject({ qty_available: 10, free_qty: 6, virtual_available: 6 });

    const [picking] = m.search('stock.picking', [['sale_id', '=', order]]);
    m.write('stock.picking', [picking!], { carrier_tracking_ref: 'TRACK-1' });
    expect(m.call('stock.picking', 'button_validate', [[picking]])).toBe(true);
    expect(m.read('stock.picking', [picking!], ['state', 'carrier_tracking_ref', 'origin'])[0]).toMatchObject(
      { state: 'done', carrier_tracking_ref: 'TRACK-1', origin: 'S00001' },
    );
    expect(quant()).toMatchObject({ quantity: 6, reserved_quantity: 0 });
    expect(
      m.searchRead('sale.order.line', [['order_id', '=', order]], ['qty_delivered', 'qty_to_invoice'])[0],
    ).toMatchObject({ qty_delivered: 4, qty_to_invoice: 4 });

    const wizard = m.create('sale.advance.payment.inv', {
      advance_payment_method: 'delivered',
      sale_order_ids: [[6, 0, [order]]],
    });
    expect(m.call('sale.advance.payment.inv', 'create_invoices', [[wizard]])).toEqual({
      type: 'ir.actions.act_window_close',
    });
    const [invoice] = m.read('sale.order', [order], ['invoice_ids'])[0]!.invoice_ids as number[];
    expect(m.call('account.move', 'action_post', [[invoice]])).toBe(false);
    expect(
      m.read(
        'account.move',
        [invoice!],
        ['name', 'state', 'amount_total', 'amount_residual', 'payment_state', 'invoice_origin', 'ref'],
      )[0],
    ).toMatchObject({
      name: expect.stringMatching(/^INV\/\d{4}\/00001$/),
      state: 'posted',
      amount_total: 95.2,
      amount_residual: 95.2,
      payment_state: 'not_paid',
      invoice_origin: 'S00001',
      ref: 'WC-eu-42',
    });
    expect(m.read('sale.order', [order], ['invoice_status'])[0]!.invoice_status).toBe('invoiced');
    const again = m.create('sale.advance.payment.inv', { sale_order_ids: [[6, 0, [order]]] });
    expect(() => m.call('sale.advance.payment.inv', 'create_invoices', [[again]])).toThrow(
      /There is no invoiceable line/,
    );

    const register = m.create(
      'account.payment.register',
      { amount: 95.2 },
      { active_model: 'account.move', active_ids: [invoice] },
    );
    m.call('account.payment.register', 'action_create_payments', [[register]]);
    expect(m.read('account.move', [invoice!], ['amount_residual', 'payment_state'])[0]).toMatchObject({
      amount_residual: 0,
      payment_state: 'in_payment',
    });

    const refund = m.create('account.move', {
      move_type: 'out_refund',
      partner_id: partner,
      reversed_entry_id: invoice,
      invoice_line_ids: [[0, 0, { product_id: product, quantity: 1, price_unit: 20 }]],
    });
    m.call('account.move', 'action_post', [[refund]]);
    expect(m.read('account.move', [refund], ['name', 'amount_total'])[0]).toMatchObject({
      name: expect.stringMatching(/^RINV\//),
      amount_total: 23.8,
    });
  });

  it('reverses an unpaid invoice with a credit note, and leaves a refund of a paid one open', async () => {
    const odoo = await emulator(18);
    const m = odoo.models;
    const product = odoo.seed.product({ sku: 'REV', name: 'Rev', listPrice: 10, taxIds: [] });
    const partner = odoo.seed.partner({ name: 'Rev Customer' });
    const invoice = (price: number) => {
      const id = m.create('account.move', {
        move_type: 'out_invoice',
        partner_id: partner,
        invoice_line_ids: [[0, 0, { product_id: product, price_unit: price }]],
      });
      m.call('account.move', 'action_post', [[id]]);
      return id;
    };
    const refund = (of: number, price: number) => {
      const id = m.create('account.move', {
        move_type: 'out_refund',
        partner_id: partner,
        reversed_entry_id: of,
        invoice_line_ids: [[0, 0, { product_id: product, price_unit: price }]],
      });
      m.call('account.move', 'action_post', [[id]]);
      return id;
    };
    const state = (id: number) => m.read('account.move', [id], ['payment_state', 'amount_residual'])[0];
    const unpaid = invoice(10);
    const full = refund(unpaid, 10);
    expect(state(unpaid)).toMatchObject({ payment_state: 'reversed', amount_residual: 0 });
    expect(state(full)).toMatchObject({ payment_state: 'paid', amount_residual: 0 });

    const paid = invoice(30);
    const register = m.create(
      'account.payment.register',
      {},
      { active_model: 'account.move', active_ids: [paid] },
    );
    m.call('account.payment.register', 'action_create_payments', [[register]]);
    const open = refund(paid, 30);
    expect(state(paid)).toMatchObject({ payment_state: 'in_payment', amount_residual: 0 });
    expect(state(open)).toMatchObject({ payment_state: 'not_paid', amount_residual: 30 });
    expect(m.searchRead('account.payment', [], ['state', 'amount', 'memo'])).toEqual([
      { id: expect.any(Number), state: 'in_process', amount: 30, memo: expect.stringMatching(/^INV\//) },
    ]);
  });

  it('returns the Immediate Transfer wizard in 16 when nothing was marked done', async () => {
    const odoo = await emulator(16);
    const product = odoo.seed.product({ sku: 'IMM', name: 'Imm', listPrice: 1 });
    odoo.seed.stock({ sku: 'IMM', location: 'WH/Stock', quantity: 1 });
    const order = odoo.models.create('sale.order', {
      partner_id: odoo.seed.partner({ name: 'I' }),
      order_line: [[0, 0, { product_id: product }]],
    });
    odoo.models.call('sale.order', 'action_confirm', [[order]]);
    const [picking] = odoo.models.search('stock.picking', [['sale_id', '=', order]]);
    expect(odoo.models.call('stock.picking', 'button_validate', [[picking]])).toMatchObject({
      res_model: 'stock.immediate.transfer',
    });
    expect(
      odoo.models.call('stock.picking', 'button_validate', [[picking]], {
        context: { skip_immediate: true },
      }),
    ).toBe(true);
    expect(odoo.models.read('stock.picking', [picking!], ['state'])[0]!.state).toBe('done');
  });
});

describe('partial deliveries', () => {
  it.each([
    ['process', 1],
    ['process_cancel_backorder', 0],
  ] as const)('answers the backorder wizard; %s keeps %i backorder(s)', async (choice, backorders) => {
    const odoo = await emulator(17);
    const m = odoo.models;
    const product = odoo.seed.product({ sku: 'PART', name: 'Part', listPrice: 5 });
    odoo.seed.stock({ sku: 'PART', location: 'WH/Stock', quantity: 3 });
    const order = m.create('sale.order', {
      partner_id: odoo.seed.partner({ name: 'P' }),
      order_line: [[0, 0, { product_id: product, product_uom_qty: 5 }]],
    });
    m.call('sale.order', 'action_confirm', [[order]]);
    const [picking] = m.search('stock.picking', [['sale_id', '=', order]]);
    expect(m.read('stock.picking', [picking!], ['state'])[0]!.state).toBe('confirmed');
    const action = m.call('stock.picking', 'button_validate', [[picking]]) as {
      res_model: string;
      context: Record<string, unknown>;
    };
    expect(action.res_model).toBe('stock.backorder.confirmation');
    const wizard = m.create('stock.backorder.confirmation', {}, action.context);
    expect(m.call('stock.backorder.confirmation', choice, [[wizard]], { context: action.context })).toBe(
      true,
    );
    expect(m.read('stock.picking', [picking!], ['state'])[0]!.state).toBe('done');
    expect(m.searchCount('stock.picking', [['backorder_id', '=', picking]])).toBe(backorders);
    expect(
      m.searchRead('sale.order.line', [['order_id', '=', order]], ['qty_delivered'])[0]!.qty_delivered,
    ).toBe(3);
    expect(m.read('product.product', [product], ['qty_available'])[0]!.qty_available).toBe(0);
  });
});

describe('receipts', () => {
  it('receives returned goods from the customer location without reserving there', async () => {
    const odoo = await emulator(19);
    const m = odoo.models;
    const product = odoo.seed.product({ sku: 'RET', name: 'Ret', listPrice: 5 });
    odoo.seed.stock({ sku: 'RET', location: 'WH/Stock', quantity: 2 });
    const [receiptType] = m.search('stock.picking.type', [
      ['code', '=', 'incoming'],
      ['warehouse_id.code', '=', 'WH'],
    ]);
    const { customerLocation, stockLocations } = odoo.seed.ids;
    const picking = m.create('stock.picking', {
      picking_type_id: receiptType,
      location_id: customerLocation,
      location_dest_id: stockLocations['WH/Stock'],
      origin: 'RMA-1',
      move_ids: [
        [
          0,
          0,
          {
            name: 'Return RET',
            product_id: product,
            product_uom_qty: 3,
            location_id: customerLocation,
            location_dest_id: stockLocations['WH/Stock'],
          },
        ],
      ],
    });
    m.call('stock.picking', 'action_confirm', [[picking]]);
    expect(m.read('stock.picking', [picking], ['state', 'name'])[0]).toMatchObject({
      state: 'assigned',
      name: 'WH/IN/00001',
    });
    expect(m.call('stock.picking', 'button_validate', [[picking]])).toBe(true);
    expect(m.read('product.product', [product], ['qty_available'])[0]!.qty_available).toBe(5);
    expect(
      m.searchRead(
        'stock.quant',
        [
          ['product_id', '=', product],
          ['location_id.usage', '=', 'customer'],
        ],
        ['quantity', 'reserved_quantity'],
      ),
    ).toEqual([{ id: expect.any(Number), quantity: -3, reserved_quantity: 0 }]);
  });
});

describe('transactions and write_date', () => {
  it('rolls a failed call back entirely (parent and already-created lines)', async () => {
    const odoo = await emulator(19);
    const partner = odoo.seed.partner({ name: 'Rollback' });
    const product = odoo.seed.product({ sku: 'RB', name: 'Rb', listPrice: 1 });
    const before = odoo.models.searchCount('sale.order.line');
    expect(() =>
      odoo.models.create('sale.order', {
        partner_id: partner,
        order_line: [
          [0, 0, { product_id: product }],
          [0, 0, { product_id: 999999 }],
        ],
      }),
    ).toThrow();
    expect(odoo.models.searchCount('sale.order', [['partner_id', '=', partner]])).toBe(0);
    expect(odoo.models.searchCount('sale.order.line')).toBe(before);
  });

  it('gives each write of a record a strictly later write_date, even within one second', async () => {
    const frozen = new Date('2026-03-01T10:00:00Z');
    const odoo = await emulator(19, () => frozen);
    const id = odoo.seed.product({ sku: 'WD', name: 'Wd', listPrice: 1 });
    const stamps: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      odoo.models.write('product.product', [id], { barcode: `B${i}` });
      stamps.push(String(odoo.models.read('product.product', [id], ['write_date'])[0]!.write_date));
    }
    expect(stamps[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(new Set(stamps).size).toBe(3);
    expect([...stamps].sort()).toEqual(stamps);
    expect(odoo.models.search('product.product', [['write_date', '>', stamps[1]!]])).toEqual([id]);
  });
});

describe('read_group and context_get', () => {
  it('groups quants by location with summed quantities, lazily and not', async () => {
    const odoo = await emulator(17);
    for (const [sku, wh, qty] of [
      ['G1', 'WH/Stock', 5],
      ['G2', 'WH/Stock', 2],
      ['G1', 'WH2/Stock', 4],
    ] as const) {
      if (odoo.models.searchCount('product.product', [['default_code', '=', sku]]) === 0)
        odoo.seed.product({ sku, name: sku, listPrice: 1 });
      odoo.seed.stock({ sku, location: wh, quantity: qty });
    }
    const lazy = odoo.models.call('stock.quant', 'read_group', [
      [['location_id.usage', '=', 'internal']],
      ['quantity:sum'],
      ['location_id'],
    ]);
    expect(lazy).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          location_id: [expect.any(Number), 'WH/Stock'],
          location_id_count: 2,
          quantity: 7,
        }),
        expect.objectContaining({
          location_id: [expect.any(Number), 'WH2/Stock'],
          location_id_count: 1,
          quantity: 4,
        }),
      ]),
    );
    const flat = odoo.models.call(
      'stock.quant',
      'read_group',
      [[], ['quantity'], ['location_id', 'product_id']],
      { lazy: false },
    ) as unknown[];
    expect(flat).toHaveLength(3);
    expect(flat[0]).toHaveProperty('__count', 1);
  });

  it('answers res.users/context_get over JSON-2 with the caller context', async () => {
    const odoo = await emulator(19);
    const res = await json2(odoo.url, 'res.users', 'context_get');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lang: 'en_US', uid: 2 });
  });
});
