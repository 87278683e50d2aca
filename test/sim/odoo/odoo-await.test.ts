/**
 * A third-party client, unchanged: the npm `odoo-await` package (XML-RPC underneath) authenticates,
 * creates products and stock, and reads orders, pickings and invoices on the emulator.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdooEmulator, type OdooEmulator } from '../../../sim/odoo/index.js';

interface OdooAwaitClient {
  connect(): Promise<number>;
  create(
    model: string,
    params: Record<string, unknown>,
    externalId?: string,
    moduleName?: string,
  ): Promise<number>;
  read(model: string, ids: number | number[], fields?: string[]): Promise<Record<string, unknown>[]>;
  update(model: string, id: number | number[], params: Record<string, unknown>): Promise<boolean>;
  searchRead(
    model: string,
    domain?: unknown,
    fields?: string[],
    opts?: Record<string, unknown>,
  ): Promise<Record<string, unknown>[]>;
  search(model: string, domain?: unknown): Promise<number[]>;
  action(model: string, action: string, id: number | number[]): Promise<unknown>;
  execute_kw(model: string, method: string, params: unknown[]): Promise<unknown>;
  readByExternalId(externalId: string, fields?: string[]): Promise<Record<string, unknown>>;
  getFields(model: string, attributes?: string[]): Promise<Record<string, Record<string, unknown>>>;
}
type OdooAwaitCtor = new (options: Record<string, unknown>) => OdooAwaitClient;

const OdooAwait = createRequire(import.meta.url)('odoo-await') as OdooAwaitCtor;

let odoo: OdooEmulator;
let client: OdooAwaitClient;

beforeAll(async () => {
  odoo = await startOdooEmulator({ version: 17 });
  client = new OdooAwait({ baseUrl: odoo.url, db: 'demo', username: 'admin', password: 'admin' });
});
afterAll(() => odoo.close());

describe('odoo-await against the emulator', () => {
  it('authenticates, and refuses a wrong password', async () => {
    expect(await client.connect()).toBe(2);
    const wrong = new OdooAwait({ baseUrl: odoo.url, db: 'demo', username: 'admin', password: 'nope' });
    await expect(wrong.connect()).rejects.toMatch(/invalid credentials/);
  });

  it('creates a storable product with an external id and sets its stock by inventory adjustment', async () => {
    const id = await client.create(
      'product.product',
      { name: 'Await Mug', default_code: 'AWAIT-MUG', list_price: 12.5, type: 'product' },
      'product_await_mug',
      'retail_hub',
    );
    const [location] = await client.search('stock.location', [['complete_name', '=', 'WH/Stock']]);
    const quant = await client.create('stock.quant', {
      product_id: id,
      location_id: location,
      inventory_quantity: 7,
    });
    await client.action('stock.quant', 'action_apply_inventory', quant);
    const [product] = await client.searchRead('product.product', { default_code: 'AWAIT-MUG' }, [
      'qty_available',
      'lst_price',
      'display_name',
      'detailed_type',
    ]);
    expect(product).toMatchObject({
      id,
      qty_available: 7,
      lst_price: 12.5,
      display_name: '[AWAIT-MUG] Await Mug',
      detailed_type: 'product',
    });
    const viaXmlid = await client.readByExternalId('product_await_mug', ['default_code']);
    expect(viaXmlid).toMatchObject({ id, default_code: 'AWAIT-MUG' });
  });

  it('creates an order with command tuples, confirms it and reads the order, picking and invoice', async () => {
    const partner = await client.create('res.partner', {
      name: 'Await Customer',
      email: 'await@example.com',
    });
    const [product] = await client.search('product.product', [['default_code', '=', 'AWAIT-MUG']]);
    const order = await client.create('sale.order', {
      partner_id: partner,
      client_order_ref: 'WC-eu-9001',
      order_line: {
        action: 'create',
        value: [{ product_id: product, product_uom_qty: 2, price_unit: 12.5, tax_id: [[6, 0, []]] }],
      },
    });
    await client.action('sale.order', 'action_confirm', order);
    const [so] = await client.read('sale.order', order, [
      'name',
      'state',
      'amount_total',
      'picking_ids',
      'client_order_ref',
    ]);
    expect(so).toMatchObject({ state: 'sale', amount_total: 25, client_order_ref: 'WC-eu-9001' });
    const pickings = await client.searchRead(
      'stock.picking',
      [['sale_id', '=', order]],
      ['name', 'state', 'origin', 'carrier_tracking_ref'],
    );
    expect(pickings).toEqual([
      {
        id: expect.any(Number),
        name: 'WH/OUT/00001',
        state: 'assigned',
        origin: so!.name,
        carrier_tracking_ref: false,
      },
    ]);

    const wizard = await client.execute_kw('sale.advance.payment.inv', 'create', [
      [{ advance_payment_method: 'delivered' }],
      { context: { active_model: 'sale.order', active_ids: [order] } },
    ]);
    await client.execute_kw('sale.advance.payment.inv', 'create_invoices', [[wizard]]);
    const invoices = await client.searchRead(
      'account.move',
      [['invoice_origin', '=', so!.name]],
      ['move_type', 'state', 'amount_total', 'ref'],
    );
    expect(invoices).toEqual([
      {
        id: expect.any(Number),
        move_type: 'out_invoice',
        state: 'draft',
        amount_total: 25,
        ref: 'WC-eu-9001',
      },
    ]);
  });

  it('reads field metadata', async () => {
    const fields = await client.getFields('sale.order.line', ['type', 'relation']);
    expect(fields.tax_id).toEqual({ type: 'many2many', relation: 'account.tax' });
    expect(fields.tax_ids).toBeUndefined();
  });
});
