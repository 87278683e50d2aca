/**
 * Order registration against the Odoo emulator over HTTP, on JSON-2 (Odoo 19) and JSON-RPC
 * (Odoo 17): totals equal the channel's in both tax modes, and registration is idempotent under
 * retries, concurrency and a crash between "created in Odoo" and "recorded".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessError, TransientError } from '../../../src/runtime/errors.js';
import { connect, start, type Emulator } from './harness.js';
import { fixtureOrder } from './order-fixture.js';

const cases = [
  { version: 19, transport: 'json2' },
  { version: 17, transport: 'jsonrpc' },
] as const;

describe.each(cases)('Odoo $version over $transport', ({ version, transport }) => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(version);
  });
  afterAll(() => emulator.close());

  const ordersWithRef = async (ref: string) => {
    const erp = connect(emulator, version, transport);
    return erp.client.searchRead(
      'sale.order',
      [['client_order_ref', '=', ref]],
      ['name', 'amount_total', 'partner_id', 'partner_shipping_id'],
    );
  };

  it('registers an order whose Odoo total equals the channel total, with explicit tax lines (line mode)', async () => {
    const erp = connect(emulator, version, transport);
    const order = fixtureOrder({
      id: '1001',
      lines: [
        { sku: 'TSHIRT-M', quantity: 2, price: '20.00', discount: '4.00' },
        { sku: 'MUG', quantity: 3, price: '3.333', discount: '1.00' },
      ],
      shipping: '4.95',
      coupon: 'SPRING',
    });
    const result = await erp.registerOrder(order, { storeId: 'eu', warehouse: 'main' });
    expect(result.created).toBe(true);
    expect(result.amountTotal).toBe(order.totals.total.amount);
    const lines = await erp.client.searchRead(
      'sale.order.line',
      [['order_id', '=', Number(result.erpOrderId)]],
      ['name', 'price_unit', 'product_uom_qty'],
    );
    expect(lines.map((l) => l.name)).toEqual(
      expect.arrayContaining(['Coupon SPRING', 'Flat rate', 'Tax VAT']),
    );
    const [row] = await ordersWithRef('WC-eu-1001');
    expect(row?.name).toBe(result.erpOrderName);
    // The customer is one partner by e-mail, with a separate delivery contact.
    const partnerId = (row?.partner_id as [number, string])[0];
    expect((row?.partner_shipping_id as [number, string])[0]).not.toBe(partnerId);
  });

  it('maps taxes to Odoo taxes in map mode, tax-exclusive and tax-inclusive, landing on the channel total', async () => {
    const erp = connect(emulator, version, transport, { taxMode: 'map' });
    const exclusive = fixtureOrder({
      id: '2001',
      vat: '19',
      lines: [
        { sku: 'MUG', quantity: 3, price: '9.99', discount: '2.00' },
        { sku: 'CAP', quantity: 1, price: '15.00' },
      ],
      shipping: '4.95',
      coupon: 'X',
    });
    const a = await erp.registerOrder(exclusive, { storeId: 'eu' });
    expect(a.amountTotal).toBe(exclusive.totals.total.amount);
    const inclusive = fixtureOrder({
      id: '2002',
      storeId: 'de',
      vat: '19',
      pricesIncludeTax: true,
      lines: [{ sku: 'MUG', quantity: 7, price: '8.39' }],
      shipping: '4.20',
    });
    const b = await erp.registerOrder(inclusive, { storeId: 'de' });
    expect(b.amountTotal).toBe(inclusive.totals.total.amount);
    const taxField = version >= 19 ? 'tax_ids' : 'tax_id';
    const lines = await erp.client.searchRead(
      'sale.order.line',
      [['order_id', '=', Number(b.erpOrderId)]],
      [taxField, 'name'],
    );
    expect(lines.some((l) => Array.isArray(l[taxField]) && (l[taxField] as number[]).length === 1)).toBe(
      true,
    );
  });

  it('books each store in its own currency through the pricelist, and refuses a currency Odoo has no pricelist for', async () => {
    const erp = connect(emulator, version, transport);
    const usd = fixtureOrder({
      id: '2101',
      storeId: 'us',
      currency: 'USD',
      vat: '0',
      lines: [{ sku: 'CAP', quantity: 2, price: '17.50' }],
    });
    const result = await erp.registerOrder(usd, { storeId: 'us' });
    expect(result.amountTotal).toBe('35.00');
    expect((await erp.readOrder(result.erpOrderId)).currency).toBe('USD');
    const chf = fixtureOrder({
      id: '2102',
      storeId: 'ch',
      currency: 'CHF',
      lines: [{ sku: 'CAP', quantity: 1, price: '15.00' }],
    });
    await expect(erp.registerOrder(chf, { storeId: 'ch' })).rejects.toMatchObject({ kind: 'business' });
  });

  it('returns the existing order on a second registration instead of creating another', async () => {
    const erp = connect(emulator, version, transport);
    const order = fixtureOrder({ id: '3001', lines: [{ sku: 'CAP', quantity: 1, price: '15.00' }] });
    const first = await erp.registerOrder(order, { storeId: 'eu' });
    const again = await erp.registerOrder(order, { storeId: 'eu' });
    expect(again).toMatchObject({
      erpOrderId: first.erpOrderId,
      created: false,
      amountTotal: first.amountTotal,
    });
    expect(await ordersWithRef('WC-eu-3001')).toHaveLength(1);
  });

  it('creates exactly one ERP order when the same order is registered concurrently by two processes', async () => {
    // Two adapters share nothing (no lock, no cache), like two worker processes.
    const order = fixtureOrder({
      id: '4001',
      lines: [{ sku: 'TSHIRT-M', quantity: 1, price: '20.00' }],
      shipping: '4.95',
    });
    const results = await Promise.all(
      [0, 1, 2, 3].map(() => connect(emulator, version, transport).registerOrder(order, { storeId: 'eu' })),
    );
    expect(new Set(results.map((r) => r.erpOrderId)).size).toBe(1);
    expect(await ordersWithRef('WC-eu-4001')).toHaveLength(1);
    // And within one process, the per-order lock queues the calls.
    const erp = connect(emulator, version, transport);
    const order2 = fixtureOrder({ id: '4002', lines: [{ sku: 'MUG', quantity: 1, price: '9.99' }] });
    const same = await Promise.all([
      erp.registerOrder(order2, { storeId: 'eu' }),
      erp.registerOrder(order2, { storeId: 'eu' }),
    ]);
    expect(same.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await ordersWithRef('WC-eu-4002')).toHaveLength(1);
  });

  it('finds the order after a crash that lost the external id write, and repairs the external id', async () => {
    const erp = connect(emulator, version, transport);
    const order = fixtureOrder({ id: '5001', lines: [{ sku: 'CAP', quantity: 2, price: '15.00' }] });
    const first = await erp.registerOrder(order, { storeId: 'eu' });
    // The crash: the order exists in Odoo, its external id (and the hub's own record) do not.
    const xmlids = await erp.client.searchRead(
      'ir.model.data',
      [
        ['module', '=', 'retail_hub'],
        ['name', '=', 'order_eu_5001'],
      ],
      ['id'],
    );
    expect(xmlids).toHaveLength(1);
    await erp.client.call('ir.model.data', 'unlink', [xmlids.map((x) => x.id)]);
    // The effect ledger's lookup after a restart, then the retried registration in a new process.
    const restarted = connect(emulator, version, transport);
    expect(await restarted.findOrder('eu', '5001')).toMatchObject({ erpOrderId: first.erpOrderId });
    const retried = await restarted.registerOrder(order, { storeId: 'eu' });
    expect(retried).toMatchObject({ erpOrderId: first.erpOrderId, created: false });
    expect(await ordersWithRef('WC-eu-5001')).toHaveLength(1);
    expect(
      await erp.client.searchRead(
        'ir.model.data',
        [
          ['module', '=', 'retail_hub'],
          ['name', '=', 'order_eu_5001'],
        ],
        ['res_id'],
      ),
    ).toEqual([expect.objectContaining({ res_id: Number(first.erpOrderId) })]);
  });

  it('survives a lost response: the order was created in Odoo but the hub never heard back', async () => {
    // The proxy drops the answer to sale.order/create after Odoo committed it.
    let dropped = 0;
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = typeof init?.body === 'string' ? init.body : '';
      if (
        dropped === 0 &&
        (String(input).endsWith('/sale.order/create') || body.includes('"sale.order","create"'))
      ) {
        dropped++;
        await response.text();
        throw new TypeError('fetch failed: socket hang up');
      }
      return response;
    };
    const order = fixtureOrder({ id: '5002', lines: [{ sku: 'MUG', quantity: 1, price: '9.99' }] });
    const erp = connect(emulator, version, transport, { fetch: lossy });
    await expect(erp.registerOrder(order, { storeId: 'eu' })).rejects.toBeInstanceOf(TransientError);
    expect(dropped).toBe(1);
    const retried = await erp.registerOrder(order, { storeId: 'eu' });
    expect(retried.created).toBe(false);
    expect(await ordersWithRef('WC-eu-5002')).toHaveLength(1);
  });

  it('keeps one partner per e-mail when a new customer is created by two processes at once', async () => {
    const customer = { email: 'Race@Example.com', firstName: 'Rae', lastName: 'Ce', refs: [] };
    const address = {
      firstName: 'Rae',
      lastName: 'Ce',
      line1: 'Main St 1',
      city: 'Ghent',
      postcode: '9000',
      country: 'BE',
    };
    const refs = await Promise.all(
      [0, 1, 2].map(() => connect(emulator, version, transport).findOrCreateCustomer(customer, address)),
    );
    expect(new Set(refs.map((r) => r.customerId)).size).toBe(1);
    const erp = connect(emulator, version, transport);
    const active = await erp.client.searchRead(
      'res.partner',
      [
        ['email', 'ilike', 'race@example.com'],
        ['parent_id', '=', false],
      ],
      ['id'],
    );
    expect(active.map((p) => String(p.id))).toEqual([refs[0]?.customerId]);
    // The same address again is the same invoice contact, not a new one.
    expect((await erp.findOrCreateCustomer(customer, address)).invoiceAddressId).toBe(
      refs[0]?.invoiceAddressId,
    );
  });

  it('parks an order with an unknown SKU as a business error naming the SKU', async () => {
    const erp = connect(emulator, version, transport);
    const order = fixtureOrder({ id: '6001', lines: [{ sku: 'NOPE-1', quantity: 1, price: '1.00' }] });
    const error = await erp.registerOrder(order, { storeId: 'eu' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusinessError);
    expect((error as BusinessError).message).toContain('NOPE-1');
  });

  it('edits a draft and a confirmed order in place, refuses to go below what was delivered, and cancels', async () => {
    const erp = connect(emulator, version, transport);
    const draft = fixtureOrder({ id: '7001', lines: [{ sku: 'MUG', quantity: 1, price: '9.99' }] });
    const registered = await erp.registerOrder(draft, { storeId: 'eu' });
    const edited = fixtureOrder({ id: '7001', lines: [{ sku: 'MUG', quantity: 4, price: '9.99' }] });
    const updated = await erp.updateOrder(registered.erpOrderId, edited, { storeId: 'eu' });
    expect(updated.amountTotal).toBe(edited.totals.total.amount);
    await erp.confirmOrder(registered.erpOrderId);
    await erp.confirmOrder(registered.erpOrderId);
    expect((await erp.readOrder(registered.erpOrderId)).state).toBe('confirmed');
    // Before delivery a confirmed order's lines are revised in place, as in Odoo's own form.
    const twoMugs = fixtureOrder({ id: '7001', lines: [{ sku: 'MUG', quantity: 2, price: '9.99' }] });
    const revised = await erp.updateOrder(registered.erpOrderId, twoMugs, { storeId: 'eu' });
    expect(revised.amountTotal).toBe(twoMugs.totals.total.amount);
    expect((await erp.readOrder(registered.erpOrderId)).state).toBe('confirmed');
    const [delivery] = await erp.readDeliveries(registered.erpOrderId);
    await erp.validateDelivery({
      erpPickingId: delivery?.erpPickingId as string,
      trackingNumber: 'TRK-7001',
    });
    // Two mugs have left: Odoo refuses a quantity below that.
    await expect(erp.updateOrder(registered.erpOrderId, draft, { storeId: 'eu' })).rejects.toBeInstanceOf(
      BusinessError,
    );
    const other = fixtureOrder({ id: '7002', lines: [{ sku: 'MUG', quantity: 1, price: '9.99' }] });
    const cancellable = await erp.registerOrder(other, { storeId: 'eu' });
    await erp.confirmOrder(cancellable.erpOrderId);
    await erp.cancelOrder(cancellable.erpOrderId);
    expect((await erp.readOrder(cancellable.erpOrderId)).state).toBe('cancelled');
  });

  it('reports a maintenance window as a transient error and works again afterwards', async () => {
    const erp = connect(emulator, version, transport);
    emulator.faults.set({ maintenance: true });
    try {
      const error = await erp.resolveSkus(['MUG']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransientError);
    } finally {
      emulator.faults.set({ maintenance: false });
    }
    expect((await erp.resolveSkus(['MUG'])).get('MUG')?.sku).toBe('MUG');
  });

  it('treats a database serialisation failure as transient, by its exception name', async () => {
    const erp = connect(emulator, version, transport);
    emulator.faults.set({ errorRate: 1 });
    try {
      const error = await erp.resolveSkus(['MUG']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransientError);
      expect((error as TransientError).code).toMatch(/SerializationFailure|OperationalError/);
    } finally {
      emulator.faults.set({ errorRate: 0 });
    }
  });
});
