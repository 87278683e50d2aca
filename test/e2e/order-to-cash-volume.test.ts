/**
 * A volume run: ORDERS orders (1,000 by default; `E2E_ORDERS` overrides) through the whole saga,
 * then checked system by system — each exists exactly once in the ERP with the right lines and
 * total, was shipped by the warehouse and completed in WooCommerce, and invoice, payment and
 * channel totals agree to the cent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOPPER, startE2e, type E2e } from './harness.js';

const ORDERS = Number(process.env.E2E_ORDERS ?? 1000);
const SKUS = ['TEE-M', 'MUG', 'CAP', 'SOCKS', 'BAG'];

describe(`order-to-cash end to end: ${ORDERS} orders`, () => {
  let env: E2e;
  const ids: number[] = [];
  const totals = new Map<number, string>();
  const lines = new Map<number, { sku: string; quantity: number }[]>();

  beforeAll(async () => {
    env = await startE2e({
      skus: SKUS,
      stock: 1_000_000,
      steppingClock: false,
      // The production defaults (ERP 50 calls/s, store 20/s) protect real systems; at ~25 ERP calls
      // an order they would make this a 10-minute test of the token bucket. It checks correctness
      // at volume, so the emulators are allowed what they can take.
      hubConfig: (config) => ({
        ...config,
        erp: { ...config.erp, rateLimit: { perSecond: 5_000, burst: 5_000 } },
        stores: config.stores.map((s) => ({ ...s, rateLimit: { perSecond: 5_000, burst: 5_000 } })),
      }),
    });
  }, 60_000);
  afterAll(async () => {
    await env?.stop();
  });

  it(
    'settles every order, once, in every system, with money agreeing to the cent',
    async () => {
      const started = Date.now();
      for (let i = 0; i < ORDERS; i += 1) {
        const items = [
          { sku: SKUS[i % SKUS.length] as string, quantity: 1 + (i % 3) },
          ...(i % 2 === 0 ? [{ sku: SKUS[(i + 2) % SKUS.length] as string, quantity: 1 }] : []),
        ];
        const order = env.woo.createOrder({
          lineItems: items,
          ...SHOPPER,
          billing: { ...SHOPPER.billing, email: `shopper${i}@example.com` },
          transactionId: `ch_${i}`,
        });
        ids.push(order.id);
        totals.set(order.id, order.total);
        lines.set(order.id, items);
      }
      const settled = async () =>
        Number(
          (
            await env.hub.store.db
              .selectFrom('saga_orders')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('state', '=', 'settled')
              .executeTakeFirst()
          )?.n ?? 0,
        );
      await env.waitFor(async () => (await settled()) === ORDERS, {
        what: `${ORDERS} orders settled`,
        timeoutMs: 20 * 60_000,
      });
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `${ORDERS} orders settled in ${seconds.toFixed(1)} s (${(ORDERS / seconds).toFixed(1)} orders/s)`,
      );

      // ERP: exactly one sales order per WooCommerce order, with its lines and the channel's total.
      const erp = env.odoo.models.searchRead(
        'sale.order',
        [],
        ['client_order_ref', 'amount_total', 'order_line', 'state'],
      );
      expect(erp).toHaveLength(ORDERS);
      const byRef = new Map(erp.map((o) => [String(o.client_order_ref), o]));
      expect(byRef.size).toBe(ORDERS);
      const erpLines = env.odoo.models.searchRead(
        'sale.order.line',
        [],
        ['order_id', 'product_id', 'product_uom_qty', 'display_type'],
      );
      const products = new Map(
        env.odoo.models
          .searchRead('product.product', [], ['default_code'])
          .map((p) => [Number(p.id), String(p.default_code)]),
      );
      const linesByOrder = new Map<number, Map<string, number>>();
      for (const l of erpLines) {
        const orderId = Number((l.order_id as [number, string])[0]);
        const sku = products.get(Number((l.product_id as [number, string])[0])) ?? '';
        if (!SKUS.includes(sku)) continue;
        const m = linesByOrder.get(orderId) ?? new Map<string, number>();
        m.set(sku, (m.get(sku) ?? 0) + Number(l.product_uom_qty));
        linesByOrder.set(orderId, m);
      }
      const invoices = env.odoo.models.searchRead(
        'account.move',
        [['move_type', '=', 'out_invoice']],
        ['invoice_origin', 'amount_total', 'payment_state'],
      );
      const invoiceByOrigin = new Map(invoices.map((inv) => [String(inv.invoice_origin), inv]));
      // ERP deliveries: one read for all; per order, every outgoing picking done with a parcel's tracking number.
      const pickingsByOrder = new Map<number, { state: string; tracking: string }[]>();
      for (const p of env.odoo.models.searchRead(
        'stock.picking',
        [['picking_type_code', '=', 'outgoing']],
        ['sale_id', 'state', 'carrier_tracking_ref'],
      )) {
        const orderId = Number((p.sale_id as [number, string])[0]);
        const list = pickingsByOrder.get(orderId) ?? [];
        list.push({ state: String(p.state), tracking: String(p.carrier_tracking_ref) });
        pickingsByOrder.set(orderId, list);
      }
      let channelSum = 0n;
      let erpSum = 0n;
      const cents = (v: unknown) => BigInt(Math.round(Number(v) * 100));
      for (const id of ids) {
        const ref = `WC-eu-${id}`;
        const so = byRef.get(ref);
        expect(so, ref).toBeDefined();
        expect(cents(so?.amount_total), ref).toBe(cents(totals.get(id)));
        const want = new Map<string, number>();
        for (const item of lines.get(id) ?? []) want.set(item.sku, (want.get(item.sku) ?? 0) + item.quantity);
        expect(linesByOrder.get(Number(so?.id)), ref).toEqual(want);
        channelSum += cents(totals.get(id));
        erpSum += cents(so?.amount_total);
        // Warehouse and channel.
        expect(env.woo.getOrder(id)?.status, ref).toBe('completed');
        const saga = await env.saga(id);
        expect(saga?.state, ref).toBe('settled');
        expect(saga?.amounts.invoiceTotal, ref).toBe(totals.get(id));
        expect(saga?.amounts.paid, ref).toBe(totals.get(id));
        const tracking = new Set(saga?.shipments.map((sh) => sh.trackingNumber));
        const pickings = pickingsByOrder.get(Number(so?.id)) ?? [];
        expect(pickings.length, ref).toBeGreaterThan(0);
        for (const p of pickings) {
          expect(p.state, ref).toBe('done');
          expect(tracking.has(p.tracking), ref).toBe(true);
        }
        const invoice = invoiceByOrigin.get(String(so?.name));
        if (invoice) expect(cents(invoice.amount_total), ref).toBe(cents(totals.get(id)));
      }
      expect(erpSum).toBe(channelSum);
      const shipped = [...env.wms.main.fulfilments.list(), ...env.wms.east.fulfilments.list()].filter(
        (f) => f.status === 'shipped',
      );
      expect(new Set(shipped.map((f) => f.reference)).size).toBe(ORDERS);
    },
    25 * 60_000,
  );
});
