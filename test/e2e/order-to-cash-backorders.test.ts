/**
 * Backorders over HTTP against the emulators: a SKU with no stock anywhere is backordered and the
 * order waits; stock raised in Odoo reaches the hub through its stock feed and the waiting lines
 * are routed, oldest order first and never beyond what is there, then shipped, completed, invoiced
 * and settled with Odoo's invoice, the payment and the WooCommerce total agreeing to the cent.
 * Stock arriving at a partly shipped order's own warehouse, which Odoo reserves for that order's
 * waiting delivery (so the feed reports none available), still routes and ships that order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pollStockOnce } from '../../src/connectors/odoo/feeds/poll.js';
import { reservedQuantity } from '../../src/flows/inventory/reservation-ledger/index.js';
import { readTimelineEntries } from '../../src/ops/timeline/read-timeline.js';
import { SHOPPER, startE2e, type E2e } from './harness.js';

function setMugs(env: E2e, location: string, quantity: number) {
  const m = env.odoo.models;
  m.write(
    'stock.quant',
    m.search('stock.quant', [
      ['product_id.default_code', '=', 'MUG'],
      ['location_id.complete_name', '=', location],
    ]),
    { quantity },
  );
}

/**
 * One run of the hub's Odoo stock feed, as its poller does it. Only this feed: the deliveries feed
 * would re-report the hub's own validated pickings as new shipments (a separate issue).
 */
const pollStock = (env: E2e) =>
  pollStockOnce({
    erp: env.hub.erp,
    cursors: env.hub.runtime.cursors,
    publish: (events) => env.hub.runtime.publish(events),
    locations: env.config.warehouses.map((w) => w.id),
  });

const mugsAt = (env: E2e, location: string) =>
  env.odoo.models
    .searchRead(
      'stock.quant',
      [
        ['product_id.default_code', '=', 'MUG'],
        ['location_id.complete_name', '=', location],
      ],
      ['quantity'],
    )
    .reduce((sum, q) => sum + Number(q.quantity), 0);

function erpOrder(env: E2e, orderId: number) {
  const m = env.odoo.models;
  const [order] = m.searchRead('sale.order', [['client_order_ref', '=', `WC-eu-${orderId}`]], ['name']);
  const name = String(order?.name);
  return {
    lines: () =>
      m
        .searchRead('sale.order.line', [['order_id.name', '=', name]], ['product_id', 'product_uom_qty'])
        .map((l) => [(l.product_id as [number, string])[1], l.product_uom_qty])
        .filter(([product]) => !String(product).includes('Tax')),
    /** Odoo's deliveries (pickings) for the order, oldest first. */
    pickings: () =>
      m
        .searchRead('stock.picking', [['origin', '=', name]], ['state'], { order: 'id asc' })
        .map((p) => ({ id: Number(p.id), state: p.state })),
    invoices: () =>
      m.searchRead(
        'account.move',
        [
          ['invoice_origin', '=', name],
          ['move_type', '=', 'out_invoice'],
        ],
        ['amount_total', 'payment_state'],
      ),
  };
}

/** What Odoo's scheduler does when goods arrive: its waiting deliveries reserve them. */
function assignWaiting(env: E2e, pickingIds: number[]) {
  env.odoo.models.call('stock.picking', 'action_assign', [pickingIds]);
}

describe('order-to-cash end to end: backorders routed when stock arrives', () => {
  let env: E2e;
  afterEach(async () => {
    await env.stop();
  });

  it('waits with no MUG anywhere, then routes the oldest order first as Odoo stock comes in, ships and settles it; the younger waits', async () => {
    env = await startE2e();
    setMugs(env, 'WH/Stock', 0);
    setMugs(env, 'WH2/Stock', 0);
    await pollStock(env);
    const mugPositions = () =>
      env.hub.store.db.selectFrom('stock_positions').select('on_hand').where('sku', '=', 'MUG').execute();
    await env.waitFor(async () => (await mugPositions()).every((p) => Number(p.on_hand) === 0), {
      what: 'the hub sees no MUG anywhere',
    });

    // A storefront lagging the ERP still sells mugs. The hub may already have pushed MUG 0 (the
    // store's checkout would refuse), so the store shows them again in the checkouts' own tick.
    env.woo.setStock('MUG', 10);
    const first = env.woo.createOrder({ lineItems: [{ sku: 'MUG', quantity: 2 }], ...SHOPPER });
    const second = env.woo.createOrder({
      lineItems: [
        { sku: 'TEE-M', quantity: 1 },
        { sku: 'MUG', quantity: 1 },
      ],
      ...SHOPPER,
    });
    await env.waitFor(async () => (await env.saga(first.id))?.state === 'fulfilment_requested', {
      what: 'the first order waiting',
    });
    await env.waitFor(async () => (await env.saga(second.id))?.state === 'partially_shipped', {
      what: 'the second order shipped its shirt and waiting for its mug',
    });
    expect((await env.saga(first.id))?.routing?.backorders.map((l) => [l.sku, l.quantity])).toEqual([
      ['MUG', 2],
    ]);
    expect(env.wms.main.fulfilments.byReference(`WC-eu-${first.id}/main/1`)).toEqual([]);
    // Odoo holds the backordered lines from registration: its invoice will bill them.
    expect(erpOrder(env, first.id).lines()).toEqual([['[MUG] Product MUG', 2]]);
    expect(erpOrder(env, second.id).lines()).toEqual([
      ['[TEE-M] Product TEE-M', 1],
      ['[MUG] Product MUG', 1],
    ]);

    // Two mugs arrive at main: enough for the older order only.
    setMugs(env, 'WH/Stock', 2);
    await pollStock(env);
    await env.waitFor(async () => (await env.saga(first.id))?.state === 'settled', {
      what: 'the first order settled',
    });
    expect((await env.saga(second.id))?.state).toBe('partially_shipped');
    expect((await env.saga(second.id))?.routing?.backorders.map((l) => [l.sku, l.quantity])).toEqual([
      ['MUG', 1],
    ]);
    expect(
      env.wms.main.fulfilments
        .byReference(`WC-eu-${first.id}/main/1`)[0]
        ?.lines.map((l) => [l.sku, l.quantity]),
    ).toEqual([['MUG', 2]]);
    // The parcel validated Odoo's delivery: the two mugs left WH/Stock.
    expect(mugsAt(env, 'WH/Stock')).toBe(0);

    const saga = await env.saga(first.id);
    expect(env.woo.getOrder(first.id)?.status).toBe('completed');
    expect(env.woo.state.refundsOf(first.id)).toEqual([]);
    expect(erpOrder(env, first.id).invoices()).toEqual([
      expect.objectContaining({ amount_total: Number(first.total), payment_state: 'in_payment' }),
    ]);
    expect(saga?.amounts).toMatchObject({ invoiceTotal: first.total, paid: first.total });
    expect(saga?.routing?.backorders).toEqual([]);
    const summaries = (await readTimelineEntries(env.hub.store.db, `order:eu:${first.id}`)).map(
      (e) => e.summary,
    );
    expect(summaries).toContainEqual(
      expect.stringContaining('Backorder routed now that stock arrived: 2× MUG → main'),
    );
    expect(summaries).toContainEqual(expect.stringContaining('ERP delivery WH/OUT/'));
    expect(await reservedQuantity(env.hub.store.db, 'MUG')).toBe(0);

    // The younger order's mug arrives at main, its own ERP warehouse: Odoo's waiting delivery for
    // it (the rest of the partly validated one) reserves the mug, so the feed reports none available.
    const secondErp = erpOrder(env, second.id);
    const open = secondErp.pickings().filter((p) => p.state !== 'done' && p.state !== 'cancel');
    expect(open).toHaveLength(1);
    setMugs(env, 'WH/Stock', 1);
    assignWaiting(
      env,
      open.map((p) => p.id),
    );
    expect(secondErp.pickings().map((p) => p.state)).toEqual(['done', 'assigned']);
    await pollStock(env);
    await env.waitFor(async () => (await env.saga(second.id))?.state === 'settled', {
      what: 'the second order routed on Odoo’s reservation, shipped and settled',
    });
    const settled = await env.saga(second.id);
    expect(settled?.routing?.backorders).toEqual([]);
    const mugParcel = settled?.fulfilments.find((f) => f.lines.some((l) => l.sku === 'MUG'));
    expect(mugParcel?.location).toBe('main');
    expect(
      env.wms.main.fulfilments
        .byReference(mugParcel?.reference ?? '')[0]
        ?.lines.map((l) => [l.sku, l.quantity]),
    ).toEqual([['MUG', 1]]);
    // Odoo's reserved delivery was the one validated: nothing left open, the mug gone from stock.
    expect(secondErp.pickings().map((p) => p.state)).toEqual(['done', 'done']);
    expect(mugsAt(env, 'WH/Stock')).toBe(0);
    expect(env.woo.getOrder(second.id)?.status).toBe('completed');
    expect(env.woo.state.refundsOf(second.id)).toEqual([]);
    expect(secondErp.invoices()).toEqual([
      expect.objectContaining({ amount_total: Number(second.total), payment_state: 'in_payment' }),
    ]);
    expect(settled?.amounts).toMatchObject({ invoiceTotal: second.total, paid: second.total });
    const secondSummaries = (await readTimelineEntries(env.hub.store.db, `order:eu:${second.id}`)).map(
      (e) => e.summary,
    );
    expect(secondSummaries).toContainEqual(
      expect.stringContaining('Backorder routed now that stock arrived: 1× MUG → main'),
    );
    // The ERP holds the mug, not the hub's ledger: nothing was held twice.
    expect(await reservedQuantity(env.hub.store.db, 'MUG')).toBe(0);
  });
});
