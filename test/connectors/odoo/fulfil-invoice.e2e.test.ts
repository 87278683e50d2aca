/**
 * After registration: confirm → delivery (state, tracking) → validate → invoice through the
 * wizard → payment → credit note, against the Odoo emulator on both transports and the four
 * versions (16's `quantity_done`, 17's `quantity` + `picked`, 18's payment `memo`, 19's JSON-2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Refund } from '../../../src/canonical/index.js';
import { connect, start, type Emulator } from './harness.js';
import { fixtureOrder } from './order-fixture.js';

const cases = [
  { version: 19, transport: 'json2' },
  { version: 18, transport: 'jsonrpc' },
  { version: 17, transport: 'jsonrpc' },
  { version: 16, transport: 'jsonrpc' },
] as const;

describe.each(cases)('Odoo $version over $transport: delivery and invoicing', ({ version, transport }) => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(version);
    emulator.seed.stock({ sku: 'MUG', location: 'WH/Stock', quantity: 50 });
    emulator.seed.stock({ sku: 'CAP', location: 'WH/Stock', quantity: 50 });
  });
  afterAll(() => emulator.close());

  it('ships, invoices, collects payment and credits a refund, each step idempotent', async () => {
    const erp = connect(emulator, version, transport);
    const order = fixtureOrder({
      id: '9001',
      lines: [
        { sku: 'MUG', quantity: 2, price: '9.99' },
        { sku: 'CAP', quantity: 1, price: '15.00' },
      ],
      shipping: '4.95',
    });
    const { erpOrderId } = await erp.registerOrder(order, { storeId: 'eu', warehouse: 'main' });
    await erp.confirmOrder(erpOrderId);

    const [delivery] = await erp.readDeliveries(erpOrderId);
    expect(delivery).toBeDefined();
    expect(delivery?.location).toBe('main');
    expect(delivery?.lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ sku: 'MUG', quantity: 2 })]),
    );
    expect(['ready', 'waiting']).toContain(delivery?.state);

    const shipped = await erp.validateDelivery({
      erpPickingId: delivery?.erpPickingId as string,
      trackingNumber: '1Z999AA10123456784',
    });
    expect(shipped).toMatchObject({ state: 'done', trackingNumber: '1Z999AA10123456784' });
    expect(await erp.validateDelivery({ erpPickingId: shipped.erpPickingId })).toMatchObject({
      state: 'done',
    });

    const invoice = await erp.createInvoice(erpOrderId);
    expect(invoice).toMatchObject({ kind: 'invoice', paymentState: 'not_paid' });
    expect(invoice.total.amount).toBe(order.totals.total.amount);
    expect((await erp.createInvoice(erpOrderId)).id).toBe(invoice.id);

    const paid = await erp.registerPayment({ erpInvoiceId: invoice.id }, invoice.total.amount, 'WC-eu-9001');
    expect(['paid', 'in_payment']).toContain(paid.paymentState);
    await erp.registerPayment({ erpInvoiceId: invoice.id }, invoice.total.amount, 'WC-eu-9001');
    const memo = version >= 18 ? 'memo' : 'ref';
    expect(
      await erp.client.searchRead('account.payment', [[memo, '=', 'WC-eu-9001']], ['amount']),
    ).toHaveLength(1);

    const refund: Refund = {
      id: 'r-1',
      externalId: '77',
      orderSubject: 'order:eu:9001',
      storeId: 'eu',
      amount: { currency: 'EUR', amount: '12.09' },
      restock: true,
      lines: [
        {
          lineId: '100',
          sku: 'MUG',
          quantity: 1,
          amount: { currency: 'EUR', amount: '9.99' },
          tax: { currency: 'EUR', amount: '2.10' },
        },
      ],
      createdAt: '2026-03-02T10:00:00Z',
    };
    const note = await erp.createCreditNote(refund, erpOrderId);
    expect(note).toMatchObject({ kind: 'credit_note', reversedInvoiceId: invoice.id });
    expect(note.total.amount).toBe('12.09');
    expect((await erp.createCreditNote(refund, erpOrderId)).id).toBe(note.id);

    // The returned mug goes back on the shelf it left, once, however often the flow retries.
    const [before] = await erp.readStockPositions(['main'], ['MUG']);
    const input = {
      erpOrderId,
      storeId: 'eu',
      orderId: '9001',
      lines: [{ sku: 'MUG', quantity: 1 }],
      reference: 'WC-eu-9001-return-77',
    };
    const receipt = await erp.returnStock(input);
    expect((await erp.returnStock(input)).id).toBe(receipt.id);
    const [after] = await erp.readStockPositions(['main'], ['MUG']);
    expect(after?.onHand).toBe((before?.onHand ?? 0) + 1);

    const documents = await erp.readInvoices(erpOrderId);
    expect(documents.map((d) => d.kind).sort()).toEqual(['credit_note', 'invoice']);
  });

  it('validates a partial shipment and leaves the rest as a backorder', async () => {
    const erp = connect(emulator, version, transport);
    const order = fixtureOrder({ id: '9101', lines: [{ sku: 'MUG', quantity: 3, price: '9.99' }] });
    const { erpOrderId } = await erp.registerOrder(order, { storeId: 'eu', warehouse: 'main' });
    await erp.confirmOrder(erpOrderId);
    const [delivery] = await erp.readDeliveries(erpOrderId);
    const shipped = await erp.validateDelivery({
      erpPickingId: delivery?.erpPickingId as string,
      lines: [{ sku: 'MUG', quantity: 1 }],
    });
    expect(shipped).toMatchObject({ state: 'done', lines: [{ sku: 'MUG', done: 1 }] });
    const all = await erp.readDeliveries(erpOrderId);
    expect(all).toHaveLength(2);
    expect(all.find((d) => d.state !== 'done')?.lines).toEqual([
      expect.objectContaining({ sku: 'MUG', quantity: 2 }),
    ]);
  });

  it('reads stock positions per hub location as on hand minus reserved', async () => {
    const erp = connect(emulator, version, transport);
    emulator.seed.stock({ sku: 'TSHIRT-M', location: 'WH2/Stock', quantity: 7 });
    const positions = await erp.readStockPositions(['main', 'second'], ['TSHIRT-M', 'CAP']);
    expect(positions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sku: 'TSHIRT-M', location: 'second', onHand: 7, available: 7 }),
        expect.objectContaining({ sku: 'TSHIRT-M', location: 'main', onHand: 0 }),
        expect.objectContaining({ sku: 'CAP', location: 'main' }),
      ]),
    );
  });
});
