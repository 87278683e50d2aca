import { describe, expect, it } from 'vitest';
import { fieldsFor } from '../fields.js';
import { documentFromMove, paymentState, skuFromDisplayName } from './invoice.js';
import { contactKey, contactKeyOfRow, partnerName } from './partner.js';
import { deliveryFromPicking, deliveryState, odooDateTimeToIso } from './picking.js';
import { lineValues, orderState } from './sale-order.js';
import { dec } from './decimal.js';

describe('Odoo → canonical mapping of documents', () => {
  it('maps an out_refund with `false` for empty fields into a credit note with exact money', () => {
    const move = {
      id: 9,
      name: 'RINV/2026/00001',
      move_type: 'out_refund',
      state: 'posted',
      payment_state: 'not_paid',
      amount_untaxed: 10.1,
      amount_tax: 2.12,
      amount_total: 12.22,
      currency_id: [1, 'EUR'],
      invoice_date: '2026-03-02',
      invoice_date_due: false,
      reversed_entry_id: [4, 'INV/2026/00004'],
    };
    const lines = [
      {
        id: 1,
        move_id: [9, 'x'],
        name: 'Mug',
        product_id: [3, '[MUG] Mug'],
        quantity: 1,
        price_unit: 10.1,
        price_subtotal: 10.1,
        price_total: 12.22,
        display_type: 'product',
      },
      {
        id: 2,
        move_id: [9, 'x'],
        name: 'VAT 21%',
        product_id: false,
        quantity: 0,
        price_unit: 0,
        price_subtotal: 0,
        price_total: 0,
        display_type: 'tax',
      },
    ];
    const doc = documentFromMove(move, lines);
    expect(doc).toMatchObject({
      kind: 'credit_note',
      reversedInvoiceId: '4',
      number: 'RINV/2026/00001',
      issuedAt: '2026-03-02T00:00:00Z',
    });
    expect(doc.total).toEqual({ currency: 'EUR', amount: '12.22' });
    expect(doc.lines).toEqual([
      expect.objectContaining({ sku: 'MUG', tax: { currency: 'EUR', amount: '2.12' } }),
    ]);
    expect('dueAt' in doc).toBe(false);
  });

  it('normalises payment states and reads SKUs from display names', () => {
    expect(paymentState('invoicing_legacy')).toBe('not_paid');
    expect(paymentState('in_payment')).toBe('in_payment');
    expect(skuFromDisplayName('[TSHIRT-M] T-shirt')).toBe('TSHIRT-M');
    expect(skuFromDisplayName('Shipping')).toBeUndefined();
  });

  it('maps pickings: states, tracking, done quantities per version field', () => {
    expect(['draft', 'waiting', 'confirmed', 'assigned', 'done', 'cancel'].map(deliveryState)).toEqual([
      'draft',
      'waiting',
      'waiting',
      'ready',
      'done',
      'cancelled',
    ]);
    const picking = {
      id: 5,
      name: 'WH/OUT/00005',
      state: 'done',
      sale_id: [2, 'S00002'],
      origin: 'S00002',
      location_id: [8, 'WH/Stock'],
      carrier_id: false,
      carrier_tracking_ref: 'TRK',
      date_done: '2026-03-02 10:00:00',
    };
    const moves = [
      { id: 1, picking_id: [5, 'x'], product_id: [3, 'Mug'], product_uom_qty: 2, quantity_done: 2 },
    ];
    const delivery = deliveryFromPicking(
      picking,
      moves,
      new Map([[3, 'MUG']]),
      fieldsFor(16).moveDoneQuantity,
    );
    expect(delivery).toMatchObject({
      state: 'done',
      erpOrderId: '2',
      trackingNumber: 'TRK',
      doneAt: '2026-03-02T10:00:00Z',
      lines: [{ sku: 'MUG', quantity: 2, done: 2 }],
    });
    expect('carrier' in delivery).toBe(false);
    expect(odooDateTimeToIso(false)).toBeUndefined();
  });

  it('writes sale order lines with the version’s tax field and reads states', () => {
    const line = {
      kind: 'product' as const,
      productId: 3,
      name: 'Mug',
      quantity: dec(2),
      priceUnit: dec('9.99'),
      discount: dec('10'),
      taxes: [{ id: 7, percent: '21', priceInclude: false }],
    };
    expect(lineValues(line, fieldsFor(19), 10)).toMatchObject({
      tax_ids: [[6, 0, [7]]],
      price_unit: 9.99,
      discount: 10,
    });
    expect(lineValues(line, fieldsFor(18), 10)).toMatchObject({ tax_id: [[6, 0, [7]]] });
    expect(['draft', 'sent', 'sale', 'done', 'cancel'].map(orderState)).toEqual([
      'draft',
      'draft',
      'confirmed',
      'done',
      'cancelled',
    ]);
  });

  it('recognises the same child contact from the values we write and the row Odoo returns', () => {
    const values = { street: 'Main St 1', street2: false, city: 'Ghent', zip: '9000', country_id: 20 };
    const row = {
      id: 4,
      type: 'invoice',
      name: 'Rae Ce',
      street: 'Main St 1',
      street2: false,
      city: 'Ghent',
      zip: '9000',
      country_id: [20, 'Belgium'],
    };
    expect(contactKeyOfRow(row)).toBe(contactKey('invoice', 'Rae Ce', values));
    expect(partnerName({ email: 'a@b.c', firstName: 'Rae' }, { company: 'Acme' })).toBe('Rae');
    expect(partnerName({ email: 'a@b.c' })).toBe('a@b.c');
  });
});
