import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../../runtime/errors.js';
import { orderStatusUpdate, priceUpdateItem, stockUpdateItem, trackingNote } from './outbound.js';
import { canonicalStatus, paymentStatus, wooStatus } from './status.js';
import { wooCustomerToCanonical } from './customer.js';

describe('canonical → WooCommerce bodies', () => {
  it('status round trip, including on-hold', () => {
    expect(orderStatusUpdate('on_hold')).toEqual({ status: 'on-hold' });
    for (const s of ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed'])
      expect(wooStatus(canonicalStatus(s))).toBe(s);
    expect(canonicalStatus('wc-completed')).toBe('completed');
    expect(canonicalStatus('awaiting-shipment', true)).toBe('processing');
  });

  it('payment status from status, date_paid and refunds', () => {
    const base = { currency: 'EUR', total: '20.00', refunds: [] as { total: string }[] };
    expect(paymentStatus({ ...base, status: 'processing' })).toBe('paid');
    expect(paymentStatus({ ...base, status: 'on-hold', date_paid_gmt: '2026-01-01T00:00:00' })).toBe('paid');
    expect(paymentStatus({ ...base, status: 'on-hold', date_paid_gmt: null })).toBe('pending');
    expect(paymentStatus({ ...base, status: 'failed' })).toBe('voided');
    expect(paymentStatus({ ...base, status: 'completed', refunds: [{ total: '-5.00' }] })).toBe(
      'partially_refunded',
    );
    expect(
      paymentStatus({ ...base, status: 'completed', refunds: [{ total: '-5.00' }, { total: '-15.00' }] }),
    ).toBe('refunded');
  });

  it('a customer-visible tracking note', () => {
    expect(
      trackingNote({
        carrier: 'DHL',
        trackingNumber: 'JD014600',
        trackingUrl: 'https://dhl.example/t/JD014600',
      }),
    ).toEqual({
      note: 'Your order has shipped with DHL. Tracking number: JD014600. Track it at https://dhl.example/t/JD014600',
      customer_note: true,
    });
  });

  it('stock items set absolute managed quantities', () => {
    expect(stockUpdateItem({ wooId: 10, quantity: 0, stockStatus: 'outofstock' })).toEqual({
      id: 10,
      stock_quantity: 0,
      manage_stock: true,
      stock_status: 'outofstock',
    });
    expect(() => stockUpdateItem({ wooId: 10, quantity: 1.5 })).toThrow(PermanentError);
  });

  it('price items carry the sale schedule in GMT, or clear it', () => {
    const price = {
      sku: 'A',
      priceList: 'eu',
      regular: { currency: 'EUR', amount: '19.90' },
      sale: { currency: 'EUR', amount: '14.90' },
      saleFrom: '2026-11-27T00:00:00Z',
      saleTo: '2026-11-30T23:59:59Z',
      includesTax: true,
    };
    expect(priceUpdateItem({ wooId: 5, price, storeCurrency: 'EUR' })).toEqual({
      id: 5,
      regular_price: '19.90',
      sale_price: '14.90',
      date_on_sale_from_gmt: '2026-11-27T00:00:00',
      date_on_sale_to_gmt: '2026-11-30T23:59:59',
    });
    expect(
      priceUpdateItem({
        wooId: 5,
        price: {
          sku: 'A',
          priceList: 'eu',
          regular: { currency: 'EUR', amount: '19.90' },
          includesTax: true,
        },
        storeCurrency: 'EUR',
      }),
    ).toEqual({
      id: 5,
      regular_price: '19.90',
      sale_price: '',
      date_on_sale_from_gmt: null,
      date_on_sale_to_gmt: null,
    });
    expect(() => priceUpdateItem({ wooId: 5, price, storeCurrency: 'USD' })).toThrow(/currency|EUR/);
  });

  it('customers keyed by lower-cased e-mail with a ref to the store', () => {
    expect(
      wooCustomerToCanonical(
        {
          id: 26,
          email: ' Joao.Silva@Example.com',
          first_name: 'João',
          billing: { country: 'BR', city: 'Rio de Janeiro', email: '' },
        },
        { storeId: 'us' },
      ),
    ).toEqual({
      email: 'joao.silva@example.com',
      firstName: 'João',
      billing: { country: 'BR', city: 'Rio de Janeiro' },
      refs: [{ system: 'woocommerce:us', id: '26' }],
    });
  });
});
