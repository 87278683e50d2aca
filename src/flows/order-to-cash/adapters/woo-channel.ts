/**
 * The WooCommerce connector's client as the saga's OrderChannelPort: status updates, customer
 * notes (tracking) and refunds recorded without a gateway refund (`api_refund: false`).
 *
 * @example
 * ```ts
 * const channel = wooOrderChannel(new WooClient({ store, log }));
 * await channel.addOrderNote('727', 'Shipped with DHL — tracking 123', true);
 * ```
 */
import type { WooClient } from '../../../connectors/woocommerce/client.js';
import type { OrderChannelPort } from '../ports.js';

/** The slice of the WooCommerce client the port needs. */
export type WooOrderClient = Pick<
  WooClient,
  'update' | 'createOrderNote' | 'listOrderNotes' | 'createRefund' | 'listRefunds'
>;

export function wooOrderChannel(client: WooOrderClient): OrderChannelPort {
  return {
    async setOrderStatus(orderId, status) {
      await client.update(`orders/${orderId}`, { status });
    },
    addOrderNote: async (orderId, note, customerNote) =>
      String((await client.createOrderNote(Number(orderId), { note, customer_note: customerNote })).id),
    listOrderNotes: async (orderId) =>
      (await client.listOrderNotes(Number(orderId))).map((n) => ({ id: String(n.id), note: n.note })),
    async createRefund(orderId, refund) {
      const created = await client.createRefund<{ id: number }>(Number(orderId), {
        amount: refund.amount.amount,
        reason: refund.reason,
        api_refund: false,
        api_restock: refund.restock,
        line_items: refund.lines.map((line) => ({
          id: Number(line.lineId),
          quantity: line.quantity,
          refund_total: line.total.amount,
        })),
      });
      return String(created.id);
    },
    listRefunds: async (orderId) =>
      (await client.listRefunds<{ id: number; reason?: string }>(Number(orderId))).map((r) => ({
        id: String(r.id),
        reason: r.reason ?? '',
      })),
  };
}
