/**
 * The public wizards an integration drives: `sale.advance.payment.inv` (create with
 * `advance_payment_method: 'delivered'` and the orders, then `create_invoices`, because
 * `sale.order._create_invoices` is private) and `account.payment.register` (create from the
 * invoices, then `action_create_payments`), plus the `account.payment` they produce.
 */
import { userError } from '../orm/errors.js';
import type { Env, ModelDef, OdooVersion, Row } from '../orm/types.js';
import { bool, char, company, constant, date, float, m2m, m2o, money, sel } from './fields.js';
import { applyPayment, residual } from './invoice.js';
import { lineTaxField, qtyToInvoice } from './sale.js';

const activeIds = (env: Env, model: string): number[] => {
  const ids =
    env.context.active_ids ?? (typeof env.context.active_id === 'number' ? [env.context.active_id] : []);
  const activeModel = env.context.active_model;
  if (activeModel !== undefined && activeModel !== model) return [];
  return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
};

function invoiceOrders(env: Env, orders: Row[]): number[] {
  const created: number[] = [];
  for (const order of orders) {
    const lines = env.store
      .browse(env, 'sale.order.line', env.store.get(env, 'sale.order', order, 'order_line') as number[])
      .filter((l) => !l.display_type && qtyToInvoice(env, l) !== 0);
    if (lines.length === 0) continue;
    const taxField = lineTaxField(env.version);
    created.push(
      env.store.create(env, 'account.move', {
        move_type: 'out_invoice',
        partner_id: order.partner_invoice_id as number,
        partner_shipping_id: order.partner_shipping_id as number,
        currency_id: env.store.get(env, 'sale.order', order, 'currency_id') as number,
        invoice_origin: String(order.name),
        ref: typeof order.client_order_ref === 'string' ? order.client_order_ref : false,
        payment_reference: String(order.name),
        invoice_line_ids: lines.map((l) => [
          0,
          0,
          {
            product_id: l.product_id as number,
            name: String(l.name),
            quantity: qtyToInvoice(env, l),
            price_unit: Number(l.price_unit),
            discount: Number(l.discount ?? 0),
            tax_ids: [[6, 0, (l[taxField] as number[] | undefined) ?? []]],
            sale_line_ids: [[6, 0, [l.id]]],
          },
        ]),
      }),
    );
  }
  if (created.length === 0) {
    throw userError(
      'There is no invoiceable line. If a product has a Delivered quantities invoicing policy, please make sure that a quantity has been delivered.',
    );
  }
  return created;
}

export function wizardModels(version: OdooVersion): ModelDef[] {
  const paymentStates =
    version >= 18
      ? ([
          ['draft', 'Draft'],
          ['in_process', 'In Process'],
          ['paid', 'Paid'],
          ['canceled', 'Canceled'],
          ['rejected', 'Rejected'],
        ] as const)
      : ([
          ['draft', 'Draft'],
          ['posted', 'Posted'],
          ['cancel', 'Cancelled'],
        ] as const);
  const postedState = version >= 18 ? 'in_process' : 'posted';
  const memoField = version >= 18 ? 'memo' : 'ref';
  return [
    {
      name: 'sale.advance.payment.inv',
      description: 'Sales Advance Payment Invoice',
      transient: true,
      fields: {
        advance_payment_method: sel(
          [
            ['delivered', 'Regular invoice'],
            ['percentage', 'Down payment (percentage)'],
            ['fixed', 'Down payment (fixed amount)'],
          ],
          {
            required: true,
            default: constant('delivered'),
          },
        ),
        sale_order_ids: m2m('sale.order', { default: (env) => activeIds(env, 'sale.order') }),
        deduct_down_payments: bool('Deduct down payments', { default: constant(true) }),
        amount: float('Down Payment'),
        fixed_amount: money('Down Payment Amount (Fixed)'),
        ...(version >= 17
          ? { consolidated_billing: bool('Consolidated Billing', { default: constant(true) }) }
          : {}),
        count: float('Order Count', {
          compute: (_env, row) => (Array.isArray(row.sale_order_ids) ? row.sale_order_ids.length : 0),
        }),
      },
      methods: {
        create_invoices: {
          params: [],
          run: (env, ids) => {
            let invoices: number[] = [];
            for (const wizard of env.store.browse(env, 'sale.advance.payment.inv', ids)) {
              if (wizard.advance_payment_method !== 'delivered') {
                throw userError(
                  'This emulator only creates regular invoices (advance_payment_method "delivered"); down payments are not emulated.',
                );
              }
              const orders = env.store.browse(
                env,
                'sale.order',
                (wizard.sale_order_ids as number[] | undefined) ?? [],
              );
              invoices = invoices.concat(invoiceOrders(env, orders));
            }
            if (env.context.open_invoices) {
              return {
                type: 'ir.actions.act_window',
                res_model: 'account.move',
                name: 'Invoices',
                ...(invoices.length === 1
                  ? { res_id: invoices[0]!, view_mode: 'form' }
                  : { domain: [['id', 'in', invoices]], view_mode: 'list,form' }),
                context: { default_move_type: 'out_invoice' },
              };
            }
            return { type: 'ir.actions.act_window_close' };
          },
        },
      },
    },
    {
      name: 'account.payment',
      description: 'Payments',
      order: 'date desc, name desc, id desc',
      fields: {
        name: char('Number', { default: constant('/') }),
        amount: money('Amount'),
        date: date('Date', { default: (env) => env.store.today() }),
        partner_id: m2o('res.partner', { string: 'Customer/Vendor' }),
        payment_type: sel(
          [
            ['outbound', 'Send'],
            ['inbound', 'Receive'],
          ],
          { default: constant('inbound') },
        ),
        partner_type: sel(
          [
            ['customer', 'Customer'],
            ['supplier', 'Vendor'],
          ],
          { default: constant('customer') },
        ),
        journal_id: m2o('account.journal', {
          default: (env) =>
            env.store.search(env, 'account.journal', [['type', '=', 'bank']], { limit: 1 })[0] ?? false,
        }),
        currency_id: m2o('res.currency', { default: () => 1 }),
        state: sel(paymentStates, { default: constant('draft') }),
        [memoField]: char('Memo'),
        reconciled_invoice_ids: m2m('account.move', { string: 'Reconciled Invoices' }),
        company_id: company(),
      },
      methods: {
        action_post: {
          params: [],
          run: (env, ids) => {
            for (const payment of env.store.browse(env, 'account.payment', ids))
              postPayment(env, payment, postedState);
            return false;
          },
        },
      },
    },
    {
      name: 'account.payment.register',
      description: 'Pay',
      transient: true,
      fields: {
        // In Odoo these are the invoices' receivable lines; here they point at the invoices' lines.
        line_ids: m2m('account.move.line', {
          default: (env) =>
            activeIds(env, 'account.move').flatMap((id) => {
              const move = env.store.row('account.move', id);
              return move
                ? (env.store.get(env, 'account.move', move, 'line_ids') as number[]).slice(0, 1)
                : [];
            }),
        }),
        amount: money('Amount', {
          default: (env) =>
            activeIds(env, 'account.move').reduce((sum, id) => {
              const move = env.store.row('account.move', id);
              return sum + (move ? residual(env, move) : 0);
            }, 0),
        }),
        payment_date: date('Payment Date', { default: (env) => env.store.today() }),
        journal_id: m2o('account.journal', {
          default: (env) =>
            env.store.search(env, 'account.journal', [['type', '=', 'bank']], { limit: 1 })[0] ?? false,
        }),
        communication: char('Memo'),
        currency_id: m2o('res.currency', { default: () => 1 }),
        company_id: company(),
      },
      methods: {
        action_create_payments: {
          params: [],
          run: (env, ids) => {
            for (const wizard of env.store.browse(env, 'account.payment.register', ids))
              registerPayment(env, wizard, memoField, postedState);
            return true;
          },
        },
      },
    },
  ];
}

function registerPayment(env: Env, wizard: Row, memoField: string, postedState: string): void {
  const lines = env.store.browse(env, 'account.move.line', (wizard.line_ids as number[] | undefined) ?? []);
  const moves = [...new Set(lines.map((l) => l.move_id as number))].map((id) =>
    env.store.row('account.move', id)!,
  );
  if (moves.length === 0)
    throw userError(
      "You can't register a payment because there is nothing left to pay on the selected journal items.",
    );
  for (const move of moves) {
    if (move.state !== 'posted') throw userError('You can only register payment for posted journal entries.');
  }
  let left = Number(wizard.amount ?? 0);
  const paid: number[] = [];
  for (const move of moves) {
    const take = Math.min(left, residual(env, move));
    if (take <= 0) continue;
    applyPayment(env, move, take);
    paid.push(move.id);
    left -= take;
  }
  const paymentId = env.store.create(env, 'account.payment', {
    amount: Number(wizard.amount ?? 0),
    date: String(wizard.payment_date),
    partner_id: moves[0]!.partner_id as number,
    journal_id: wizard.journal_id as number,
    [memoField]: typeof wizard.communication === 'string' ? wizard.communication : String(moves[0]!.name),
    reconciled_invoice_ids: [[6, 0, paid]],
  });
  postPayment(env, env.store.row('account.payment', paymentId)!, postedState);
}

function postPayment(env: Env, payment: Row, postedState: string): void {
  if (payment.state !== 'draft') throw userError('Only a draft payment can be posted.');
  const year = String(payment.date ?? env.store.today()).slice(0, 4);
  env.store.setRaw(env, 'account.payment', payment, {
    state: postedState,
    name:
      payment.name === '/' || payment.name === false
        ? `PBNK1/${year}/${String(env.store.nextSequence(`PBNK1/${year}`)).padStart(5, '0')}`
        : payment.name,
  });
}
