import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { RefundSchema } from '../../../canonical/models/refund.js';
import { fixture } from '../../../../test/connectors/woocommerce/fixtures/index.js';
import type { WooOrder, WooRefund } from '../wc-schema.js';
import { newRefunds, refundRequested, wooRefundToCanonical } from './refund.js';

const order = fixture<WooOrder>('order-723-with-refunds.docs.json');
const [detail726, detail724] = fixture<WooRefund[]>('order-refunds-list.docs.json');

describe('refunds on order 723', () => {
  it('finds the refunds not seen before, oldest first', () => {
    expect(newRefunds(order, new Set()).map((r) => r.id)).toEqual([724, 726]);
    expect(newRefunds(order, new Set(['724'])).map((r) => r.id)).toEqual([726]);
    expect(newRefunds(order, new Set(['724', '726']))).toEqual([]);
  });

  it('an amount-only refund from the order payload', () => {
    const ref = order.refunds.find((r) => r.id === 726)!;
    expect(refundRequested('us', order, ref)).toEqual({
      storeId: 'us',
      orderId: '723',
      amount: { currency: 'USD', amount: '10.00' },
      reason: 'WooCommerce refund 726',
      restock: false,
      lines: [],
    });
    expect(refundRequested('us', order, ref, detail726)).toMatchObject({ restock: false, lines: [] });
  });

  it('an itemised refund: line from _refunded_item_id, positive quantity, restock', () => {
    const ref = order.refunds.find((r) => r.id === 724)!;
    expect(refundRequested('us', order, ref, detail724)).toEqual({
      storeId: 'us',
      orderId: '723',
      amount: { currency: 'USD', amount: '9.00' },
      reason: 'WooCommerce refund 724',
      restock: true,
      lines: [{ lineId: '311', quantity: 1 }],
    });
    const refund = wooRefundToCanonical('us', order, detail724!);
    expect(Compile(RefundSchema).Errors(refund)).toEqual([]);
    expect(refund).toMatchObject({
      id: 'woocommerce:us:724',
      orderSubject: 'order:us:723',
      externalId: '724',
      restock: true,
      createdAt: '2017-03-21T19:55:37Z',
      lines: [
        {
          lineId: '311',
          quantity: 1,
          amount: { currency: 'USD', amount: '9.00' },
          tax: { currency: 'USD', amount: '0.00' },
        },
      ],
    });
  });
});
